// The vault end to end on real files: set-up creates the key, a restart needs a password, the idle
// timer and sleep lock, wrong passwords are rate-limited and audited, password changes and removals
// touch only that officer's copy, a copied folder stays closed, HQ's recovery key opens it.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { sm2KeyPair } from '../../protocol/crypto/sm2.ts';
import { silentLog } from '../../protocol/runtime/log.ts';
import { openDatabase } from '../db/open-database.ts';
import { demoInquiry } from '../../scripts/demo-documents.ts';
import { AGENCY, FixedClock, OFFICER_A, OFFICER_B, orgCaseInput } from '../../tests/support/core-fixture.ts';
import { readKeyFile } from './key-custody.ts';
import { openWithHqKey, openWithPassword } from './open-unlocked.ts';
import { recoverOfficer } from './hq-recovery.ts';
import { Vault } from './vault.ts';
import type { OsKeystore } from '../../protocol/crypto/key-wrap.ts';

const OFFICER_C = { name: '赵强', certNo: '45020019003', unit: AGENCY, password: 'field2026c' };
const dirs: string[] = [];
const vaults: Vault[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function newDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'vault-'));
  dirs.push(d);
  return d;
}

function open(dataDir: string, extra: { clock?: FixedClock; osKeystore?: OsKeystore } = {}): Vault {
  const v = Vault.open({ dataDir, log: silentLog, ...extra });
  vaults.push(v);
  return v;
}

async function must(v: Vault, name: string, arg: unknown = {}) {
  const r = await v.dispatch(name, arg);
  if (!r.ok) throw new Error(`${name}: ${r.error.kind} ${r.error.message}`);
  return r.value as never;
}

async function setUp(clock = new FixedClock()): Promise<{ dir: string; v: Vault; clock: FixedClock }> {
  const dir = newDir();
  const v = open(dir, { clock });
  await must(v, 'office.setup', { agencyName: AGENCY, officers: [OFFICER_A, OFFICER_B] });
  return { dir, v, clock };
}

async function pair(v: Vault) {
  await must(v, 'session.signIn', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
  await must(v, 'session.signIn', { certNo: OFFICER_B.certNo, password: OFFICER_B.password });
}

function reopen(v: Vault, dir: string, clock?: FixedClock): Vault {
  v.close();
  return open(dir, clock ? { clock } : {});
}

describe('the vault', () => {
  it('set-up makes an encrypted database and a key file with one wrapped copy per officer and nothing readable', async () => {
    const { dir, v } = await setUp();
    const db = readFileSync(join(dir, 'device.db'));
    expect(db.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    const keys = readFileSync(join(dir, 'keys.json'), 'utf8');
    for (const s of [OFFICER_A.name, OFFICER_A.certNo, OFFICER_B.certNo, AGENCY]) expect(keys).not.toContain(s);
    const file = readKeyFile(dir)!;
    expect(file.officers).toHaveLength(2);
    expect(file.officers[0]!.kdf).toMatchObject({ name: 'scrypt', logN: 15, r: 8, p: 1 });
    expect(v.status()).toMatchObject({ setupDone: true, lock: { locked: false } });
    // The database cannot be read without the key, not even its schema.
    expect(() =>
      new Database(join(dir, 'device.db'), { readonly: true }).prepare('SELECT count(*) FROM officers').get(),
    ).toThrow(/not a database/);
  });

  it('before set-up only the status and set-up are answered', async () => {
    const v = open(newDir());
    expect((await v.dispatch('cases.list', {})).ok).toBe(false);
    expect(await v.dispatch('cases.list', {})).toMatchObject({ error: { kind: 'setup_required' } });
    expect(await v.dispatch('no.such', {})).toMatchObject({ error: { kind: 'not_found' } });
    expect(v.status()).toMatchObject({ setupDone: false, lock: { locked: false } });
  });

  it('a restart is locked: nothing but the status answers until an officer unlocks, who is then signed in', async () => {
    const s = await setUp();
    await pair(s.v);
    const officers = (await must(s.v, 'officers.list')) as { id: string }[];
    await must(
      s.v,
      'cases.create',
      orgCaseInput(
        officers.map((o) => o.id),
        'csl-59',
      ),
    );
    const v = reopen(s.v, s.dir);
    expect(v.core).toBeNull();
    expect(v.status()).toMatchObject({
      setupDone: true,
      session: { officers: [] },
      lock: { locked: true, reason: 'start' },
    });
    expect(await v.dispatch('cases.list', {})).toMatchObject({ ok: false, error: { kind: 'app_locked' } });
    expect(await v.dispatch('officers.list', {})).toMatchObject({ ok: false, error: { kind: 'app_locked' } });
    expect(await v.dispatch('lock.unlock', { certNo: OFFICER_A.certNo, password: 'wrong-pass1' })).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized' },
    });
    const st = (await must(v, 'lock.unlock', { certNo: OFFICER_B.certNo, password: OFFICER_B.password })) as {
      session: { officers: { certNo: string }[] };
      lock: { locked: boolean };
    };
    expect(st.lock.locked).toBe(false);
    expect(st.session.officers.map((o) => o.certNo)).toEqual([OFFICER_B.certNo]);
    await must(v, 'session.signIn', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
    expect(((await must(v, 'cases.list', {})) as { total: number }).total).toBe(1);
    const audit = v.core!.audit.rows().map((r) => r.action);
    expect(audit).toContain('unlock');
    expect(audit).toContain('unlock-failed');
  });

  it('locks after the idle time and after a sleep; unlocking with a session officer keeps the session, another officer takes over', async () => {
    const s = await setUp();
    await pair(s.v);
    await must(s.v, 'officers.create', OFFICER_C);
    await must(s.v, 'office.setIdleLock', { minutes: 3 });
    // The timer ticks every few seconds; here every half minute of the test clock.
    const pass = (minutes: number) => {
      for (let m = 0; m < minutes; m += 0.5) {
        s.clock.advanceMinutes(0.5);
        s.v.tick();
      }
    };
    pass(2.5);
    expect(s.v.status().lock.locked).toBe(false);
    pass(0.5);
    expect(s.v.status()).toMatchObject({
      lock: { locked: true, reason: 'idle', idleMinutes: 3 },
      session: { officers: [] },
    });
    expect(await s.v.dispatch('cases.list', {})).toMatchObject({ error: { kind: 'app_locked' } });
    expect(await s.v.upload('any-ticket', [new Uint8Array(3)])).toMatchObject({ error: { kind: 'app_locked' } });
    await must(s.v, 'lock.unlock', { certNo: OFFICER_B.certNo, password: OFFICER_B.password });
    expect(s.v.status().session.pair).toBe(true);
    // A polled call is not activity: the app still locks.
    for (let i = 0; i < 8; i++) {
      pass(0.5);
      await must(s.v, 'app.status');
    }
    expect(s.v.status().lock.reason).toBe('idle');
    await must(s.v, 'lock.unlock', { certNo: OFFICER_C.certNo, password: OFFICER_C.password });
    expect(s.v.status().session.officers.map((o) => o.certNo)).toEqual([OFFICER_C.certNo]);
    // A long gap between two ticks is a sleep (the computer was suspended).
    s.v.tick();
    s.clock.advanceMinutes(1.5);
    s.v.tick();
    expect(s.v.status().lock.reason).toBe('sleep');
    await must(s.v, 'lock.unlock', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
    await must(s.v, 'lock.lockNow');
    expect(s.v.status().lock.reason).toBe('manual');
  });

  it('does not idle-lock while a signing sitting is open (the party may read for long), and does after it ends', async () => {
    const s = await setUp();
    await pair(s.v);
    const ids = ((await must(s.v, 'officers.list')) as { id: string }[]).map((o) => o.id) as [string, string];
    const caseId = ((await must(s.v, 'cases.create', orgCaseInput(ids, 'csl-59'))) as { id: string }).id;
    const d = (await must(s.v, 'documents.create', { caseId, type: 'inquiry' })) as { id: string; revision: number };
    await must(s.v, 'documents.save', {
      id: d.id,
      revision: d.revision,
      content: {
        ...demoInquiry(ids[0], ids[1]),
        // Over before the fixed clock's 10:00 (a record cannot end in the future: the case timeline).
        startTime: '2026-11-20T08:00',
        endTime: '2026-11-20T08:45',
      },
    });
    await must(s.v, 'documents.markReady', { id: d.id });
    const { ceremonyId } = (await must(s.v, 'signing.start', {
      documentId: d.id,
      recording: false,
      noRecordingReason: '测试：不录像',
    })) as { ceremonyId: string };
    for (let m = 0; m < 8; m += 0.5) {
      s.clock.advanceMinutes(0.5);
      s.v.tick();
    }
    expect(s.v.status().lock.locked).toBe(false);
    await must(s.v, 'signing.end', { ceremonyId });
    for (let m = 0; m < 5; m += 0.5) {
      s.clock.advanceMinutes(0.5);
      s.v.tick();
    }
    expect(s.v.status().lock.reason).toBe('idle');
  });

  it('rate-limits wrong passwords across restarts and writes the misses to the audit log at the next unlock', async () => {
    const s = await setUp();
    let v = reopen(s.v, s.dir, s.clock);
    for (let i = 0; i < 5; i++)
      expect(await v.dispatch('lock.unlock', { certNo: OFFICER_A.certNo, password: `bad-${i}xx` })).toMatchObject({
        error: { kind: 'unauthorized' },
      });
    v = reopen(v, s.dir, s.clock);
    expect(v.status().lock.retryAfterSeconds).toBeGreaterThan(20);
    // Even the right password waits.
    expect(await v.dispatch('lock.unlock', { certNo: OFFICER_A.certNo, password: OFFICER_A.password })).toMatchObject({
      error: { kind: 'locked' },
    });
    s.clock.advanceMinutes(1);
    expect(v.status().lock.retryAfterSeconds).toBe(0);
    expect(await v.dispatch('lock.unlock', { certNo: OFFICER_A.certNo, password: 'still-bad1' })).toMatchObject({
      error: { kind: 'unauthorized' },
    });
    expect(v.status().lock.retryAfterSeconds).toBeGreaterThan(50); // the wait doubles
    s.clock.advanceMinutes(2);
    await must(v, 'lock.unlock', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
    const missed = v.core!.audit.rows().filter((r) => r.action === 'unlock-failed');
    expect(missed.map((r) => r.detail).join()).toMatch(/解锁失败6次/);
    expect(v.status().lock.retryAfterSeconds).toBe(0);
  });

  it('30 parallel wrong passwords are all counted before any key derivation: 5 are checked, 25 wait; then the right one waits too', async () => {
    const s = await setUp();
    const v = reopen(s.v, s.dir, s.clock);
    const rs = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        v.dispatch('lock.unlock', { certNo: i % 2 ? OFFICER_A.certNo : 'NOPE-0001', password: `bad-${i}xxxx` }),
      ),
    );
    const kinds = rs.map((r) => (r.ok ? 'ok' : r.error.kind));
    expect(kinds.filter((k) => k === 'unauthorized')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'locked')).toHaveLength(25);
    const file = JSON.parse(readFileSync(join(s.dir, 'unlock-attempts.json'), 'utf8')) as Record<string, number>;
    expect(file.failures! + file.refused!).toBe(30);
    expect(await v.dispatch('lock.unlock', { certNo: OFFICER_A.certNo, password: OFFICER_A.password })).toMatchObject({
      error: { kind: 'locked' },
    });
    // A known and an unknown 执法证号 are refused alike (one count for the laptop, no roster probing).
    const wrong = rs.filter((r) => !r.ok && r.error.kind === 'unauthorized').map((r) => !r.ok && r.error.message);
    expect(new Set(wrong.map((m) => String(m).replace(/\d/g, '#'))).size).toBe(1);
    s.clock.advanceMinutes(1);
    await must(v, 'lock.unlock', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
  });

  it('a password change rewraps only that officer’s copy; removing an officer deletes theirs', async () => {
    const s = await setUp();
    await pair(s.v);
    const c = (await must(s.v, 'officers.create', OFFICER_C)) as { id: string };
    const before = readKeyFile(s.dir)!;
    const a = s.v.status().session.officers.find((o) => o.certNo === OFFICER_A.certNo)!;
    expect(
      await s.v.dispatch('officers.changePassword', {
        officerId: a.id,
        oldPassword: 'wrong-pass1',
        newPassword: 'newpass2026',
      }),
    ).toMatchObject({ error: { kind: 'unauthorized' } });
    await must(s.v, 'officers.changePassword', {
      officerId: a.id,
      oldPassword: OFFICER_A.password,
      newPassword: 'newpass2026',
    });
    const after = readKeyFile(s.dir)!;
    const entry = (f: typeof before, id: string) => f.officers.find((o) => o.officerId === id);
    expect(entry(after, a.id)!.wrapped).not.toBe(entry(before, a.id)!.wrapped);
    for (const o of before.officers.filter((x) => x.officerId !== a.id)) expect(entry(after, o.officerId)).toEqual(o);
    // Removal: refused for a signed-in officer, done for C, whose copy goes.
    expect(await s.v.dispatch('officers.remove', { officerId: a.id })).toMatchObject({ error: { kind: 'forbidden' } });
    await must(s.v, 'officers.remove', { officerId: c.id });
    expect(entry(readKeyFile(s.dir)!, c.id)).toBeUndefined();
    const v = reopen(s.v, s.dir);
    expect(await v.dispatch('lock.unlock', { certNo: OFFICER_A.certNo, password: OFFICER_A.password })).toMatchObject({
      error: { kind: 'unauthorized' },
    });
    expect(await v.dispatch('lock.unlock', { certNo: OFFICER_C.certNo, password: OFFICER_C.password })).toMatchObject({
      error: { kind: 'unauthorized' },
    });
    await must(v, 'lock.unlock', { certNo: OFFICER_A.certNo, password: 'newpass2026' });
    // The sign-in hash followed: the new password signs in, the old does not.
    await must(v, 'session.signIn', { certNo: OFFICER_B.certNo, password: OFFICER_B.password });
    expect(v.status().session.pair).toBe(true);
  });

  it('a copied data folder cannot be opened without an officer password or HQ’s recovery key; HQ recovery gives a new password', async () => {
    const s = await setUp();
    await pair(s.v);
    const hq = sm2KeyPair();
    s.v.core!.keys.setHq(hq.publicKey);
    expect(s.v.status().hqRecovery).toBe(true);
    s.v.close();
    const copy = newDir();
    cpSync(s.dir, copy, { recursive: true });
    const v = open(copy);
    expect(v.status().lock).toMatchObject({ locked: true, reason: 'start' });
    expect(await v.dispatch('cases.list', {})).toMatchObject({ error: { kind: 'app_locked' } });
    v.close();
    await expect(openWithPassword({ dataDir: copy, log: silentLog }, OFFICER_A.certNo, 'guess-123')).rejects.toThrow(
      /不正确/,
    );
    expect(() => openWithHqKey({ dataDir: copy, log: silentLog }, sm2KeyPair().privateKey)).toThrow(/另一个总部/);
    const core = openWithHqKey({ dataDir: copy, log: silentLog }, hq.privateKey);
    await recoverOfficer(core, { certNo: OFFICER_A.certNo, password: 'recovered2026' });
    await recoverOfficer(core, { certNo: '45020019009', password: 'newcomer2026', name: '新同事', unit: AGENCY });
    await expect(recoverOfficer(core, { certNo: '45020019010', password: 'newcomer2026' })).rejects.toThrow(
      /姓名和单位/,
    );
    core.close();
    const back = open(copy);
    await must(back, 'lock.unlock', { certNo: OFFICER_A.certNo, password: 'recovered2026' });
    await must(back, 'session.signIn', { certNo: '45020019009', password: 'newcomer2026' });
    expect(back.core!.audit.rows().filter((r) => r.action === 'hq-recovery')).toHaveLength(2);
  });

  it('a wrong key fails with a clear error; a database without its key file is set aside; an unencrypted one is refused', async () => {
    const s = await setUp();
    s.v.close();
    expect(() => openDatabase(s.dir, { key: Buffer.alloc(32, 7) })).toThrow(/无法用本机密钥解密/);
    // A set-up that died before the key file: the database is kept aside and set-up starts again.
    rmSync(join(s.dir, 'keys.json'));
    const v = open(s.dir);
    expect(v.status().setupDone).toBe(false);
    expect(existsSync(join(s.dir, 'device.db'))).toBe(false);
    v.close();
    const legacy = newDir();
    const db = new Database(join(legacy, 'device.db'));
    db.exec('CREATE TABLE t (x)');
    db.close();
    expect(() => Vault.open({ dataDir: legacy, log: silentLog })).toThrow(/未加密/);
    writeFileSync(join(s.dir, 'keys.json'), '{"format":"other"}');
    expect(() => Vault.open({ dataDir: s.dir, log: silentLog })).toThrow(/密钥文件.*已损坏/);
  });

  it('neither the log nor any answer to the renderer holds a password or key material', async () => {
    const lines: string[] = [];
    const log = { info: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
    const dir = newDir();
    const v = Vault.open({ dataDir: dir, log });
    vaults.push(v);
    const answers: unknown[] = [];
    const call = async (name: string, arg: unknown) => {
      const r = await v.dispatch(name, arg);
      answers.push(r);
      return r;
    };
    await call('office.setup', { agencyName: AGENCY, officers: [OFFICER_A, OFFICER_B] });
    await call('session.signIn', { certNo: OFFICER_A.certNo, password: 'Wrong-secret-77' });
    await call('session.signIn', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
    await call('session.signIn', { certNo: OFFICER_B.certNo, password: OFFICER_B.password });
    await call('lock.lockNow', {});
    await call('lock.unlock', { certNo: OFFICER_A.certNo, password: 'Wrong-secret-78' });
    await call('lock.unlock', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
    const a = v.status().session.officers[0]!;
    await call('officers.changePassword', {
      officerId: a.id,
      oldPassword: 'Wrong-secret-79',
      newPassword: 'Brand-new-2026',
    });
    await call('officers.changePassword', {
      officerId: a.id,
      oldPassword: OFFICER_A.password,
      newPassword: 'Brand-new-2026',
    });
    await call('app.status', {});
    const keys = [v.core!.keys.databaseKey(), v.core!.keys.evidenceKey()].flatMap((k) => [
      k.toString('hex'),
      k.toString('base64'),
    ]);
    const seen = JSON.stringify(answers) + '\n' + lines.join('\n');
    for (const secret of [
      OFFICER_A.password,
      OFFICER_B.password,
      'Wrong-secret-77',
      'Wrong-secret-78',
      'Wrong-secret-79',
      'Brand-new-2026',
      ...keys,
    ])
      expect(seen).not.toContain(secret);
    expect(seen).not.toMatch(/wrapped|master/i);
  });

  it('with a protecting OS keystore the database opens at start, but the app stays locked', async () => {
    const keystore: OsKeystore = {
      backend: 'test-keystore',
      encrypt: (b) => Buffer.from(b).reverse(),
      decrypt: (b) => Buffer.from(b).reverse(),
    };
    const dir = newDir();
    const v0 = open(dir, { osKeystore: keystore });
    await must(v0, 'office.setup', { agencyName: AGENCY, officers: [OFFICER_A, OFFICER_B] });
    expect(readKeyFile(dir)!.os?.backend).toBe('test-keystore');
    v0.close();
    const v = open(dir, { osKeystore: keystore });
    expect(v.core).not.toBeNull();
    expect(v.status().lock).toMatchObject({ locked: true, reason: 'start' });
    expect(await v.dispatch('officers.list', {})).toMatchObject({ error: { kind: 'app_locked' } });
    await must(v, 'lock.unlock', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
    v.close();
    // Another keystore (another machine or user) opens nothing.
    const other = open(dir, { osKeystore: { ...keystore, backend: 'elsewhere' } });
    expect(other.core).toBeNull();
  });
});
