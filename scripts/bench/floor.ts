// The floor: plain Astro building the same number of pages of about the same HTML size as the
// handbook, from ONE dynamic route with a trivial template — no layout, components, CSS, scripts or
// integrations. What any static build of that many pages costs on this machine.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TEXT =
  'Objective progress is reviewed every two weeks; each key result reports its value, status and a short note for the readers of this page.';
/** Bytes one list item adds to the page: <li>Item 12 of page 345: TEXT</li>. */
const ITEM_BYTES = TEXT.length + 30;
/** Bytes of the page without its list (doctype, head, heading). */
const SHELL_BYTES = 200;

/** Writes the floor project into `dir` (node_modules symlinked from `root`). Build it with `astro build` in `dir`. */
export function writeFloorSite(dir: string, root: string, pages: number, bytesPerPage: number): { items: number } {
  const items = Math.max(1, Math.round((bytesPerPage - SHELL_BYTES) / ITEM_BYTES));
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{ "name": "okr-bench-floor", "private": true, "type": "module" }\n');
  // Caches inside the project: the defaults (node_modules/…) would land in the symlinked node_modules.
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "export default { outDir: './dist', cacheDir: './.astro-cache', devToolbar: { enabled: false }, vite: { cacheDir: './.vite-cache' } };\n",
  );
  writeFileSync(
    join(dir, 'src/pages/[slug].astro'),
    `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { slug: \`page-\${i}\` }, props: { i } }));
}
const { i } = Astro.props;
const items = Array.from({ length: ${items} }, (_, k) => \`Item \${k} of page \${i}: ${TEXT}\`);
---

<html lang="en">
  <head><meta charset="utf-8" /><title>Page {i}</title></head>
  <body>
    <h1>Page {i}</h1>
    <ul>{items.map((t) => <li>{t}</li>)}</ul>
  </body>
</html>
`,
  );
  return { items };
}
