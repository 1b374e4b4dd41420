// Issue #17: a tamper corpus built from a genuine bundle (tests/support/tamper-corpus.ts), run
// through both verifiers — npm run verify's (protocol/bundle/verify-bundle.ts) and the independent
// one written from docs/SEAL-FORMAT.md in Python (tools/verify-py/verify.py, standard library and
// the openssl command line) — which must give the same verdict and fail the same checks on every
// case, naming the item; and every case extracted with GNU tar, whose files must be exactly the
// members the verifier checked whenever the verifier accepts the archive.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundleIndex } from '../../protocol/bundle/bundle-index.ts';
import { verifyBundle } from '../../protocol/bundle/verify-bundle.ts';
import type { VerifyReport } from '../../protocol/seal/verify-report.ts';
import type { TestCore } from '../support/core-fixture.ts';
import { genuineBundle } from '../support/bundle-fixture.ts';
import { buildCorpus, type CorpusCase } from '../support/tamper-corpus.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const PY = join(ROOT, 'tools', 'verify-py', 'verify.py');
let t: TestCore;
let cases: (CorpusCase & { path: string })[];
const ts = new Map<string, VerifyReport>();

const failing = (r: { checks: { id?: string; ok: boolean }[] }) =>
  r.checks
    .filter((c) => !c.ok)
    .map((c) => c.id!)
    .sort();
const text = (r: { checks: { what: string; detail: string }[] }) =>
  r.checks.map((c) => `${c.what}：${c.detail}`).join('\n');

beforeAll(async () => {
  const g = await genuineBundle();
  t = g.t;
  cases = await buildCorpus(g.bundle, join(t.dir, 'corpus'));
  for (const c of cases) ts.set(c.name, await verifyBundle(c.path));
}, 180_000);
afterAll(() => t.dispose());

describe('the tamper corpus', () => {
  it('covers every class of the issue but the certificate from another root (the trust chain)', () => {
    expect(cases.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'genuine',
        'document',
        'signature-image',
        'strokes',
        'evidence',
        'digest',
        'seal-signature',
        'audit-row',
        'seal-removed',
        'seals-reordered',
        'seal-duplicated',
        'forger',
        'pax-path',
        'pax-size',
        'duplicate-member',
        'symlink',
        'hardlink',
        'dotdot',
        'absolute',
        'after-end',
        'size-past-end',
        'not-in-manifest',
        'covered-by-no-seal',
        'truncated',
      ]),
    );
  });

  it('npm run verify: each case fails exactly the expected checks and names the item', () => {
    for (const c of cases) {
      const r = ts.get(c.name)!;
      expect({ case: c.name, fails: failing(r) }, text(r)).toEqual({ case: c.name, fails: [...c.fails].sort() });
      expect(r.ok).toBe(c.fails.length === 0);
      for (const n of c.names) expect(text(r), c.name).toContain(n);
    }
  });

  it('the forger with fresh keys passes today, as documented: the keys are not anchored (the trust chain must catch it)', () => {
    const forger = cases.find((c) => c.needsTrustChain)!;
    const r = ts.get(forger.name)!;
    expect(r.ok).toBe(true);
    expect(r.checks.find((c) => c.id === 'keys')?.detail).toMatch(/本包不含总部对这些公钥的证明/);
  });

  it(
    'the independent Python verifier (written from docs/SEAL-FORMAT.md) gives the same verdicts and names the same items',
    { timeout: 300_000 },
    () => {
      const out = spawnSync('python3', [PY, '--json', ...cases.map((c) => c.path)], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(out.stderr).toBe('');
      const reports = JSON.parse(out.stdout) as (VerifyReport & { path: string })[];
      expect(reports).toHaveLength(cases.length);
      for (const [i, c] of cases.entries()) {
        const py = reports[i]!;
        const mine = ts.get(c.name)!;
        expect({ case: c.name, ok: py.ok, fails: failing(py) }, text(py)).toEqual({
          case: c.name,
          ok: mine.ok,
          fails: failing(mine),
        });
        for (const n of c.names) expect(text(py), c.name).toContain(n);
      }
      // Exit status: 0 only when every bundle given passes.
      expect(out.status).toBe(1);
      const one = spawnSync('python3', [PY, cases[0]!.path], { encoding: 'utf8' });
      expect(one.status, one.stdout + one.stderr).toBe(0);
      expect(one.stdout).toContain('核验结论：全部通过。');
    },
  );

  it('GNU tar extracts exactly the members the verifier checked, whenever the verifier accepts the archive', async () => {
    for (const c of cases) {
      const dir = join(t.dir, 'x', c.name);
      mkdirSync(dir, { recursive: true });
      const tar = spawnSync('tar', ['-xf', c.path, '-C', dir], { encoding: 'utf8' });
      const index = await readBundleIndex(c.path);
      if (!index.ok) {
        expect(c.fails, c.name).toContain('tar');
        continue;
      }
      expect(tar.status, `${c.name}: ${tar.stderr}`).toBe(0);
      const files: Record<string, string> = {};
      const walk = (d: string) => {
        for (const n of readdirSync(d)) {
          const p = join(d, n);
          const st = lstatSync(p);
          if (st.isDirectory()) walk(p);
          else {
            expect(st.isFile(), `${c.name}: ${p} is not a regular file`).toBe(true);
            files[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
          }
        }
      };
      walk(dir);
      expect(files, c.name).toEqual(
        Object.fromEntries([...index.index.members.values()].map((m) => [m.name, m.sha256])),
      );
    }
  });

  it('npm run verify: --json, exit codes, --help in Chinese, no stack trace', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'scripts', 'verify.ts'), ...args], { encoding: 'utf8' });
    const good = run('--json', cases.find((c) => c.name === 'genuine')!.path);
    expect(good.status).toBe(0);
    expect((JSON.parse(good.stdout) as VerifyReport).ok).toBe(true);
    const bad = run(cases.find((c) => c.name === 'pax-path')!.path);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/不通过 {2}封存包：.*PAX 扩展头/);
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^用法：/);
    expect(help.stdout).toMatch(/退出码：0 全部通过；1 有核验项不通过；2 未能核验/);
    for (const r of [run('--nonsense'), run(join(t.dir, '没有这个文件.tar')), run(t.dir + '/corpus')]) {
      expect(r.status).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('a seal folder 封存-编号/ (as the demo writes them) verifies with npm run verify, and a changed document in it fails', () => {
    const seal = t.core.seals.rows()[0]!;
    const dir = join(t.dir, '封存-网信案询〔2026〕0001号');
    t.core.seals.exportFiles(seal.document_id, dir);
    const run = () => spawnSync(process.execPath, [join(ROOT, 'scripts', 'verify.ts'), dir], { encoding: 'utf8' });
    const ok = run();
    expect(ok.status, ok.stdout).toBe(0);
    expect(ok.stdout).toContain(`SHA-256 ${seal.hash_sha256}`);
    const doc = readFileSync(join(dir, 'document.json'));
    doc[30] = doc[30]! ^ 1;
    writeFileSync(join(dir, 'document.json'), doc);
    const bad = run();
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/的内容与封存时的校验值不符/);
    const py = spawnSync('python3', [PY, dir], { encoding: 'utf8' });
    expect(py.status, py.stdout + py.stderr).toBe(1);
    expect(py.stdout).toMatch(/的内容与封存时的校验值不符/);
  });
});
