// A law update from HQ (docs/LAW.md «Updates from HQ») against a real HQ: the legal officer's update
// file published with `npm run hq -- publish law`, announced in HQ's hello, warned about on the
// 工作台 while the device holds an older package, applied in one transaction at an officer's sync —
// a case whose conduct falls under the new version then shows its text, a sealed document keeps
// what it printed. A misbehaving HQ (one that signs a package the rules refuse) changes nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { printDocument } from '../../core/pdf/print-document.ts';
import { openHq } from '../../hq/hq-app.ts';
import { startHqServer } from '../../hq/http/hq-server.ts';
import { demoInquiry } from '../../scripts/demo-documents.ts';
import type { Catalog } from '../../shared/catalog/catalog-schema.ts';
import {
  FixedClock,
  makeCore,
  OFFICER_A,
  OFFICER_B,
  orgCaseInput,
  setUpPair,
  type TestCore,
} from '../support/core-fixture.ts';
import { TEST_HQ_PASSPHRASE } from '../support/hq-engines.ts';
import { signedDocument } from '../support/signing-fixture.ts';
import { publishLawPackage } from '../../hq/reference/law-publish.ts';
import { enrollmentCode, hqCli, hqCliAsync, hqDatabaseOf, hqDataDir, startHq } from '../support/sync-fixture.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const shipped = () => JSON.parse(readFileSync(join(ROOT, 'assets', 'catalog', 'catalog.json'), 'utf8')) as Catalog;
const NEW_TEXT = '示例文本';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A device whose clock is after the example's new version (2027-03-01): conduct in March 2027 can be recorded. */
async function device(): Promise<{ t: TestCore; ids: [string, string] }> {
  const t = makeCore({ fastPasswords: true, clock: new FixedClock('2027-04-01T02:00:00.000Z') });
  cleanups.push(() => t.dispose());
  await setUpPair(t);
  const ids = (await t.must('officers.list', {})).map((o) => o.id) as [string, string];
  return { t, ids };
}

/** The documented example update, prepared against the catalog this program ships. */
function exampleUpdateFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'law-update-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const u = JSON.parse(readFileSync(join(ROOT, 'docs', 'examples', 'law-update.example.json'), 'utf8')) as {
    basedOn: string;
  };
  const file = join(dir, 'law-update.json');
  writeFileSync(file, JSON.stringify({ ...u, basedOn: shipped().version }));
  return file;
}

const conductInMarch2027 = { kind: 'day' as const, from: '2027-03-15', discoveredOn: '2027-03-20' };

describe('law updates from HQ', () => {
  it(
    'HQ publishes a newer package: the 工作台 warns; an officer syncs: the new version applies at once, the warning is gone, a sealed document prints the same',
    { timeout: 120_000 },
    async () => {
      const hq = await startHq(hqDataDir());
      cleanups.push(async () => {
        await hq.stop();
        rmSync(hq.dataDir, { recursive: true, force: true });
      });
      const { t, ids } = await device();
      await t.must('sync.enroll', { url: hq.url, code: enrollmentCode(hq.dataDir) });
      const held = shipped();
      expect((await t.must('dashboard.get', {})).law).toMatchObject({
        version: held.version,
        date: held.date,
        origin: 'shipped',
        hq: null,
        warning: null,
      });

      // A case on 互联网新闻信息服务管理规定 第二十二条, conduct in March 2027: the device knows one version (2017).
      const kase = await t.must('cases.create', orgCaseInput(ids, 'news-22', { conduct: conductInMarch2027 }));
      const before = kase.law.candidates;
      expect(before).toHaveLength(1);
      expect(before[0]!.basis[0]!.text).toContain('处一万元以上三万元以下罚款');
      // A 询问笔录 quoting that text, sealed.
      const quoted = `依据${before[0]!.basisShort}：${before[0]!.basis[0]!.text}`;
      const inquiry = demoInquiry(ids[0], ids[1]);
      const content = { ...inquiry, qa: [...inquiry.qa, { id: 'q9', q: `${quoted}你是否清楚？`, a: '清楚。' }] };
      const docId = await signedDocument(t, kase.id, 'inquiry', content, ids);
      await t.must('seals.seal', { documentId: docId, officerPasswords: [OFFICER_A.password, OFFICER_B.password] });
      const sealedPdf = (await printDocument(t.core, docId)).bytes;

      // HQ's legal officer publishes the update.
      const published = hqCli(hq.dataDir, ['publish', 'law', exampleUpdateFile()]);
      expect(published.stderr).toBe('');
      expect(published.stdout).toContain('已发布法规库 2027.3.1（2027-02-20）');
      // Publishing it again is refused: that version is HQ's already.
      const again = hqCli(hq.dataDir, ['publish', 'law', exampleUpdateFile()]);
      expect(again.status).toBe(2);
      expect(again.stderr).toMatch(/法规更新未发布：法规更新文件是基于法规库 .* 编写的，而总部现行的是 2027\.3\.1/);

      // The automatic sync in the background hears HQ's announcement but does not change the law under the officers.
      t.core.sync.start(true);
      await vi.waitFor(() => expect(t.core.sync.status()).toMatchObject({ running: false, last: { ok: true } }), {
        timeout: 30_000,
        interval: 50,
      });
      const warned = (await t.must('dashboard.get', {})).law;
      expect(warned).toMatchObject({
        version: held.version,
        hq: { version: '2027.3.1', date: '2027-02-20' },
      });
      expect(warned.warning).toMatch(/总部已发布新的法规库 2027\.3\.1（2027-02-20），本机仍为 .*「立即同步」/);
      expect(t.core.catalog.version).toBe(held.version);

      // An officer's sync takes it — also when asked for while an automatic run is going (it follows
      // that run): applied at once, audited, no restart.
      const auditBefore = (t.core.db.prepare(`SELECT count(*) AS n FROM audit_log`).get() as { n: number }).n;
      t.core.sync.start(true);
      t.core.sync.start(false); // 立即同步 while the automatic run is going
      const outcome = await t.core.sync.run();
      expect(outcome).toMatchObject({ ok: true });
      expect(outcome.message).toContain('法规库已更新为 法规库 2027.3.1（2027-02-20）');
      const after = (await t.must('dashboard.get', {})).law;
      expect(after).toMatchObject({ version: '2027.3.1', date: '2027-02-20', origin: 'hq', warning: null });
      expect((await t.must('app.status', {})).catalogVersion).toBe('2027.3.1');
      const audit = t.core.db
        .prepare(`SELECT action, detail FROM audit_log WHERE seq > ? ORDER BY seq`)
        .all(auditBefore) as { action: string; detail: string }[];
      expect(audit.filter((a) => a.action === 'law-update')).toEqual([
        {
          action: 'law-update',
          detail: expect.stringMatching(new RegExp(`^法规库由 ${held.version} 更新为 法规库 2027\\.3\\.1`)),
        },
      ]);

      // The case whose conduct falls under the version only the new package has shows its text and fines.
      const now = await t.must('cases.get', { id: kase.id });
      expect(now.law.situation).toBe('single');
      expect(now.law.candidates[0]!.basis[0]!.text).toContain(NEW_TEXT);
      expect(now.law.candidates[0]!.penaltyShort).toContain('2万–5万元');
      // The catalog browser and pickers: today's version is the new one, a 2026 conduct still the old.
      const [news22] = (await t.must('catalog.search', { query: 'news-22' })).items;
      expect(news22!.penaltyShort).toContain('2万–5万元');
      const old = await t.must('catalog.search', {
        query: 'news-22',
        conduct: { from: '2026-10-12', to: '2026-10-12' },
      });
      expect(old.items[0]!.penaltyShort).toContain('1万–3万元');

      // The sealed document prints exactly what it printed (its text is its content, sealed), and still verifies.
      expect(Buffer.from((await printDocument(t.core, docId)).bytes).equals(Buffer.from(sealedPdf))).toBe(true);
      const doc = await t.must('documents.get', { id: docId });
      expect(JSON.stringify(doc.content)).toContain('处一万元以上三万元以下罚款');
      expect(JSON.stringify(doc.content)).not.toContain(NEW_TEXT);
      const verified = await t.must('seals.verify', {});
      expect(verified.ok).toBe(true);

      // After a restart the device still uses the package it applied.
      t.reopen();
      expect(t.core.catalog.version).toBe('2027.3.1');
      await t.must('session.signIn', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
      expect((await t.must('dashboard.get', {})).law.warning).toBeNull();
    },
  );

  it(
    'a package HQ signed but the rules refuse (downgrade, renamed matter, wrong schema) is refused with its reason; nothing changes',
    { timeout: 90_000 },
    async () => {
      const dir = hqDataDir();
      const db = hqDatabaseOf(dir);
      const hq = await openHq({ dataDir: dir, key: { passphrase: TEST_HQ_PASSPHRASE }, ...(db ? { db } : {}) });
      const server = await startHqServer({ hq, port: 0, log: () => {} });
      cleanups.push(async () => {
        await server.close();
        await hq.close();
        rmSync(dir, { recursive: true, force: true });
      });
      const code = await hq.devices.createCode('test', '', '柳南网信案');
      const { t } = await device();
      await t.must('sync.enroll', { url: server.url, code: code.code });
      const held = shipped();
      const state = () => ({
        version: t.core.catalog.version,
        rows: t.core.db.prepare(`SELECT kind, version, data FROM reference_data ORDER BY kind`).all(),
        audit: t.core.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'law-update'`).get(),
      });
      const unchanged = state();
      expect(unchanged.version).toBe(held.version);

      // This HQ signs whatever is put into its store (as an HQ with a bug, or an older HQ program, might).
      const renamed = structuredClone({ ...held, version: '2099.1.1' });
      renamed.matters[0]!.name = '改了名的事项';
      const cases: [unknown, RegExp][] = [
        [{ ...held, version: '2020.1.1' }, /早于现有的.*不接受降级/],
        [renamed, /名称由.*改为「改了名的事项」/],
        [{ ...held, version: '2099.1.1', matters: [] }, /内容不符合格式/],
      ];
      for (const [data, reason] of cases) {
        await hq.reference.publish('catalog', data);
        const r = await t.core.sync.run();
        expect(r).toMatchObject({ ok: false, kind: 'law_package' });
        expect(r.message).toMatch(/总部发布的法规库 \S+未采用（本机法规库 \S+ 未改变）/);
        expect(r.message).toMatch(reason);
        expect(state()).toEqual(unchanged);
      }
    },
  );

  it(
    'two 「publish law」 at the same time: one publishes, the other refuses in Chinese; HQ holds one package',
    { timeout: 120_000 },
    async () => {
      const dir = hqDataDir();
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      expect(hqCli(dir, ['init']).status).toBe(0);
      const file = exampleUpdateFile();
      const runs = await Promise.all([
        hqCliAsync(dir, ['publish', 'law', file]),
        hqCliAsync(dir, ['publish', 'law', file]),
      ]);
      const ok = runs.filter((r) => r.status === 0);
      const refused = runs.filter((r) => r.status !== 0);
      expect(ok, JSON.stringify(runs)).toHaveLength(1);
      expect(ok[0]!.stdout).toContain('已发布法规库 2027.3.1（2027-02-20）');
      expect(refused).toHaveLength(1);
      // Whichever way it lost (the other's publication committed first, or already HQ's version), it says so in Chinese.
      expect(refused[0]!.stderr).toMatch(/^法规更新未发布：/);
      expect(refused[0]!.stderr).not.toMatch(/Error|SQLITE|\bat /);
      const db = hqDatabaseOf(dir);
      const hq = await openHq({ dataDir: dir, key: { passphrase: TEST_HQ_PASSPHRASE }, ...(db ? { db } : {}) });
      try {
        expect(await hq.reference.current('catalog')).toMatchObject({ version: 1, data: { version: '2027.3.1' } });
      } finally {
        await hq.close();
      }
    },
  );

  it('a publication prepared from a package another one replaced meanwhile is refused, not merged over it', async () => {
    const dir = hqDataDir();
    const db = hqDatabaseOf(dir);
    const hq = await openHq({ dataDir: dir, key: { passphrase: TEST_HQ_PASSPHRASE }, ...(db ? { db } : {}) });
    cleanups.push(async () => {
      await hq.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const update = JSON.parse(readFileSync(exampleUpdateFile(), 'utf8')) as unknown;
    // Another publication commits between this one's read of HQ's package and its write.
    const racing = {
      current: (k: 'catalog') => hq.reference.current(k),
      publish: async (k: 'catalog', data: unknown, basedOn?: number | null) => {
        await hq.reference.publish('catalog', { ...shipped(), version: '2026.12.9' });
        return hq.reference.publish(k, data, basedOn);
      },
    };
    const r = await publishLawPackage(racing, update, 'update');
    expect(r).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /^发布期间总部的法规库已被另一次发布更新（参考数据由第0版变为第1版，可能有两人同时发布）。本次未发布/,
      ),
    });
    expect(await hq.reference.current('catalog')).toMatchObject({ version: 1, data: { version: '2026.12.9' } });
    // Prepared from the newest, a publication goes through.
    expect(await publishLawPackage(hq.reference, { ...shipped(), version: '2026.12.10' }, 'whole')).toMatchObject({
      ok: true,
      signed: { ref: { version: 2 } },
    });
  });
});
