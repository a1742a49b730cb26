// Keys no content file may use (checked by sanitise() in ./schema-issues.ts; the fast path in
// ./yaml-construct.ts leaves files with them to it).

/**
 * Keys that are never fields and that JavaScript gives a meaning: `__proto__` as a key of an object
 * sets its prototype (a period's `__proto__: {classification: public}` once made every field it
 * lacked read as public), and `constructor` / `prototype` name what every object inherits. They are
 * errors anywhere in a file, and are never copied into a record.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
