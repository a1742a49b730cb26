// Narratives and guides are data (src/lib/prose): `okr check` reports what a page may not hold with
// its line and column, and the build's renderer refuses the same page on its own parse — while the
// Markdown, components and harmless HTML a handbook uses render as before.
import { describe, expect, it } from 'vitest';
import { isSafeLink, isSiteImage } from '../../src/lib/prose/allowlist.ts';
import { checkProse } from '../../src/lib/prose/check.ts';
import { tooDeepAt } from '../../src/lib/prose/nesting.ts';
import { ProseRefused, renderProse } from '../../src/lib/prose/render.ts';

const check = (text: string, format: 'md' | 'mdx' = 'mdx') => checkProse('p.mdx', text, format).issues;

describe('what a page may hold', () => {
  it('renders Markdown, GFM tables and the allowed HTML; components become segments of their own', () => {
    const text =
      '---\ntitle: T\n---\n\n## A heading\n\nSome *text*, <span lang="th">ไทย</span> and [a link](https://example.com/).\n\n' +
      '<OkrTable period="2025-Q1" team="sales" />\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n<details open>\n<summary>More</summary>\n\nHidden\n</details>\n';
    expect(check(text)).toEqual([]);
    const segments = renderProse('p.mdx', text, 'mdx');
    expect(segments).toHaveLength(3);
    expect(segments[1]).toEqual({ component: 'OkrTable', props: { period: '2025-Q1', team: 'sales' } });
    const html = segments.map((s) => ('html' in s ? s.html : '')).join('');
    expect(html).toContain('<h2 id="a-heading">A heading</h2>');
    expect(html).toContain('<span lang="th">ไทย</span>');
    expect(html).toContain('<a href="https://example.com/">a link</a>');
    // Table alignment becomes a class: the policy allows no style attribute.
    expect(html).toContain('<th class="align-left">a</th>');
    expect(html).not.toContain('style=');
    expect(html).toContain('<details open>');
  });

  it("nested in a page's section, ranks its headings below that section's and gives them ids of their own", () => {
    const text = '## Company objectives\n\nText\n\n### Detail\n\n<h2>Risks</h2>\n\n###### Deep\n';
    const html = (renderProse('p.mdx', text, 'mdx', { headingsFrom: 3, idPrefix: 'about-' })[0] as { html: string }).html;
    expect(html).toContain('<h3 id="about-company-objectives">Company objectives</h3>');
    expect(html).toContain('<h4 id="about-detail">Detail</h4>');
    expect(html).toContain('<h3>Risks</h3>');
    expect(html).toContain('<h6 id="about-deep">Deep</h6>');
    // Not nested: as written.
    expect((renderProse('p.mdx', text, 'mdx')[0] as { html: string }).html).toContain(
      '<h2 id="company-objectives">Company objectives</h2>',
    );
  });

  it('keeps an HTML comment out of a Markdown page, and escapes text', () => {
    expect(check('# T\n\n<!-- a note -->\n\n5 < 6 & 7\n', 'md')).toEqual([]);
    expect(renderProse('p.md', '# T\n\n<!-- a note -->\n\n5 < 6 & 7\n', 'md')).toEqual([
      { html: '<h1 id="t">T</h1>\n\n<p>5 &#x3C; 6 &#x26; 7</p>' },
    ]);
  });
});

/** [what, page, line:column and a message the check must report]. */
const ATTACKS: [string, string, string, RegExp][] = [
  ['an import that ran code', "import fs from 'node:fs'\n\n# Hi\n", '1:1', /cannot import or export code/],
  ['a ?raw import of an internal file', "import secret from '../okrs/2025-Q1/company.yaml?raw'\n", '1:1', /import or export/],
  ['a ?url import', "import u from '../org.yaml?url'\n", '1:1', /import or export/],
  ['an export that runs at build time', "export const x = require('fs').writeFileSync('/tmp/p', '')\n", '1:1', /import or export/],
  ['an expression', 'Home is {process.env.HOME}.\n', '1:9', /expressions/],
  ['an expression attribute', '<span title={globalThis.x}>x</span>\n', '1:1', /expression/],
  ['a spread attribute', '<span {...x}>x</span>\n', '1:1', /spread/],
  ['<script>', 'Text\n\n<script>alert(1)</script>\n', '3:1', /<script> is not allowed/],
  ['an onerror handler', '<img src="/a.png" onerror="alert(1)" />\n', '1:1', /attribute 'onerror'/],
  ['an ontoggle handler', '<details ontoggle="alert(1)" open>x</details>\n', '1:1', /attribute 'ontoggle'/],
  ['an iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>" />\n', '1:1', /<iframe> is not allowed/],
  ['set:html', '<div set:html="<img src=x onerror=alert(1)>" />\n', '1:1', /attribute 'set:html'/],
  ['<base href>', '<base href="https://evil.example/" />\n', '1:1', /<base> is not allowed/],
  ['<meta http-equiv=refresh>', '<meta httpEquiv="refresh" content="0;url=https://evil.example/" />\n', '1:1', /<meta> is not allowed/],
  ['a style attribute', '<div style="position:fixed;inset:0">Sign in again</div>\n', '1:1', /attribute 'style'/],
  ['a <style> element', '<style>{`body{display:none}`}</style>\n', '1:1', /<style> is not allowed/],
  ['an <svg>', '<svg><script>alert(1)</script></svg>\n', '1:1', /<svg> is not allowed/],
  ['an <object>', '<object data="https://evil.example/x" />\n', '1:1', /<object> is not allowed/],
  ['a <form>', '<form action="https://evil.example/"><button>Go</button></form>\n', '1:1', /<form> is not allowed/],
  ['a javascript: link', '[click](javascript:alert(1))\n', '1:1', /link to 'javascript:alert\(1\)'/],
  ['an entity-encoded javascript: link', '[click](&#106;avascript:alert(1))\n', '1:1', /link to 'javascript:/],
  ['a javascript: reference link', '[click][x]\n\n[x]: JAVASCRIPT:alert(1)\n', '1:1', /link to/],
  ['a javascript: JSX link', '<a href=" javascript:alert(1)">x</a>\n', '1:1', /link to/],
  ['a data: link', '[x](data:text/html,<script>alert(1)</script>)\n', '1:1', /link to 'data:/],
  ['an image from another host', '![x](https://evil.example/pixel.png)\n', '1:1', /another host/],
  ['an image from a protocol-relative URL', '<img src="//evil.example/p.png" />\n', '1:1', /another host/],
  ['a fragment', '<>x</>\n', '1:1', /fragments/],
  ['a component inside a paragraph', 'See <GradeExample kr="a.kr1" /> here.\n', '1:5', /on its own line/],
  ['a component nested in an element', '<div>\n<OkrTable period="2025-Q1" />\n</div>\n', '2:1', /on its own line/],
  ['a component with an expression attribute', '<OkrTable period={p} />\n', '1:1', /needs a value written as text/],
];

describe('the rules refuse every attack, in okr check and in the renderer alike', () => {
  it.for(ATTACKS)('%s', ([, text, at, message]) => {
    const issues = check(text);
    expect(
      issues.map((i) => `${i.line}:${i.column}`),
      JSON.stringify(issues),
    ).toContain(at);
    const issue = issues.find((i) => `${i.line}:${i.column}` === at)!;
    expect(issue.message).toMatch(message);
    expect(issue.hint?.length).toBeGreaterThan(10);
    expect(() => renderProse('p.mdx', text, 'mdx')).toThrow(ProseRefused);
  });

  it('reports every attribute an element may not carry, each on its own', () => {
    expect(check('<img src="https://evil.example/p.png" onerror="x()" style="y" alt="ok" />\n').map((i) => i.message)).toEqual([
      "the image 'https://evil.example/p.png' comes from another host",
      "<img> may not carry the attribute 'onerror'",
      "<img> may not carry the attribute 'style'",
    ]);
  });

  it('refuses raw HTML in a Markdown (.md) page, where nothing can be allowed by element', () => {
    const text = 'Hi <span lang="th">x</span>\n\n<script>alert(1)</script>\n';
    expect(check(text, 'md').map((i) => [i.line, i.message])).toEqual([
      [1, 'raw HTML is not allowed in a Markdown page (<span lang="th">)'],
      [1, 'raw HTML is not allowed in a Markdown page (</span>)'],
      [3, 'raw HTML is not allowed in a Markdown page (<script>alert(1)</script>)'],
    ]);
    expect(() => renderProse('p.md', text, 'md')).toThrow(ProseRefused);
  });
});

describe('bounded work', () => {
  it.for([
    ['nested expressions (these crashed the parser)', `{${'('.repeat(7000)}${')'.repeat(7000)}}\n`],
    ['nested tags', `a ${'<span>'.repeat(50_000)}x${'</span>'.repeat(50_000)}\n`],
    ['nested quotes', `${'>'.repeat(5000)} x\n`],
    ['nested ordered lists', `${'1. '.repeat(250_000)}x\n`],
    ['deep indentation', `${' '.repeat(400)}- x\n`],
  ])('%s: one error where the nesting passes the limit, before any parser runs', ([, text]) => {
    const issues = check(text!);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/nests more than 100 levels/);
    expect(() => renderProse('p.mdx', text!, 'mdx')).toThrow(/nests more than 100/);
  });

  it('finds emphasis nested deeper than the limit in the tree (the parser itself copes with it)', () => {
    const issues = check(`${'*'.repeat(1000)}x${'*'.repeat(1000)}\n`);
    expect(issues.map((i) => i.message)).toEqual([expect.stringMatching(/nests more than 100 levels deep/)]);
  });

  it('refuses a page over the size limit before reading it', () => {
    const issues = check(`${'word '.repeat(250_000)}\n`);
    expect(issues.map((i) => i.message)).toEqual([expect.stringMatching(/pages are limited to 1 MB/)]);
  });

  it('reads ordinary prose as shallow: brackets that close, autolinks and lists', () => {
    expect(tooDeepAt(`${'(a) [b] {c} '.repeat(10_000)}\n${'<https://x.example/> '.repeat(200)}\n- a\n  - b\n    - c\n`)).toBeUndefined();
  });
});

describe('URLs', () => {
  it.each(['https://example.com/', 'http://x', 'mailto:a@b.c', 'tel:+1', '/guides/', '../x', '#kr-1', '?q=a', 'plain'])(
    'links may go to %s',
    (u) => expect(isSafeLink(u)).toBe(true),
  );
  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:x',
    ' javascript:x',
    'java\tscript:x',
    'java\nscript:x',
    '\u0001javascript:x',
    'data:text/html,x',
    'vbscript:x',
  ])('links may not go to %j', (u) => expect(isSafeLink(u)).toBe(false));
  it('images come from the site itself', () => {
    for (const u of ['/images/a.png', 'a.png', '../a.png']) expect(isSiteImage(u)).toBe(true);
    for (const u of ['https://x.example/a.png', '//x.example/a.png', 'data:image/png;base64,AAAA', '/\\x.example/a.png'])
      expect(isSiteImage(u)).toBe(false);
  });
});
