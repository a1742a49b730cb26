// Markdown in guides and period narratives may link anywhere on the web, but never run code: a URL
// with a scheme other than http, https, mailto or tel (javascript:, data:, vbscript:, …) is dropped,
// and a link that loses its URL becomes plain text. A hast plugin for Astro's Markdown processor
// (Sätteri), registered in astro.config.mjs for Markdown and MDX alike; it sees Markdown links and
// images as well as JSX elements written in MDX.
import type { satteri } from '@astrojs/markdown-satteri';

type HastPlugin = NonNullable<NonNullable<Parameters<typeof satteri>[0]>['hastPlugins']>[number];

/** Elements that can carry a URL, and the properties (hast names and HTML names) that hold it. */
const TAGS = [
  'a',
  'area',
  'img',
  'iframe',
  'embed',
  'object',
  'form',
  'button',
  'input',
  'video',
  'audio',
  'source',
  'track',
  'q',
  'blockquote',
];
const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'formaction', 'poster', 'cite', 'data'];

/** True for relative URLs and for http, https, mailto and tel ones. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007f]/g, ''));
  return !scheme || /^(?:https?|mailto|tel)$/i.test(scheme[1]!);
}

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

export const safeUrls: HastPlugin = {
  name: 'okr-safe-urls',
  element: {
    filter: TAGS,
    visit(node, ctx) {
      const props = node.properties ?? {};
      const unsafe = URL_PROPERTIES.filter((p) => typeof props[p] === 'string' && !isSafeUrl(props[p]));
      if (!unsafe.length) return;
      if (node.tagName === 'a' && unsafe.includes('href')) {
        const kept = Object.fromEntries(Object.entries(props).filter(([k]) => !unsafe.includes(k))) as typeof props;
        ctx.replaceNode(node, { type: 'element', tagName: 'span', properties: kept, children: [...node.children] });
      } else for (const p of unsafe) ctx.setProperty(node, p, null);
    },
  },
  ...Object.fromEntries(
    (['mdxJsxFlowElement', 'mdxJsxTextElement'] as const).map((type) => [
      type,
      {
        filter: TAGS,
        visit(node: { name: string | null; attributes: JsxAttribute[] }, ctx: { replaceNode: (n: unknown, m: unknown) => void }) {
          const unsafe = (a: JsxAttribute) =>
            a.type === 'mdxJsxAttribute' && URL_PROPERTIES.includes(a.name ?? '') && (typeof a.value !== 'string' || !isSafeUrl(a.value));
          if (!node.attributes.some(unsafe)) return;
          const name = node.name === 'a' && node.attributes.some((a) => unsafe(a) && a.name === 'href') ? 'span' : node.name;
          ctx.replaceNode(node, { ...node, name, attributes: node.attributes.filter((a) => !unsafe(a)) });
        },
      },
    ]),
  ),
};
