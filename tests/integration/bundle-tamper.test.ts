// Issue #17: a tamper corpus built from a genuine bundle (tests/support/tamper-corpus.ts) of a
// device enrolled at a real HQ, run through both verifiers — npm run verify's
// (protocol/bundle/verify-bundle.ts) and the independent one written from docs/SEAL-FORMAT.md in
// Python (tools/verify-py/verify.py, standard library and the openssl command line) — with HQ's
// root fingerprint given and without it: they must give the same verdict and fail the same checks
// on every case, naming the item; without a root neither ever says 全部通过. Every case is also
// extracted with GNU tar, whose files must be exactly the members the verifier checked whenever
// the verifier accepts the archive.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundleIndex } from '../../protocol/bundle/bundle-index.ts';
import { verifyBundle } from '../../protocol/bundle/verify-bundle.ts';
import { precheckSeals } from '../../protocol/bundle/verify-bundle-parallel.ts';
import { WorkerPool } from '../../protocol/runtime/worker-pool.ts';
import { exitCode, formatReport, type VerifyReport } from '../../protocol/seal/verify-report.ts';
import type { TestCore } from '../support/core-fixture.ts';
import type { TestHq } from '../support/hq-fixture.ts';
import { genuineBundle } from '../support/bundle-fixture.ts';
import { buildCorpus, type CorpusCase } from '../support/tamper-corpus.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const PY = join(ROOT, 'tools', 'verify-py', 'verify.py');
let t: TestCore;
let hq: TestHq;
let fp: string;
let cases: (CorpusCase & { path: string })[];
/** Each case's report with HQ's root fingerprint given (--hq-root), and without a root. */
const ts = new Map<string, VerifyReport>();
const bare = new Map<string, VerifyReport>();
/** With --hq-root, the seals checked beforehand on worker threads (as npm run verify does). */
const pooled = new Map<string, VerifyReport>();
const pool = new WorkerPool(new URL('../../protocol/seal/verify-tasks.ts', import.meta.url), 2);

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
  hq = g.hq;
  fp = g.fingerprint;
  const hex = (s: { sm2: string; ed25519: string }) => ({
    sm2: Buffer.from(s.sm2, 'hex'),
    ed25519: Buffer.from(s.ed25519, 'hex'),
  });
  cases = await buildCorpus(g.bundle, join(t.dir, 'corpus'), {
    device: (b) => hex(t.core.device.sign(b)),
    // HQ signs the canonical JSON of a value: the bytes given are canonical already.
    hq: (b) => hex(hq.hq.identity.signJson(JSON.parse(b.toString('utf8')))),
  });
  for (const c of cases) {
    ts.set(c.name, await verifyBundle(c.path, { expected: { fingerprint: fp } }));
    bare.set(c.name, await verifyBundle(c.path));
    pooled.set(c.name, await verifyBundle(c.path, { expected: { fingerprint: fp } }, precheckSeals(pool)));
  }
}, 240_000);
afterAll(async () => {
  await pool.close();
  t.dispose();
  await hq.close();
});

describe('the tamper corpus', () => {
  it('covers every class of the issue', () => {
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
        'forger-no-trust',
        'another-root',
        'cert-expired',
        'cert-other-keys',
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

  it('npm run verify --hq-root: each case fails exactly the expected checks and names the item; only the genuine bundle passes', () => {
    for (const c of cases) {
      const r = ts.get(c.name)!;
      expect({ case: c.name, fails: failing(r) }, text(r)).toEqual({ case: c.name, fails: [...c.fails].sort() });
      expect(r.ok).toBe(c.fails.length === 0);
      expect(exitCode(r), c.name).toBe(c.name === 'genuine' ? 0 : 1);
      for (const n of c.names) expect(text(r), c.name).toContain(n);
    }
  });

  it('with the seals checked on worker threads (npm run verify), every report is the same', () => {
    for (const c of cases) expect(pooled.get(c.name), c.name).toEqual(ts.get(c.name));
  });

  it('without a root: the same checks fail but the anchor, and nothing is ever 全部通过 (exit 3 when all else passes)', () => {
    for (const c of cases) {
      const r = bare.get(c.name)!;
      const expected = [...(c.failsWithoutRoot ?? c.fails)].sort();
      expect({ case: c.name, fails: failing(r) }, text(r)).toEqual({ case: c.name, fails: expected });
      expect(exitCode(r), c.name).toBe(expected.length ? 1 : 3);
      expect(formatReport(r)).not.toContain('全部通过');
    }
    // The genuine bundle: its root's fingerprint is printed, with how to check it.
    const g = formatReport(bare.get('genuine')!);
    expect(g).toContain(`包中总部根密钥的指纹是 ${fp}`);
    expect(g).toMatch(/尚未证明这些签名密钥属于哪个网信办.*请与该网信办公布的总部指纹核对.*--hq-root/);
    // The forger's own root: passes everything else, but shows a fingerprint that is not the office's.
    expect(bare.get('another-root')!.anchor!.fingerprint).not.toBe(fp);
    expect(bare.get('forger-no-trust')!.anchor!.fingerprint).toBeNull();
  });

  it(
    'the independent Python verifier (written from docs/SEAL-FORMAT.md) gives the same verdicts and names the same items',
    { timeout: 300_000 },
    () => {
      for (const [root, mineOf] of [
        [['--hq-root', fp], ts],
        [[], bare],
      ] as const) {
        const out = spawnSync('python3', [PY, '--json', ...root, ...cases.map((c) => c.path)], {
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        });
        expect(out.stderr).toBe('');
        const reports = JSON.parse(out.stdout) as (VerifyReport & { path: string })[];
        expect(reports).toHaveLength(cases.length);
        for (const [i, c] of cases.entries()) {
          const py = reports[i]!;
          const mine = mineOf.get(c.name)!;
          expect(
            { case: c.name, root: root.length > 0, ok: py.ok, fails: failing(py), anchor: py.anchor },
            text(py),
          ).toEqual({
            case: c.name,
            root: root.length > 0,
            ok: mine.ok,
            fails: failing(mine),
            anchor: mine.anchor,
          });
          if (root.length) for (const n of c.names) expect(text(py), c.name).toContain(n);
        }
        // Exit status: 0 only when every bundle given passes.
        expect(out.status).toBe(1);
      }
      const one = spawnSync('python3', [PY, '--hq-root', fp, cases[0]!.path], { encoding: 'utf8' });
      expect(one.status, one.stdout + one.stderr).toBe(0);
      expect(one.stdout).toContain('核验结论：全部通过。');
      const unanchored = spawnSync('python3', [PY, cases[0]!.path], { encoding: 'utf8' });
      expect(unanchored.status, unanchored.stdout + unanchored.stderr).toBe(3);
      expect(unanchored.stdout).not.toContain('全部通过');
      expect(unanchored.stdout).toContain(fp);
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

  it('npm run verify: --json, --hq-root, exit codes, --help in Chinese, no stack trace', { timeout: 180_000 }, () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'scripts', 'verify.ts'), ...args], { encoding: 'utf8' });
    const genuine = cases.find((c) => c.name === 'genuine')!.path;
    const good = run('--json', genuine, '--hq-root', fp.toLowerCase().replaceAll('-', ''));
    expect(good.status).toBe(0);
    expect((JSON.parse(good.stdout) as VerifyReport).ok).toBe(true);
    // The root given as its file (trust/hq-root.json, or npm run hq -- fingerprint --root-file).
    const rootFile = join(t.dir, 'hq-root.json');
    writeFileSync(rootFile, hq.hq.devices.certificates.rootText());
    expect(run(genuine, '--hq-root', rootFile).status).toBe(0);
    const notAnchored = run(genuine);
    expect(notAnchored.status).toBe(3);
    expect(notAnchored.stdout).not.toContain('全部通过');
    expect(notAnchored.stdout).toContain(`--hq-root ${fp}`);
    const otherRoot = run(genuine, '--hq-root', '0000-0000-0000-0000-0000-0000-0000-0000');
    expect(otherRoot.status).toBe(1);
    expect(otherRoot.stdout).toMatch(/不通过 {2}信任链（总部证书）：.*证书来自另一个根/);
    expect(run(genuine, '--hq-root', 'not-a-fingerprint').status).toBe(2);
    const bad = run(cases.find((c) => c.name === 'pax-path')!.path);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/不通过 {2}封存包：.*PAX 扩展头/);
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^用法：/);
    expect(help.stdout).toMatch(/退出码：0 全部通过；1 有核验项不通过；2 未能核验/);
    expect(help.stdout).toMatch(/3 其余各项通过，但未用 --hq-root 指定总部根密钥/);
    // --evidence is for a seal folder: a bundle carries its own evidence.
    const evidenceOnBundle = run(genuine, '--evidence', t.dir);
    expect(evidenceOnBundle.status).toBe(2);
    expect(evidenceOnBundle.stderr).toContain('--evidence 只用于封存文件夹');
    for (const r of [run('--nonsense'), run(join(t.dir, '没有这个文件.tar')), run(t.dir + '/corpus')]) {
      expect(r.status).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it(
    'a seal folder 封存-编号/ (as the demo writes them, with trust/) verifies anchored with npm run verify and the Python verifier, and a changed document in it fails',
    {
      timeout: 120_000,
    },
    () => {
      const seal = t.core.seals.rows()[0]!;
      const dir = join(t.dir, '封存-网信案询〔2026〕0001号');
      t.core.seals.exportFiles(seal.document_id, dir, (seq) => t.core.trust.files([seq]));
      expect(readdirSync(join(dir, 'trust', 'receipts'))).toEqual([
        `${seal.seq}.ed25519.sig`,
        `${seal.seq}.json`,
        `${seal.seq}.sm2.der`,
      ]);
      const run = (...a: string[]) =>
        spawnSync(process.execPath, [join(ROOT, 'scripts', 'verify.ts'), dir, ...a], { encoding: 'utf8' });
      const ok = run('--hq-root', fp);
      expect(ok.status, ok.stdout).toBe(0);
      expect(ok.stdout).toContain(`SHA-256 ${seal.hash_sha256}`);
      expect(ok.stdout).toContain('核验结论：全部通过');
      const bareRun = run();
      expect(bareRun.status, bareRun.stdout).toBe(3);
      expect(bareRun.stdout).not.toContain('全部通过');
      for (const args of [['--hq-root', fp], []]) {
        const py = spawnSync('python3', [PY, ...args, dir], { encoding: 'utf8' });
        expect(py.status, py.stdout + py.stderr).toBe(args.length ? 0 : 3);
      }
      const doc = readFileSync(join(dir, 'document.json'));
      doc[30] = doc[30]! ^ 1;
      writeFileSync(join(dir, 'document.json'), doc);
      const bad = run('--hq-root', fp);
      expect(bad.status).toBe(1);
      expect(bad.stdout).toMatch(/的内容与封存时的校验值不符/);
      const py = spawnSync('python3', [PY, '--hq-root', fp, dir], { encoding: 'utf8' });
      expect(py.status, py.stdout + py.stderr).toBe(1);
      expect(py.stdout).toMatch(/的内容与封存时的校验值不符/);
    },
  );
});
