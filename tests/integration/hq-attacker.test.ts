// HQ holds against a hostile device and a hostile network (issue #18, every point). HQ runs as a
// real process (scripts/hq.ts, on this run's engine: SQLite here, PostgreSQL in the hq-postgres
// project); device A is a real device core that seals a 询问笔录 and an 电子取证工作记录 with evidence
// and syncs them; device B is a second enrolled device with its own keys that forges seals reusing
// A's ids — a valid seal in every other respect (signed with B's keys, signature records rebound),
// as a compromised laptop could make. Then parallel clients, direct SQL against the append-only
// tables, and what HQ's data folder holds at rest (part 1, 2); 40 parallel logins from other
// loopback addresses (127.0.0.x: each its own client) against the throttle (part 3); unauthenticated
// bodies, a replayed request, an upload that runs past its declared size (part 4, 5); HTTPS's HSTS,
// malformed escapes and oversized JSON (part 5). The laptop's unlock under 30 parallel wrong
// passwords: core/vault/vault.test.ts; release builds without menu and DevTools:
// electron/release-chrome.test.ts.
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import { API, CHUNK_BYTES, H, sha256Hex, type SealPackage } from '../../protocol/sync/protocol.ts';
import { APPEND_ONLY_TABLES, SEAL_OFFICERS_TABLE } from '../../hq/db/migrations.ts';
import type { OwnedKind } from '../../hq/db/schema.ts';
import { hqRecoveryKey } from '../../hq/hq-app.ts';
import { makeCore, type TestCore } from '../support/core-fixture.ts';
import { HQ_TEST_ENGINE, TEST_HQ_PASSPHRASE } from '../support/hq-engines.ts';
import { commit, forge, forgerAt, sealPackages, type Forger } from '../support/forge-seal.ts';
import { enrolledDeviceAt, openRequest, selfSignedCert, send, type TestDevice } from '../support/hq-fixture.ts';
import { hqFolderProblems } from '../support/hq-at-rest.ts';
import { probeHq, type HqProbe } from '../support/hq-probe.ts';
import {
  createAdmin,
  enrollmentCode,
  hqCli,
  HQ_ADMIN,
  hqDatabaseOf,
  hqDataDir,
  sealedDevice,
  startHq,
  type HqProcess,
} from '../support/sync-fixture.ts';

const LABEL: Record<OwnedKind, string> = {
  document: '文书',
  case: '案件',
  evidence: '电子数据',
  officer: '执法人员',
  signature: '签名',
};

let hq: HqProcess;
let a: TestCore;
let aId: string;
/** A's seal 2 (the 电子取证工作记录: evidence, officers, signatures) and seal 1 (the 询问笔录). */
let aPkgs: SealPackage[];
let db: HqProbe;

const snapshotOfA = async () => ({
  seals: await db.all(`SELECT seq, hash_sha256 FROM seals WHERE device_id = ? ORDER BY seq`, aId),
  documents: await db.all(`SELECT * FROM documents WHERE device_id = ? ORDER BY seq`, aId),
  cases: await db.all(`SELECT * FROM cases ORDER BY id`),
  evidence: await db.all(`SELECT * FROM seal_evidence WHERE device_id = ? ORDER BY seq, evidence_id`, aId),
  signatures: await db.all(`SELECT device_id, seq, signature_id FROM seal_signatures ORDER BY device_id, seq`),
});

beforeAll(async () => {
  hq = await startHq(hqDataDir());
  createAdmin(hq.dataDir);
  a = makeCore();
  await sealedDevice(a, 2);
  await a.core.sync.enroll(hq.url, enrollmentCode(hq.dataDir));
  expect(await a.core.sync.run()).toMatchObject({ ok: true });
  aId = a.core.device.public().deviceId;
  aPkgs = sealPackages(a);
  db = await probeHq(hq.dataDir, hqDatabaseOf(hq.dataDir));
}, 180_000);

afterAll(async () => {
  await db?.close();
  await hq?.stop();
  a?.dispose();
  if (hq) rmSync(hq.dataDir, { recursive: true, force: true });
});

describe(`records belong to the device that sealed them (HQ on ${HQ_TEST_ENGINE})`, () => {
  let b: Forger;
  beforeAll(async () => {
    b = await forgerAt(hq.url, enrollmentCode(hq.dataDir), '第二台终端');
  });

  it('a forged seal with ids of its own is accepted (the forgery itself is sound)', async () => {
    const r = await commit(b, forge(aPkgs[0]!, b, 'none'));
    expect(r.status, JSON.stringify(r.json)).toBe(200);
  });

  it.each(['document', 'case', 'evidence', 'officer', 'signature'] as const)(
    'a second device reusing A’s %s id: 409, flagged 归属冲突, nothing changed',
    async (kind) => {
      const before = await snapshotOfA();
      const seqBefore = b.seq;
      const r = await commit(b, forge(aPkgs[0]!, b, kind));
      expect(r.status).toBe(409);
      expect(r.json).toMatchObject({ error: 'conflict', message: expect.stringContaining('归属冲突') });
      expect(String(r.json!.message)).toContain(LABEL[kind]);
      expect(b.seq).toBe(seqBefore);
      expect(await snapshotOfA()).toEqual(before);
      const flags = await db.all<{ kind: string; detail: string }>(
        `SELECT kind, detail FROM flags WHERE device_id = ? AND kind = 'ownership'`,
        b.d.deviceId,
      );
      expect(flags.some((f) => f.detail.includes(`${LABEL[kind]} `) && f.detail.includes(aId))).toBe(true);
      expect(
        await db.get(`SELECT count(*) AS n FROM seals WHERE device_id = ? AND seq = ?`, b.d.deviceId, b.seq),
      ).toEqual({
        n: 0,
      });
    },
  );

  it('the issue’s case: B seals a 询问笔录 under A’s document and case id — refused; A’s document, PDF and case stay A’s', async () => {
    const inquiry = aPkgs[1]!;
    const p = JSON.parse(inquiry.seal.payload) as SealPayload;
    const before = await snapshotOfA();
    const r = await commit(b, forge(inquiry, b, 'all'));
    expect(r.status).toBe(409);
    expect(await snapshotOfA()).toEqual(before);
    expect(await db.get(`SELECT party_name, device_id FROM cases WHERE id = ?`, p.document.caseId)).toEqual({
      party_name: inquiry.case.partyName,
      device_id: aId,
    });
    // What HQ staff see: the document page is A's, and the overview names the flag.
    const login = await send(
      hq.url,
      'POST',
      '/login',
      { 'content-type': 'application/x-www-form-urlencoded' },
      `username=${HQ_ADMIN.user}&password=${encodeURIComponent(HQ_ADMIN.password)}`,
    );
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const page = await send(hq.url, 'GET', `/documents/${p.document.id}`, { cookie });
    expect(page.text).toContain(aId);
    expect(page.text).not.toContain(b.d.deviceId);
    expect(page.text).toContain('核验通过');
    const pdf = await send(hq.url, 'GET', `/documents/${p.document.id}/pdf`, { cookie });
    expect([pdf.status, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    const overview = await send(hq.url, 'GET', '/', { cookie });
    expect(overview.text).toContain('归属冲突');
  });

  it('received rows are append-only in the database: direct UPDATE and DELETE are refused', async () => {
    const column: Record<string, string> = {
      seals: 'payload',
      documents: 'case_id',
      seal_signatures: 'record',
      seal_evidence: 'file_name',
      record_owners: 'device_id',
      blobs: 'sm3',
      events: 'detail',
      seal_officers: 'name',
    };
    for (const table of [...APPEND_ONLY_TABLES, SEAL_OFFICERS_TABLE]) {
      const c = column[table]!;
      await expect(db.run(`UPDATE ${table} SET ${c} = ${c}`), `${table} update`).rejects.toThrow(/append-only/);
      await expect(db.run(`DELETE FROM ${table}`), `${table} delete`).rejects.toThrow(/append-only/);
      if (HQ_TEST_ENGINE === 'postgres')
        await expect(db.run(`TRUNCATE ${table} CASCADE`), `${table} truncate`).rejects.toThrow(/append-only/);
    }
    expect((await snapshotOfA()).seals).toHaveLength(2);
  });

  it('parallel clients: devices committing at once get distinct, gap-free HQ numbers; two racing for one id, one wins', async () => {
    const forgers: Forger[] = [];
    for (let i = 0; i < 4; i++) forgers.push(await forgerAt(hq.url, enrollmentCode(hq.dataDir), `并发终端${i}`));
    await Promise.all(
      forgers.map(async (f) => {
        for (let i = 0; i < 3; i++) {
          const r = await commit(f, forge(aPkgs[i % 2]!, f, 'none'));
          expect(r.status, JSON.stringify(r.json)).toBe(200);
        }
      }),
    );
    const racers: Forger[] = [];
    for (let i = 0; i < 2; i++) racers.push(await forgerAt(hq.url, enrollmentCode(hq.dataDir), `抢号终端${i}`));
    const contested = randomUUID();
    const raced = await Promise.all(racers.map((f) => commit(f, forge(aPkgs[0]!, f, 'none', contested))));
    expect(raced.map((r) => r.status).sort()).toEqual([200, 409]);

    const hqSeqs = (await db.all<{ hq_seq: number }>(`SELECT hq_seq FROM seals ORDER BY hq_seq`)).map((r) => r.hq_seq);
    expect(hqSeqs).toEqual(hqSeqs.map((_, i) => i + 1));
    for (const f of forgers)
      expect(
        (await db.all<{ seq: number }>(`SELECT seq FROM seals WHERE device_id = ? ORDER BY seq`, f.d.deviceId)).map(
          (r) => r.seq,
        ),
      ).toEqual([1, 2, 3]);
    expect(await db.all(`SELECT device_id FROM documents WHERE id = ?`, contested)).toHaveLength(1);
    expect(await db.all(`SELECT kind FROM flags WHERE kind IN ('gap', 'chain', 'conflict')`)).toEqual([]);
  }, 120_000);
});

describe(`HQ's data at rest (HQ on ${HQ_TEST_ENGINE})`, () => {
  it('no file readable by group or others, no plaintext personal data, evidence or private key in the data folder', async () => {
    const p = JSON.parse(aPkgs[1]!.seal.payload) as SealPayload;
    const personal = [
      aPkgs[1]!.case.partyName,
      '陈立新',
      '0772-3861234',
      ...p.signatures.flatMap((s) => [s.signerIdNumber]).filter((x) => x.length >= 6),
    ];
    expect(personal.length).toBeGreaterThan(3);
    // Each is in what HQ received: a plaintext database would hold it.
    const received = aPkgs.map((x) => x.seal.payload + JSON.stringify(x.case) + JSON.stringify(x.print)).join('');
    for (const s of personal) expect(received, s).toContain(s);
    const evidence = JSON.parse(aPkgs[0]!.seal.payload) as SealPayload;
    const evidenceStart = await a.core.evidence.blobs.readRange(evidence.evidence[0]!.sha256, 0, 32);
    const recovery = await hqRecoveryKey({
      dataDir: hq.dataDir,
      key: { passphrase: TEST_HQ_PASSPHRASE },
      ...(hqDatabaseOf(hq.dataDir) ? { db: hqDatabaseOf(hq.dataDir)! } : {}),
    });
    const needles: [string, Buffer][] = [
      ...personal.map((s): [string, Buffer] => [`personal data «${s}»`, Buffer.from(s, 'utf8')]),
      ['evidence bytes', Buffer.from(evidenceStart)],
      ['evidence SHA-256 as a name', Buffer.from(evidence.evidence[0]!.sha256)],
      ['HQ SM2 private key', Buffer.from(recovery, 'utf8')],
      ['a PEM private key', Buffer.from('PRIVATE KEY')],
    ];
    const { problems, files } = hqFolderProblems(hq.dataDir, needles, [evidence.evidence[0]!.sha256]);
    expect(files.some((f) => f.includes('blobs'))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('HQ refuses to start on a data folder open to group or others, and with a wrong passphrase', async () => {
    const open = hqDataDir();
    try {
      chmodSync(open, 0o755);
      await expect(startHq(open)).rejects.toThrow(/chmod 700/);
      chmodSync(open, 0o700);
      const made = await startHq(open);
      await made.stop();
      await expect(startHq(open, [], { HQ_PASSPHRASE: 'not-the-passphrase' })).rejects.toThrow(/总部口令不对/);
    } finally {
      rmSync(open, { recursive: true, force: true });
    }
  }, 120_000);
});

/** A form post to HQ's /login from the loopback address `from` (each one its own client to HQ). */
function loginFrom(from: string, username: string, password: string): Promise<{ status: number; text: string }> {
  const body = `username=${encodeURIComponent(username)}&password=${encodeURIComponent(password)}`;
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL('/login', hq.url), {
      method: 'POST',
      localAddress: from,
      agent: false,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.end(body);
  });
}

/** The refusal's text on the login page. */
const refusal = (text: string) => /<div class="err">([^<]*)<\/div>/.exec(text)?.[1] ?? '';
const tally = (rs: { status: number }[]) =>
  rs.reduce<Record<number, number>>((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {});

describe(`race-free, non-revealing lockouts at HQ's login (HQ on ${HQ_TEST_ENGINE})`, () => {
  const counted = async (name: string) =>
    Number(
      (await db.get<{ n: number }>(`SELECT sum(attempts) AS n FROM login_throttle WHERE username = ?`, name))?.n ?? 0,
    );

  it('40 parallel wrong passwords are all counted before any hash: 5 are checked, 35 refused; then the right one is refused too', async () => {
    const rs = await Promise.all(
      Array.from({ length: 40 }, (_, i) => loginFrom('127.0.0.3', HQ_ADMIN.user, `wrong-password-${i}`)),
    );
    expect(tally(rs)).toEqual({ 401: 5, 429: 35 });
    expect(await counted(HQ_ADMIN.user)).toBe(40);
    const right = await loginFrom('127.0.0.3', HQ_ADMIN.user, HQ_ADMIN.password);
    expect(right.status).toBe(429);
    expect(refusal(right.text)).toMatch(/^登录尝试过多，请于 \d\d:\d\d:\d\d 后再试（约\d+秒）。$/);
  }, 120_000);

  it('an invented user name gets exactly the same answers as the real one, locked or not (no user-name oracle)', async () => {
    const real = await Promise.all(
      Array.from({ length: 8 }, (_, i) => loginFrom('127.0.0.4', HQ_ADMIN.user, `wrong-password-${i}`)),
    );
    const invented = await Promise.all(
      Array.from({ length: 8 }, (_, i) => loginFrom('127.0.0.5', 'no-such-admin', `wrong-password-${i}`)),
    );
    expect(tally(invented)).toEqual(tally(real));
    expect(tally(real)).toEqual({ 401: 5, 429: 3 });
    const texts = (rs: { status: number; text: string }[]) =>
      [...new Set(rs.map((r) => `${r.status} ${refusal(r.text).replace(/\d/g, '#')}`))].sort();
    expect(texts(invented)).toEqual(texts(real));
    expect(texts(real)).toEqual(['401 用户名或密码错误。', '429 登录尝试过多，请于 ##:##:## 后再试（约##秒）。']);
  });

  it('the outsider locks only itself out: the administrator logs in from their own address meanwhile', async () => {
    const own = await loginFrom('127.0.0.1', HQ_ADMIN.user, HQ_ADMIN.password);
    expect(own.status).toBe(303);
  });

  it('a client trying many names is throttled as a client: 20 checked, then it waits whatever name it types', async () => {
    const rs = await Promise.all(
      Array.from({ length: 30 }, (_, i) => loginFrom('127.0.0.6', `guess-${i}`, `wrong-password-${i}`)),
    );
    expect(tally(rs)).toEqual({ 401: 20, 429: 10 });
    expect((await loginFrom('127.0.0.6', HQ_ADMIN.user, HQ_ADMIN.password)).status).toBe(429);
  }, 120_000);

  it('`npm run hq -- admin unlock --user NAME` lifts the waits on that name at once', async () => {
    const r = hqCli(hq.dataDir, ['admin', 'unlock', '--user', HQ_ADMIN.user]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/已解除登录限制/);
    expect((await loginFrom('127.0.0.3', HQ_ADMIN.user, HQ_ADMIN.password)).status).toBe(303);
  }, 120_000);
});

const EMPTY_SHA256 = sha256Hex('');

/** A signed request from `d` to the HQ running now (it may have restarted on another port since `d` enrolled). */
const sendAs = (d: TestDevice, method: string, path: string, body?: Buffer) =>
  send(
    hq.url,
    method,
    path,
    {
      ...d.signedHeaders(method, path, sha256Hex(body ?? ''), body?.length ?? 0),
      ...(body ? { 'content-type': 'application/octet-stream' } : {}),
    },
    body,
  );

/** HQ's resident memory, from /proc. */
const rssMiB = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** A size on disk of a folder's files, in bytes. */
const folderBytes = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (n, e) => n + (e.isDirectory() ? folderBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size),
    0,
  );

/**
 * Streams up to `total` bytes as a chunked body until HQ answers or closes; how much was written by
 * then, and the answer (if any came).
 */
function streamUntilRefused(
  path: string,
  headers: Record<string, string>,
  total: number,
): Promise<{ sent: number; status: number | null; json: Record<string, unknown> | null }> {
  return new Promise((resolve) => {
    const req = httpRequest(new URL(path, hq.url), {
      method: 'PUT',
      agent: false,
      headers: { ...headers, 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' },
    });
    let sent = 0;
    let status: number | null = null;
    let json: Record<string, unknown> | null = null;
    req.on('response', (res) => {
      status = res.statusCode ?? 0;
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => {
        json = JSON.parse(text) as Record<string, unknown>;
      });
    });
    req.on('error', () => undefined); // HQ closing the connection mid-body is the point
    req.on('close', () => resolve({ sent, status, json }));
    const piece = randomBytes(1024 * 1024);
    const pump = () => {
      while (sent < total && !req.destroyed) {
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe(`authenticate before work: signed nonce and length, replay refused (HQ on ${HQ_TEST_ENGINE})`, () => {
  let d: TestDevice;
  beforeAll(async () => {
    d = await enrolledDeviceAt(hq.url, enrollmentCode(hq.dataDir), '被截获的终端');
  });

  it('16 parallel unauthenticated 31 MiB posts are refused from their headers; HQ reads none of them', async () => {
    const before = rssMiB(hq.proc.pid!);
    const body = randomBytes(31 * 1024 * 1024);
    const answers = await Promise.all(
      Array.from({ length: 16 }, async () => {
        const r = openRequest(hq.url, 'POST', `${API}/seals`, {
          ...d.signedHeaders('POST', `${API}/seals`, 'a'.repeat(64), body.length),
          [H.signature]: '00'.repeat(64),
          'content-type': 'application/json',
          'content-length': body.length,
        });
        r.req.on('error', () => undefined);
        // The answer comes while the body is held back: HQ decided from the headers.
        const a = await r.answer;
        r.req.destroy();
        return a;
      }),
    );
    for (const a of answers) expect(a).toMatchObject({ status: 401, json: { error: 'bad_signature' } });
    expect(rssMiB(hq.proc.pid!) - before).toBeLessThan(64);
  });

  it('a captured signed request sent again is refused as a replay, also after HQ restarts; its nonce cannot be swapped', async () => {
    const path = `${API}/receipts`;
    const captured = d.signedHeaders('GET', path, EMPTY_SHA256, 0);
    expect((await send(hq.url, 'GET', path, captured)).status).toBe(200);
    const replayed = await send(hq.url, 'GET', path, captured);
    expect(replayed).toMatchObject({ status: 401, json: { error: 'replay' } });
    expect(String(replayed.json!.message)).toMatch(/重放.*已拒绝/);
    // A fresh nonce under the captured signature: the signature no longer fits.
    const swapped = await send(hq.url, 'GET', path, { ...captured, [H.nonce]: randomBytes(16).toString('hex') });
    expect(swapped).toMatchObject({ status: 401, json: { error: 'bad_signature' } });
    // Without a nonce or a signed length (an old client): refused, and told what to do.
    const { [H.nonce]: _n, ...noNonce } = d.signedHeaders('GET', path, EMPTY_SHA256, 0);
    const old = await send(hq.url, 'GET', path, noNonce);
    expect(old).toMatchObject({ status: 401, json: { error: 'bad_signature' } });
    expect(String(old.json!.message)).toContain('版本过旧');

    // HQ restarts (same data folder): the nonce is remembered in its database.
    const second = d.signedHeaders('GET', path, EMPTY_SHA256, 0);
    expect((await send(hq.url, 'GET', path, second)).status).toBe(200);
    await hq.stop();
    hq = await startHq(hq.dataDir);
    expect(await send(hq.url, 'GET', path, second)).toMatchObject({ status: 401, json: { error: 'replay' } });
    expect(await send(hq.url, 'GET', path, captured)).toMatchObject({ status: 401, json: { error: 'replay' } });
    expect((await sendAs(d, 'GET', path)).status).toBe(200);
  }, 120_000);

  it('a declared length other than the signed one is refused before the body is read', async () => {
    const sha = 'd'.repeat(64);
    const path = `${API}/blobs/${sha}?offset=0&length=${CHUNK_BYTES}`;
    const r = openRequest(hq.url, 'PUT', path, {
      ...d.signedHeaders('PUT', path, 'e'.repeat(64), 10),
      'content-type': 'application/octet-stream',
      'content-length': CHUNK_BYTES,
    });
    r.req.on('error', () => undefined);
    expect(await r.answer).toMatchObject({ status: 400, json: { error: 'bad_signature' } });
    r.req.destroy();
  });

  it.each([
    ['signed as 10 bytes', 10],
    ['signed as 200 MiB, the upload declared as 10 bytes', 200 * 1024 * 1024],
  ])(
    'an upload declared as 10 bytes streaming 200 MiB (%s) is stopped early: the temp folder stays small, memory bounded',
    async (_what, signedLength) => {
      const blob = randomBytes(10);
      const sha = sha256Hex(blob);
      const path = `${API}/blobs/${sha}?offset=0&length=10`;
      const before = rssMiB(hq.proc.pid!);
      const r = await streamUntilRefused(
        path,
        d.signedHeaders('PUT', path, sha256Hex(randomBytes(1)), signedLength),
        200 * 1024 * 1024,
      );
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.sent).toBeLessThan(32 * 1024 * 1024);
      expect(folderBytes(join(hq.dataDir, 'uploads'))).toBeLessThan(64 * 1024);
      expect(rssMiB(hq.proc.pid!) - before).toBeLessThan(64);
      // The honest 10 bytes still go through afterwards.
      expect(await sendAs(d, 'PUT', path, blob)).toMatchObject({ status: 200, json: { stored: true, offset: 10 } });
    },
  );
});

describe(`the small ones, on the real process (HQ on ${HQ_TEST_ENGINE})`, () => {
  it('over HTTPS every answer carries HSTS; a malformed %-escape is 400; oversized JSON is 413 in Chinese', async () => {
    const certDir = mkdtempSync(join(tmpdir(), 'hq-cert-'));
    const dir = hqDataDir();
    const { certPath, keyPath } = selfSignedCert(certDir);
    const tls = await startHq(dir, ['--tls-cert', certPath, '--tls-key', keyPath]);
    try {
      expect(tls.url).toMatch(/^https:/);
      for (const path of ['/login', `${API}/hello?nonce=${'ab'.repeat(8)}`, '/no-such-page'])
        expect((await send(tls.url, 'GET', path)).headers['strict-transport-security'], path).toBe('max-age=31536000');
      for (const path of ['/cases/%E0%A4%A', `${API}/blobs/%zz`]) {
        const r = await send(tls.url, 'GET', path);
        expect(r.status, path).toBe(400);
        expect(r.text, path).toContain('地址中的百分号编码（%XX）无效');
      }
      const big = openRequest(tls.url, 'POST', `${API}/enroll`, {
        'content-type': 'application/json',
        'content-length': 2 * 1024 * 1024,
      });
      big.req.on('error', () => undefined);
      expect(await big.answer).toMatchObject({
        status: 413,
        json: { error: 'bad_request', message: `请求过大（上限 ${1024 * 1024} 字节）。` },
      });
      big.req.destroy();
    } finally {
      await tls.stop();
      rmSync(dir, { recursive: true, force: true });
      rmSync(certDir, { recursive: true, force: true });
    }
  }, 120_000);
});
