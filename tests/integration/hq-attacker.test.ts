// HQ holds against a hostile device (issue #18, parts 1 and 2). HQ runs as a real process
// (scripts/hq.ts, on this run's engine: SQLite here, PostgreSQL in the hq-postgres project);
// device A is a real device core that seals a 询问笔录 and an 电子取证工作记录 with evidence and
// syncs them; device B is a second enrolled device with its own keys that forges seals reusing A's
// ids — a valid seal in every other respect (signed with B's keys, signature records rebound), as
// a compromised laptop could make. Then parallel clients, direct SQL against the append-only
// tables, and what HQ's data folder holds at rest.
import { randomUUID } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEAL_GENESIS, type SealPayload } from '../../protocol/seal/seal-payload.ts';
import type { SealPackage } from '../../protocol/sync/protocol.ts';
import { APPEND_ONLY_TABLES } from '../../hq/db/migrations.ts';
import type { OwnedKind } from '../../hq/db/schema.ts';
import { hqRecoveryKey } from '../../hq/hq-app.ts';
import { makeCore, type TestCore } from '../support/core-fixture.ts';
import { HQ_TEST_ENGINE, TEST_HQ_PASSPHRASE } from '../support/hq-engines.ts';
import { commit, forge, type Forger } from '../support/forge-seal.ts';
import { enrolledDeviceAt, send } from '../support/hq-fixture.ts';
import { probeHq, type HqProbe } from '../support/hq-probe.ts';
import {
  createAdmin,
  enrollmentCode,
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
  aPkgs = a.core.seals
    .rows()
    .map((row) => a.core.sync.packageFor(row, JSON.parse(row.payload) as never))
    .reverse();
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
    b = { d: await enrolledDeviceAt(hq.url, enrollmentCode(hq.dataDir), '第二台终端'), seq: 1, prev: SEAL_GENESIS };
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
    };
    for (const table of APPEND_ONLY_TABLES) {
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
    for (let i = 0; i < 4; i++)
      forgers.push({
        d: await enrolledDeviceAt(hq.url, enrollmentCode(hq.dataDir), `并发终端${i}`),
        seq: 1,
        prev: SEAL_GENESIS,
      });
    await Promise.all(
      forgers.map(async (f) => {
        for (let i = 0; i < 3; i++) {
          const r = await commit(f, forge(aPkgs[i % 2]!, f, 'none'));
          expect(r.status, JSON.stringify(r.json)).toBe(200);
        }
      }),
    );
    const racers: Forger[] = [];
    for (let i = 0; i < 2; i++)
      racers.push({
        d: await enrolledDeviceAt(hq.url, enrollmentCode(hq.dataDir), `抢号终端${i}`),
        seq: 1,
        prev: SEAL_GENESIS,
      });
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
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        expect(statSync(p).mode & 0o077, `${p} is open to group or others`).toBe(0);
        if (e.isDirectory()) walk(p);
        else files.push(p);
      }
    };
    expect(statSync(hq.dataDir).mode & 0o077).toBe(0);
    walk(hq.dataDir);
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
    expect(files.some((f) => f.includes('blobs'))).toBe(true);
    for (const f of files) {
      const bytes = readFileSync(f);
      for (const [what, needle] of needles) expect(bytes.includes(needle), `${what} in ${f}`).toBe(false);
      expect(f.includes(evidence.evidence[0]!.sha256), `evidence SHA-256 in the name ${f}`).toBe(false);
    }
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
