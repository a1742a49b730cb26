// Parse a narrative or guide page into a tree (hast, with positions) — as data: nothing in it is
// compiled or run. Size and nesting are checked on the text first (./nesting.ts): past a few
// thousand levels the parser crashes the process instead of reporting.
import { markdownToHast, mdxToHast } from 'satteri';
import { MAX_NESTING, MAX_PROSE_BYTES } from './allowlist.ts';
import { tooDeepAt, tooMuchMarkupAt } from './nesting.ts';

/** `.mdx` pages are MDX (a few HTML elements and the handbook's components allowed); `.md` pages are Markdown. */
export type ProseFormat = 'md' | 'mdx';
export const proseFormat = (file: string): ProseFormat => (file.endsWith('.mdx') ? 'mdx' : 'md');

/** The tree as satteri gives it: hast plus MDX's nodes (ESM, expressions, JSX elements). */
export interface ProseNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  /** MDX JSX elements: the name as written (null for a fragment <>) and the attributes. */
  name?: string | null;
  attributes?: ProseAttribute[];
  value?: unknown;
  children?: ProseNode[];
  position?: { start: { line: number; column: number } };
}
export interface ProseAttribute {
  type: string;
  name?: string;
  /** A string, null for a bare attribute (`open`), or an expression object (`x={…}`). */
  value?: unknown;
}

/** One thing a page may not contain, where it is and how to fix it. */
export interface ProseProblem {
  line: number;
  column: number;
  message: string;
  hint: string;
}

const FEATURES = { gfm: true, smartPunctuation: true, frontmatter: true } as const;

/** The page's tree, or the one problem that keeps it from being read. */
export function parseProse(text: string, format: ProseFormat): { tree: ProseNode } | { problem: ProseProblem } {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_PROSE_BYTES)
    return {
      problem: {
        line: 1,
        column: 1,
        message: `the page is ${(bytes / 1024 / 1024).toFixed(1)} MB; pages are limited to ${MAX_PROSE_BYTES / 1024 / 1024} MB`,
        hint: 'split it into several guides',
      },
    };
  const deep = tooDeepAt(text);
  if (deep !== undefined)
    return {
      problem: {
        ...lineColumn(text, deep),
        message: `the page nests more than ${MAX_NESTING} levels deep here (quotes, lists, tags or brackets)`,
        hint: 'prose needs only a few levels; look for a runaway run of >, -, <tag> or ( [ {',
      },
    };
  const much = tooMuchMarkupAt(text, format);
  if (much)
    return {
      problem: {
        ...lineColumn(text, much.at),
        message: `${much.what}: more than the parser reads in good time`,
        hint: 'prose needs a few tags and no code: use Markdown for structure, and write &lt; and \\{ for the characters',
      },
    };
  try {
    const parse = format === 'mdx' ? mdxToHast : markdownToHast;
    return { tree: parse(text, { features: FEATURES, position: true }) };
  } catch (e) {
    const m = /^(\d+):(\d+): ([\s\S]*)$/.exec((e as Error).message);
    return {
      problem: {
        line: m ? Number(m[1]) : 1,
        column: m ? Number(m[2]) : 1,
        message: `${format === 'mdx' ? 'MDX' : 'Markdown'} syntax: ${m ? m[3] : (e as Error).message}`,
        hint: 'MDX reads < and { as the start of a component or an expression: close it, or write &lt; and \\{ for the characters',
      },
    };
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
