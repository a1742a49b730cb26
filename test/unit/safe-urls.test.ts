// Which URLs Markdown and MDX links may keep (src/lib/safe-urls.ts); the built pages, MDX JSX
// included, are checked in test/e2e/hostile.test.ts.
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { describe, expect, it } from 'vitest';
import { isSafeUrl, safeUrls } from '../../src/lib/safe-urls.ts';

describe('isSafeUrl', () => {
  it.each(['https://example.com/', 'http://x', 'mailto:a@b.c', 'tel:+1', '/guides/', '../x', '#kr-1', '?q=a', 'plain'])('keeps %s', (u) =>
    expect(isSafeUrl(u)).toBe(true),
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
  ])('drops %j', (u) => expect(isSafeUrl(u)).toBe(false));
});

describe('the Markdown plugin', () => {
  it('turns javascript: links into text, drops data: images, keeps ordinary links', async () => {
    const md = await createSatteriMarkdownProcessor({ hastPlugins: [safeUrls] });
    const { code } = await md.render(
      '[a](javascript:x) [b](&#106;avascript:y) [c][e] [ok](/guides/) ![i](data:image/png,x)\n\n[e]: JAVASCRIPT:z\n',
    );
    expect(code.trim()).toBe('<p><span>a</span> <span>b</span> <span>c</span> <a href="/guides/">ok</a> <img alt="i"></p>');
  });
});
