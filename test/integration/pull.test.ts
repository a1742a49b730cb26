// okr pull against real sources: files in the content directory, a local HTTP server, real SQLite
// files and a real PostgreSQL server the test starts (test/postgres-server.ts). No client is mocked.
// The fixture (test/fixtures/live) is a small handbook whose key results name sources/<id>.yaml;
// each case copies it and writes the sources it needs.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { krLeaf } from '../../src/lib/receipts/leaves.ts';
import { buildSite, copyContent, edit, ROOT, runOkr } from '../helpers.ts';
import { startPostgres, type PostgresServer } from '../postgres-server.ts';

const FIXTURE = join(ROOT, 'test/fixtures/live');
/** 2030-02-15T06:00:00Z, in the fixture's period 2030-Q1. */
const AT = { SOURCE_DATE_EPOCH: '1897365600' };
const okrs = (dir: string) => join(dir, 'okrs/2030-Q1/company.yaml');
const source = (dir: string, id: string, yaml: string) => writeFileSync(join(dir, 'sources', `${id}.yaml`), `id: ${id}\n${yaml}`);
const sha256 = (b: string | Uint8Array) => createHash('sha256').update(b).digest('hex');
const pull = (dir: string, env: Record<string, string> = {}, ...args: string[]) =>
  runOkr(['pull', '--content', dir, ...args], { ...AT, ...env });
/** okr pull in a child process while this one keeps serving HTTP (runOkr would block the server). */
function pullAsync(dir: string, env: Record<string, string> = {}): Promise<ReturnType<typeof pull>> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/okr.ts'), 'pull', '--content', dir], {
      env: { ...process.env, NO_COLOR: '1', ...AT, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => ok({ code, stdout, stderr }));
  });
}
const krOf = (dir: string, objective: number, kr: number) =>
  (parse(readFileSync(okrs(dir), 'utf8')) as { objectives: { keyResults: Record<string, unknown>[] }[] }).objectives[objective]!.keyResults[
    kr
  ]!;

/** A failed run: exit 1, the file untouched, and each [source, key result] named on one line with its position. */
function expectFailures(dir: string, r: ReturnType<typeof pull>, before: string, cases: [string, string, RegExp][]) {
  expect(r.code, r.stdout + r.stderr).toBe(1);
  expect(readFileSync(okrs(dir), 'utf8')).toBe(before);
  expect(r.stderr).toMatch(/nothing was written/);
  for (const [id, kr, message] of cases) {
    const line = r.stderr.split('\n').find((l) => l.includes(`source '${id}'`) && l.includes(`key result 2030-q1-company-${kr}`));
    expect(line, `no failure for ${id} in:\n${r.stderr}`).toBeDefined();
    expect(line).toMatch(/okrs\/2030-Q1\/company\.yaml:\d+:\d+ error/);
    expect(line).toMatch(message);
  }
}

describe('okr pull: files in the repository', () => {
  it('appends a check-in with provenance to each key result whose value changed, keeping every other byte', () => {
    const dir = copyContent(FIXTURE);
    const before = readFileSync(okrs(dir), 'utf8');
    const r = pull(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Added 3 check-ins to 1 file/);
    const after = readFileSync(okrs(dir), 'utf8');
    // Only lines were added (and `checkins: []` opened into a block list): the old lines are all there, in order.
    const old = before.split('\n').filter((l) => l !== '        checkins: []');
    let i = 0;
    for (const line of after.split('\n')) if (line === old[i]) i++;
    expect(i, `old line ${i + 1} lost: ${old[i]}`).toBe(old.length);
    expect(after).toContain('        baseline: 10 # audited\n');
    expect(after).toContain('      # Revenue comes from the finance export; the first check-in was typed by hand.\n');
    expect(after).toContain(`title: 'Raise NPS from 30 to 50'`);

    const arr = krOf(dir, 0, 0).checkins as Record<string, unknown>[];
    expect(arr).toHaveLength(2);
    expect(arr[0]).toEqual({ date: '2030-01-20', value: 12, note: 'Typed by hand #1' });
    // The latest row dated within the period and not after today, scaled from dollars to $M.
    expect(arr[1]).toEqual({
      date: '2030-02-14',
      value: 14.5,
      provenance: {
        source: 'arr',
        queryHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        fetchedAt: '2030-02-15T06:00:00Z',
        resultDigest: sha256(readFileSync(join(dir, 'sources/finance.csv'))),
      },
    });
    // An undated reading is dated by the fetch time.
    expect(krOf(dir, 0, 1).checkins).toEqual([expect.objectContaining({ date: '2030-02-15', value: 41 })]);
    expect(krOf(dir, 0, 2).checkins).toEqual([expect.objectContaining({ date: '2030-02-15', value: 6 })]);

    // The result is valid content, and the KR's receipt leaf commits to the provenance.
    const check = runOkr(['check', '--content', dir], AT);
    expect(check.code, check.stdout).toBe(0);
    const h = computeHandbook(dir, { today: '2030-02-15' }).handbook!;
    const kr = h.model.objectives[0]!.keyResults[0]!;
    const leaf = krLeaf(kr, { objectives: new Set(), krs: new Set(), kpis: new Set() } as never);
    expect(leaf.value).toMatchObject({ current: 14.5, asOf: '2030-02-14', provenance: arr[1]!.provenance });

    // Twice: nothing is written the second time.
    const again = pull(dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/Nothing changed/);
    expect(again.stdout).toMatch(/= 2030-q1-company-growth\.arr {2}unchanged at 14\.5 \$M/);
    expect(readFileSync(okrs(dir), 'utf8')).toBe(after);
  });

  it('--dry-run shows the lines it would add and writes nothing', () => {
    const dir = copyContent(FIXTURE);
    const before = readFileSync(okrs(dir), 'utf8');
    const r = pull(dir, {}, '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\+ 2030-q1-company-growth\.arr {2}12 \$M → 14\.5 \$M on 2030-02-14 \(source arr\)/);
    expect(r.stdout).toMatch(/\d+ \+ +source: arr\n/);
    expect(r.stdout).toMatch(/would add 3 check-ins to 1 file; nothing was written/);
    expect(readFileSync(okrs(dir), 'utf8')).toBe(before);
  });

  it('adds a check-in when the value changes, reads a source with `every` only when due, and reads only the periods asked', () => {
    const dir = copyContent(FIXTURE);
    source(dir, 'deals', 'type: csv\nfile: sources/deals.csv\ncolumn: closed\nevery: week\n');
    expect(pull(dir).code).toBe(0);
    writeFileSync(join(dir, 'sources/survey.json'), '{ "results": { "nps": 44 } }');
    writeFileSync(join(dir, 'sources/deals.csv'), 'closed\n7\n');
    const next = pull(dir, { SOURCE_DATE_EPOCH: String(1897365600 + 3 * 86400) });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toMatch(/1 key result not due yet/);
    expect((krOf(dir, 0, 1).checkins as unknown[]).map((c) => (c as { value: number }).value)).toEqual([41, 44]);
    expect((krOf(dir, 0, 2).checkins as unknown[]).length).toBe(1);
    const week = pull(dir, { SOURCE_DATE_EPOCH: String(1897365600 + 7 * 86400) });
    expect(week.code, week.stderr).toBe(0);
    expect((krOf(dir, 0, 2).checkins as { value: number }[]).map((c) => c.value)).toEqual([6, 7]);
    // A period that has ended is not read by default; an unknown period is a usage mistake.
    const later = pull(dir, { SOURCE_DATE_EPOCH: '1902895200' });
    expect(later.stdout).toMatch(/ended on 2030-03-31/);
    expect(pull(dir, {}, '--period', '2031-Q1').code).toBe(2);
  });

  it('lists every failure with its source and key result, and writes nothing', () => {
    const dir = copyContent(FIXTURE);
    const before = readFileSync(okrs(dir), 'utf8');
    source(dir, 'arr', 'type: csv\nfile: sources/finance.csv\ncolumn: arr_usd\ndateColumn: month\nscale: 0.000001\n');
    source(dir, 'nps', 'type: json\nfile: sources/survey.json\npointer: /results/score\n');
    writeFileSync(join(dir, 'sources/deals.csv'), 'closed\nsix\n');
    expectFailures(dir, pull(dir), before, [
      ['arr', 'growth.arr', /matched 2 rows dated 2030-02-14; it must match one/],
      ['nps', 'growth.nps', /nothing at pointer \/results\/score: the document stops at '\/results' \(keys there: nps, responses\)/],
      ['deals', 'growth.deals', /column 'closed' is "six", not a number/],
    ]);
    // A value in another unit scale, no matching row, a document that is not JSON.
    source(dir, 'arr', 'type: csv\nfile: sources/finance.csv\ncolumn: arr_usd\nwhere: { segment: all }\ndateColumn: month\n');
    source(dir, 'deals', 'type: csv\nfile: sources/deals.csv\ncolumn: closed\nwhere: { closed: "99" }\n');
    writeFileSync(join(dir, 'sources/survey.json'), '{ "results": ');
    const r = pull(dir);
    expectFailures(dir, r, before, [
      ['arr', 'growth.arr', /value 14500000 \$M is 725000 times the key result's largest figure \(20 \$M\): is it in another unit scale\?/],
      ['nps', 'growth.nps', /the response is not JSON/],
      ['deals', 'growth.deals', /the CSV's 'where' matched no row/],
    ]);
    expect(r.stderr).toMatch(/hint: set scale to put it in '\$M'/);
    // A stated range wins over the size check.
    source(
      dir,
      'arr',
      'type: csv\nfile: sources/finance.csv\ncolumn: arr_usd\nwhere: { segment: all }\ndateColumn: month\nscale: 0.001\nrange: { min: 0, max: 100 }\n',
    );
    expectFailures(dir, pull(dir), before, [
      ['arr', 'growth.arr', /value 14500 \$M \(read 14500000 × scale 0\.001\) is outside the source's range 0 – 100/],
    ]);
  });
});

describe('okr pull: HTTP', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/nps.json') {
        if (req.headers.authorization !== 'Bearer s3cret-token') return void res.writeHead(401).end();
        return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[{"nps":47,"asOf":"2030-02-10T00:00:00Z"}]}');
      }
      if (req.url === '/finance.csv')
        return void res.writeHead(200, { 'content-type': 'text/csv' }).end(readFileSync(join(FIXTURE, 'sources/finance.csv')));
      if (req.url === '/slow') return; // never answers
      res.writeHead(503, 'Service Unavailable').end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('reads JSON and CSV over HTTP with a header from the environment, and never writes the secret', async () => {
    const dir = copyContent(FIXTURE);
    source(
      dir,
      'nps',
      `type: json\nurl: ${base}/nps.json\npointer: /data/0/nps\ndatePointer: /data/0/asOf\nheaders:\n  Authorization: { env: NPS_TOKEN, prefix: "Bearer " }\n`,
    );
    source(
      dir,
      'arr',
      `type: csv\nurl: ${base}/finance.csv\ncolumn: arr_usd\nwhere: { segment: enterprise }\ndateColumn: month\nscale: 0.000001\n`,
    );
    const r = await pullAsync(dir, { NPS_TOKEN: 's3cret-token' });
    expect(r.code, r.stderr).toBe(0);
    expect(krOf(dir, 0, 1).checkins).toEqual([expect.objectContaining({ date: '2030-02-10', value: 47 })]);
    expect((krOf(dir, 0, 0).checkins as { value: number }[]).at(-1)!.value).toBe(10.3);
    expect(readFileSync(okrs(dir), 'utf8') + r.stdout + r.stderr).not.toContain('s3cret');
  });

  it('names the unreachable host, the HTTP error, the timeout and the missing credential', async () => {
    const dir = copyContent(FIXTURE);
    const closed = await new Promise<number>((ok) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => ok(port));
      });
    });
    edit(okrs(dir), 'baseline: 280\n', 'baseline: 280\n        source: latency\n');
    source(dir, 'arr', `type: csv\nurl: ${base}/missing.csv\ncolumn: arr_usd\n`);
    source(
      dir,
      'nps',
      `type: json\nurl: ${base}/nps.json\npointer: /data/0/nps\nheaders:\n  Authorization: { env: NPS_TOKEN, prefix: "Bearer " }\n`,
    );
    source(dir, 'deals', `type: csv\nurl: http://127.0.0.1:${closed}/deals.csv\ncolumn: closed\n`);
    source(dir, 'latency', `type: json\nurl: ${base}/slow\npointer: /p99\ntimeout: 1\n`);
    const before = readFileSync(okrs(dir), 'utf8');
    expectFailures(dir, await pullAsync(dir, { NPS_TOKEN: '' }), before, [
      ['arr', 'growth.arr', /127\.0\.0\.1:\d+ answered HTTP 503 Service Unavailable/],
      ['nps', 'growth.nps', /environment variable NPS_TOKEN \(header Authorization\) is not set/],
      ['deals', 'growth.deals', /cannot reach 127\.0\.0\.1:\d+: the connection was refused \(ECONNREFUSED\)/],
      ['latency', 'reliability.latency', /did not answer within 1 s/],
    ]);
    expectFailures(dir, await pullAsync(dir, { NPS_TOKEN: 'wrong' }), before, [['nps', 'growth.nps', /answered HTTP 401/]]);
  });
});

describe('okr pull: SQLite', () => {
  it('reads one row from a real SQLite file, read-only, and refuses no row, many rows, NULL and text', () => {
    const dir = copyContent(FIXTURE);
    const db = new DatabaseSync(join(dir, 'sources/sales.sqlite'));
    db.exec(`create table deals (id integer primary key, closed_on text, amount real, stage text);
      insert into deals (closed_on, amount, stage) values ('2030-01-12', 120000, 'won'), ('2030-02-02', 90000, 'won'),
        ('2030-02-09', 40000, 'lost'), ('2029-12-20', 10000, 'won');`);
    db.close();
    source(
      dir,
      'deals',
      "type: sqlite\nfile: sources/sales.sqlite\nquery: select count(*) as value, max(closed_on) as date from deals where stage = 'won' and closed_on >= '2030-01-01'\n",
    );
    const r = pull(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(krOf(dir, 0, 2).checkins).toEqual([expect.objectContaining({ date: '2030-02-02', value: 2 })]);
    const digest = (krOf(dir, 0, 2).checkins as { provenance: { resultDigest: string } }[])[0]!.provenance.resultDigest;
    expect(digest).toMatch(/^[0-9a-f]{64}$/);

    source(dir, 'deals', 'type: sqlite\nfile: sources/sales.sqlite\nquery: select amount from deals where id = 99\n');
    source(dir, 'nps', 'type: sqlite\nfile: sources/sales.sqlite\nquery: select amount from deals\n');
    source(dir, 'arr', 'type: sqlite\nfile: sources/sales.sqlite\nquery: select null as value\n');
    edit(okrs(dir), 'baseline: 280\n', 'baseline: 280\n        source: latency\n');
    source(dir, 'latency', 'type: sqlite\nfile: sources/sales.sqlite\nquery: delete from deals returning 1\n');
    const before = readFileSync(okrs(dir), 'utf8');
    expectFailures(dir, pull(dir), before, [
      ['deals', 'growth.deals', /the query returned no row/],
      ['nps', 'growth.nps', /the query returned 4 rows; it must return one/],
      ['arr', 'growth.arr', /column 'value' is empty, not a number/],
      ['latency', 'reliability.latency', /the query failed: .*readonly/i],
    ]);
    const check = new DatabaseSync(join(dir, 'sources/sales.sqlite'), { readOnly: true });
    expect(check.prepare('select count(*) as n from deals').get()).toEqual({ n: 4 });
    check.close();
  });
});

describe('okr pull: PostgreSQL', () => {
  let pg: PostgresServer;
  beforeAll(async () => {
    pg = await startPostgres();
    await pg.sql(`create table finance (as_of date, segment text, arr_usd numeric);
      insert into finance values ('2030-01-31', 'all', 13200000), ('2030-02-14', 'all', 14900000.50), ('2030-02-14', 'smb', 4000000);`);
  }, 60_000);
  afterAll(async () => {
    await pg?.stop();
  });

  it('reads a query against a real server, with the connection from the environment', () => {
    const dir = copyContent(FIXTURE);
    source(
      dir,
      'arr',
      "type: postgres\nconnection: { env: ANALYTICS_URL }\nquery: select arr_usd as value, as_of as date from finance where segment = 'all' order by as_of desc limit 1\nscale: 0.000001\nround: 2\n",
    );
    const r = pull(dir, { ANALYTICS_URL: pg.url });
    expect(r.code, r.stderr).toBe(0);
    expect((krOf(dir, 0, 0).checkins as unknown[]).at(-1)).toMatchObject({
      date: '2030-02-14',
      value: 14.9,
      provenance: { source: 'arr' },
    });
    expect(readFileSync(okrs(dir), 'utf8') + r.stdout + r.stderr).not.toContain(pg.password);
    expect(pull(dir, { ANALYTICS_URL: pg.url }).stdout).toMatch(/Nothing changed/);
  });

  it('names a wrong password, a missing variable, a refused write, many rows and an unreachable server', async () => {
    const dir = copyContent(FIXTURE);
    const before = readFileSync(okrs(dir), 'utf8');
    edit(okrs(dir), 'baseline: 280\n', 'baseline: 280\n        source: latency\n');
    source(dir, 'arr', 'type: postgres\nconnection: { env: BAD_PASSWORD_URL }\nquery: select 1\n');
    source(dir, 'nps', 'type: postgres\nconnection: { env: NOT_SET_URL }\nquery: select 1\n');
    source(
      dir,
      'deals',
      "type: postgres\nconnection: { env: ANALYTICS_URL }\nquery: insert into finance values ('2030-02-15', 'x', 1) returning 1\n",
    );
    source(dir, 'latency', 'type: postgres\nconnection: { env: ANALYTICS_URL }\nquery: select arr_usd from finance\n');
    const edited = readFileSync(okrs(dir), 'utf8');
    expectFailures(dir, pull(dir, { ANALYTICS_URL: pg.url, BAD_PASSWORD_URL: pg.url.replace(pg.password, 'nope') }), edited, [
      ['arr', 'growth.arr', /cannot connect to the database: password authentication failed/],
      ['nps', 'growth.nps', /environment variable NOT_SET_URL \(the database connection string\) is not set/],
      ['deals', 'growth.deals', /the query failed: cannot execute INSERT in a read-only transaction/],
      ['latency', 'reliability.latency', /the query returned 3 rows; it must return one/],
    ]);
    void before;
    await pg.sql('select 1');
    const down = pg.url.replace(`:${pg.port}/`, ':1/');
    source(dir, 'deals', 'type: postgres\nconnection: { env: ANALYTICS_URL }\nquery: select 1\n');
    const r = pull(dir, { ANALYTICS_URL: down, BAD_PASSWORD_URL: down });
    expect(r.stderr).toMatch(/source 'deals'.*cannot connect to the database: the connection was refused \(ECONNREFUSED\)/);
    expect(await countRows(pg)).toBe(3);
  });
});

async function countRows(server: PostgresServer): Promise<number> {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: server.url });
  await c.connect();
  try {
    return Number((await c.query('select count(*) as n from finance')).rows[0].n);
  } finally {
    await c.end();
  }
}

describe('okr check: sources', () => {
  it('reports a missing source, a missing data file, a credential in a URL and a source with both file and url, at their lines', () => {
    const dir = copyContent(FIXTURE);
    edit(okrs(dir), 'source: nps', 'source: npss');
    source(dir, 'arr', 'type: csv\nfile: sources/finanse.csv\ncolumn: arr_usd\n');
    source(dir, 'deals', 'type: json\nfile: sources/survey.json\nurl: https://metrics.example.com/x?api_key=abc\npointer: /x\n');
    const r = runOkr(['check', '--content', dir, '--format', 'json'], AT);
    expect(r.code).toBe(1);
    const issues = JSON.parse(r.stdout) as { file: string; line: number; message: string; hint?: string }[];
    const find = (re: RegExp) => issues.find((i) => re.test(i.message));
    expect(find(/source 'npss' not found/)).toMatchObject({
      file: expect.stringMatching(/company\.yaml$/),
      line: 25,
      hint: "did you mean 'nps'?",
    });
    expect(find(/data file 'sources\/finanse\.csv' not found/)).toMatchObject({
      file: expect.stringMatching(/sources\/arr\.yaml$/),
      line: 3,
      hint: "did you mean 'sources/finance.csv'?",
    });
    expect(find(/credential in its query string/)).toMatchObject({ file: expect.stringMatching(/sources\/deals\.yaml$/), line: 4 });
    expect(find(/reads either a file or a url/)).toBeDefined();
  });
});

describe('the objective page after a pull', () => {
  it('shows where each automatic check-in came from', () => {
    const dir = copyContent(FIXTURE);
    expect(pull(dir).code).toBe(0);
    const { out, status, log } = buildSite(dir, { env: AT });
    expect(status, log).toBe(0);
    const html = readFileSync(join(out, 'objectives/2030-q1-company-growth/index.html'), 'utf8');
    const digest = sha256(readFileSync(join(dir, 'sources/finance.csv')));
    expect(html).toContain('Read from arr on 2030-02-15 06:00 UTC');
    expect(html).toContain(digest);
    // The page lists the latest check-in of each key result, then every check-in (collapsed): each of
    // the three automatic check-ins says where it came from in the history, the hand-typed one does
    // not, and the latest table repeats the provenance of the three it shows.
    const [latest, history] = html.split(/All 4 check-ins, newest first/) as [string, string | undefined];
    expect(history, 'no "All 4 check-ins" history on the page').toBeDefined();
    expect(latest.match(/Read from /g)).toHaveLength(3);
    expect(history!.match(/Read from /g)).toHaveLength(3);
    expect(new Set(html.match(/Read from [^<]+/g)).size).toBe(3);
  }, 180_000);
});
