// What a narrative or guide page may contain: Markdown, the handbook's own components and a few
// harmless HTML elements. Everything else is refused by `okr check` and by the build alike
// (./rules.ts judges, ./render.ts renders only what is listed here). docs/content-model.md
// ("Narratives and guides") gives each rule its reason.

/** The components pages provide, with the attributes each takes (string values only). */
export const COMPONENTS: Record<string, { required: readonly string[]; optional: readonly string[]; example: string }> = {
  OkrTable: { required: ['period'], optional: ['team'], example: '<OkrTable period="2025-Q1" team="engineering" />' },
  GradeExample: { required: ['kr'], optional: [], example: '<GradeExample kr="2025-q1-company-revenue.kr1" />' },
};

/** Attributes any allowed element may carry, by HTML name, with their hast property names. */
const GLOBAL: Record<string, string> = { lang: 'lang', dir: 'dir', title: 'title' };

/**
 * HTML elements a page may write (in .mdx), with the attributes each may carry beyond GLOBAL.
 * Text-level and structural elements only: nothing that runs, loads, embeds, submits, styles or
 * redirects (no script, style, iframe, object, form, input, base, meta, link, svg, math).
 */
export const ELEMENTS: Record<string, Record<string, string>> = {
  a: { href: 'href' },
  abbr: {},
  b: {},
  bdi: {},
  bdo: {},
  blockquote: { cite: 'cite' },
  br: {},
  caption: {},
  cite: {},
  code: {},
  dd: {},
  del: { cite: 'cite', datetime: 'dateTime' },
  details: { open: 'open' },
  dfn: {},
  div: {},
  dl: {},
  dt: {},
  em: {},
  figcaption: {},
  figure: {},
  h2: {},
  h3: {},
  h4: {},
  h5: {},
  h6: {},
  hr: {},
  i: {},
  img: { src: 'src', alt: 'alt', width: 'width', height: 'height' },
  ins: { cite: 'cite', datetime: 'dateTime' },
  kbd: {},
  li: {},
  mark: {},
  ol: { start: 'start', reversed: 'reversed' },
  p: {},
  pre: {},
  q: { cite: 'cite' },
  rp: {},
  rt: {},
  ruby: {},
  s: {},
  samp: {},
  small: {},
  span: {},
  strong: {},
  sub: {},
  summary: {},
  sup: {},
  table: {},
  tbody: {},
  td: { colspan: 'colSpan', rowspan: 'rowSpan' },
  tfoot: {},
  th: { colspan: 'colSpan', rowspan: 'rowSpan', scope: 'scope', abbr: 'abbr' },
  thead: {},
  time: { datetime: 'dateTime' },
  tr: {},
  u: {},
  ul: {},
  var: {},
  wbr: {},
};

/** The hast property of an attribute `name` on element `tag`; undefined when it is not allowed. */
export function allowedAttribute(tag: string, name: string): string | undefined {
  return Object.hasOwn(GLOBAL, name) ? GLOBAL[name] : Object.hasOwn(ELEMENTS[tag] ?? {}, name) ? ELEMENTS[tag]![name] : undefined;
}

export const isAllowedElement = (tag: string) => Object.hasOwn(ELEMENTS, tag);

/**
 * Elements Markdown syntax itself produces (headings, lists, tables, task lists, footnotes), with
 * the hast properties it gives them. The renderer keeps exactly these.
 */
export const MARKDOWN_ELEMENTS: Record<string, readonly string[]> = {
  p: [],
  h1: [],
  h2: ['id', 'className'],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  blockquote: [],
  ul: ['className'],
  ol: ['start'],
  li: ['className', 'id'],
  input: ['type', 'checked', 'disabled'],
  pre: [],
  code: ['className'],
  em: [],
  strong: [],
  del: [],
  a: ['href', 'title', 'id', 'dataFootnoteRef', 'dataFootnoteBackref', 'ariaDescribedBy', 'ariaLabel', 'className'],
  img: ['src', 'alt', 'title'],
  hr: [],
  br: [],
  sup: [],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['style'],
  td: ['style'],
  section: ['dataFootnotes', 'className'],
};

/** Properties that hold a URL, and which kind of URL each may hold. */
export const URL_PROPERTIES: Record<string, 'link' | 'image'> = { href: 'link', cite: 'link', src: 'image' };

/** Links may go anywhere on the web, never run code: relative URLs and http, https, mailto and tel. */
export function isSafeLink(url: string): boolean {
  const scheme = urlScheme(url);
  return !scheme || /^(?:https?|mailto|tel)$/.test(scheme);
}

/** The scheme a browser reads from a URL, in lower case ("javascript" for "Java\tScript:…"); undefined for none. */
export function urlScheme(url: string): string | undefined {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  return /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007f]/g, ''))?.[1]!.toLowerCase();
}

/**
 * Images come from the site itself: a relative or root-relative path, never another host (an
 * image from elsewhere tells that host who reads the handbook, and when).
 */
export function isSiteImage(url: string): boolean {
  const u = url.replace(/[\u0000-\u0020\u007f]/g, '');
  return !/^[a-z][a-z0-9+.-]*:/i.test(u) && !u.startsWith('//') && !u.startsWith('\\\\') && !u.startsWith('/\\');
}

/**
 * Limits checked on the text before it is parsed: the MDX parser recurses once per level of
 * nesting and crashes the process (no error to catch) somewhere past a few thousand levels.
 * Readable prose nests a handful of levels; 100 of any kind is far beyond it.
 */
export const MAX_NESTING = 100;
/** A page of prose larger than this (about 150,000 words) is refused before it is read. */
export const MAX_PROSE_BYTES = 1024 * 1024;
