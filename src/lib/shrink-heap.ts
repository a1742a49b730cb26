// A garbage collection that gives freed memory back to the system now. V8 does that on its own only
// after some idle seconds (its memory reducer); an ordinary collection keeps the pages. Used where a
// big build hands memory on: after the pages are built, and by the history thread before it answers.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The `gc` function is V8's, exposed for this call; where it cannot be, the memory reducer still does it later. */
export function shrinkHeap(): void {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as (options: object) => void;
    gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  } catch {
    // Not available in this runtime: nothing is lost but time.
  }
}
