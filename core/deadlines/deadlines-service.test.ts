// The dashboard (工作台) and a case's deadlines through the API, on a real core with a fixed
// clock: overdue first, the periods counted from what the cases record, unsynced seals, documents
// waiting for signatures, evidence not verified or failed, the sync state, the calendar in use.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { demoInquiry, demoOnsite, demoPreservation } from '../../scripts/demo-documents.ts';
import {
  FixedClock,
  makeCore,
  OFFICER_A,
  OFFICER_B,
  orgCaseInput,
  setUpPair,
  type TestCore,
} from '../../tests/support/core-fixture.ts';
import { signedDocument } from '../../tests/support/signing-fixture.ts';
import { HEADER_BYTES } from '../../protocol/storage/blob-cipher.ts';

const cores: TestCore[] = [];
afterEach(() => {
  for (const t of cores.splice(0)) t.dispose();
});

const META = {
  category: '截图' as const,
  description: '',
  source: 'https://www.xinghe-news.cn/',
  method: '截屏',
  timeSourceNote: '',
  provider: { name: '', idNumber: '', statement: false },
  original: true,
  copy: { method: '', madeAt: '', madeBy: '' },
};
const at = (clock: FixedClock, iso: string) => (clock.t = Date.parse(iso));

describe('dashboard.get', () => {
  it(
    'lists open cases most urgent first, with their deadlines, unsynced seals, documents to sign, evidence to verify and the sync state',
    { timeout: 60_000 },
    async () => {
      const clock = new FixedClock('2026-11-02T02:00:00.000Z');
      const t = makeCore({ clock });
      cores.push(t);
      await setUpPair(t);
      const ids = (await t.must('officers.list', {})).map((o) => o.id) as [string, string];

      // 乙: a clue registered Monday 11/2 and never filed — 立案 was due 11/11.
      const late = await t.must(
        'cases.create',
        orgCaseInput(ids, 'csl-59', { title: '乙公司涉嫌未履行网络安全保护义务案' }),
      );
      // 甲: a clue registered Monday 11/16 — 立案 due 11/25.
      at(clock, '2026-11-16T02:00:00.000Z');
      const fresh = await t.must(
        'cases.create',
        orgCaseInput(ids, 'csl-59', { title: '甲公司涉嫌未履行网络安全保护义务案' }),
      );
      // 丙: registered 11/16, filed 11/17, evidence kept from 11/17 (7 working days: 11/26), sealed and not synced;
      // an inquiry waiting for signatures; two evidence files, one of which fails re-verification.
      const busy = await t.must(
        'cases.create',
        orgCaseInput(ids, 'csl-59', { title: '丙公司涉嫌未履行网络安全保护义务案' }),
      );
      at(clock, '2026-11-17T02:00:00.000Z');
      await t.must('cases.setStatus', { id: busy.id, status: 'filed', note: '' });
      const kept = await signedDocument(
        t,
        busy.id,
        'preservation',
        {
          ...demoPreservation(ids),
          approval: { ...demoPreservation(ids).approval, at: '2026-11-17T09:40' },
          startDate: '2026-11-17',
          startAt: '2026-11-17T09:50',
        },
        ids,
      );
      // The inspection that took the measure records it (the case timeline refuses to seal it otherwise): a draft.
      const on = await t.must('documents.create', { caseId: busy.id, type: 'onsite' });
      await t.must('documents.save', {
        id: on.id,
        revision: on.revision,
        content: {
          ...demoOnsite(ids, ids[1], ''),
          startTime: '2026-11-17T09:00',
          endTime: '2026-11-17T10:30',
          measures: [
            { id: 'm1', kind: '先行登记保存', description: '先行登记保存移动硬盘等2件。', linkedDocumentId: kept },
          ],
        },
      });
      await t.must('seals.seal', { documentId: kept, officerPasswords: [OFFICER_A.password, OFFICER_B.password] });
      const inquiry = await t.must('documents.create', { caseId: busy.id, type: 'inquiry' });
      await t.must('documents.save', {
        id: inquiry.id,
        revision: inquiry.revision,
        // That morning, before the inspection and the (fixed) clock's 10:00: a record cannot end in the future.
        content: {
          ...demoInquiry(ids[0], ids[1]),
          startTime: '2026-11-17T07:30',
          endTime: '2026-11-17T08:40',
        } as unknown as Record<string, unknown>,
      });
      await t.must('documents.markReady', { id: inquiry.id });
      const good = await t.core.evidence.ingest([randomBytes(4096)], {
        caseId: busy.id,
        fileName: '首页截图.png',
        officerIds: ids,
        meta: META,
      });
      const bad = await t.core.evidence.ingest([randomBytes(4096)], {
        caseId: busy.id,
        fileName: '后台截图.png',
        officerIds: ids,
        meta: META,
      });
      const blob = t.core.evidence.blobs.pathOf(bad.sha256);
      const bytes = readFileSync(blob);
      bytes[HEADER_BYTES + 10]! ^= 0x01;
      writeFileSync(blob, bytes);
      await t.must('evidence.reverify', { caseId: busy.id });
      const unverified = await t.core.evidence.ingest([randomBytes(4096)], {
        caseId: busy.id,
        fileName: '日志.txt',
        officerIds: ids,
        meta: META,
      });
      // 丁: closed without filing, nothing left to do: not on the dashboard.
      const done = await t.must('cases.create', orgCaseInput(ids, 'csl-59', { title: '丁公司案' }));
      await t.must('cases.setStatus', { id: done.id, status: 'closed', note: '不予立案' });

      at(clock, '2026-11-20T02:00:00.000Z'); // Friday
      const d = await t.must('dashboard.get', {});
      expect(d.today).toBe('2026-11-20');
      expect(d.cases.map((c) => c.id)).toEqual([late.id, fresh.id, busy.id]);

      const [l, f, b] = d.cases;
      expect(l!.deadlines[0]).toMatchObject({ kind: 'filing', status: 'overdue', dueDate: '2026-11-11', daysLeft: -9 });
      expect(f!.deadlines[0]).toMatchObject({ kind: 'filing', status: 'due', dueDate: '2026-11-25', daysLeft: 5 });
      expect(b!.deadlines.map((x) => `${x.kind}:${x.status}`)).toEqual([
        'preservation:due',
        'filing:done',
        'hearingRequest:unrecorded',
        'statement:unrecorded',
        'service:unrecorded',
      ]);
      expect(b!.deadlines[0]).toMatchObject({
        dueDate: '2026-11-26',
        daysLeft: 6,
        documentId: kept,
        from: { date: '2026-11-17' },
      });
      expect(b!.deadlines[1]!.notes[0]).toBe('已于2026年11月17日立案。');
      expect(b).toMatchObject({ unsynced: 1, waitingSignatures: 1, evidenceIssues: 2 });

      expect(d.counts).toEqual({
        overdue: 1,
        dueSoon: 0,
        uncertain: 0,
        unsynced: 1,
        waitingSignatures: 1,
        waitingSeal: 0,
        evidenceFailed: 1,
        evidenceUnverified: 1,
      });
      expect(d.documents).toEqual([
        expect.objectContaining({
          id: inquiry.id,
          caseId: busy.id,
          state: 'ready',
          type: 'inquiry',
          caseNo: busy.caseNo,
        }),
      ]);
      expect(d.evidence.items.map((e) => [e.fileName, e.status])).toEqual([
        ['后台截图.png', 'mismatch'],
        ['日志.txt', 'unverified'],
      ]);
      expect(d.evidence.items.map((e) => e.id)).not.toContain(good.id);
      expect(d.evidence.items[1]!.id).toBe(unverified.id);
      expect(d.sync).toMatchObject({ enrolled: false, hqName: null, last: null, lastReceiptAt: null, outbox: 1 });
      // Six weeks before the end of its data, the calendar says so.
      expect(d.calendar).toMatchObject({ origin: 'shipped', validThrough: '2026-12-31', version: '2026.1' });
      expect(d.calendar.note).toContain('节假日表只到2026年12月31日');

      // The case's own deadlines are the same.
      const one = await t.must('deadlines.case', { caseId: busy.id });
      expect(one.deadlines.map((x) => x.key).sort()).toEqual(b!.deadlines.map((x) => x.key).sort());
      expect((await t.call('deadlines.case', { caseId: 'nope' })).ok).toBe(false);

      // Closing a case ends its deadlines; with the seal still unsynced it stays listed.
      await t.must('cases.setStatus', { id: busy.id, status: 'closed', note: '' });
      const after = await t.must('dashboard.get', {});
      expect(after.cases.find((c) => c.id === busy.id)!.deadlines.map((x) => x.status)).toEqual(['done', 'done']);
    },
  );

  it(
    'cases.recordMilestone: the dates deadlines count from, both officers, one record each with its event and audit entry; the latest counts',
    { timeout: 60_000 },
    async () => {
      const clock = new FixedClock('2026-11-16T02:00:00.000Z'); // Monday
      const t = makeCore({ clock });
      cores.push(t);
      await setUpPair(t);
      const ids = (await t.must('officers.list', {})).map((o) => o.id) as [string, string];
      const c = await t.must('cases.create', orgCaseInput(ids, 'csl-59'));

      // The 案件来源登记表 made on paper the Tuesday before: 立案 counts from it (11/19, not 11/25).
      const src = await t.must('cases.recordMilestone', {
        caseId: c.id,
        kind: 'sourceDate',
        date: '2026-11-10',
        note: '纸质登记表',
      });
      expect(src.deadlines.find((d) => d.kind === 'filing')).toMatchObject({
        dueDate: '2026-11-19',
        from: { date: '2026-11-10' },
      });
      // Approved extension: 15 working days from 11/10 → 12/1.
      const ext = await t.must('cases.recordMilestone', { caseId: c.id, kind: 'filingExtended', date: '2026-11-16' });
      expect(ext.deadlines.find((d) => d.kind === 'filing')).toMatchObject({ status: 'due', dueDate: '2026-12-01' });

      // Refused: a date after today, a source date after the case's creation, a malformed date, a long note — in Chinese.
      const future = await t.call('cases.recordMilestone', { caseId: c.id, kind: 'noticeServed', date: '2026-11-17' });
      expect(future.ok).toBe(false);
      if (!future.ok)
        expect(future.error).toMatchObject({
          kind: 'validation',
          message: expect.stringContaining('日期不能晚于今天（2026年11月16日）'),
        });
      const lateSource = await t.call('cases.recordMilestone', {
        caseId: c.id,
        kind: 'sourceDate',
        date: '2026-11-16',
      });
      expect(lateSource.ok).toBe(true);
      at(clock, '2026-11-18T02:00:00.000Z');
      const after = await t.call('cases.recordMilestone', { caseId: c.id, kind: 'sourceDate', date: '2026-11-17' });
      expect(!after.ok && after.error.message).toContain('案件来源登记日期不能晚于本机创建案件的日期');
      const bad = await t.call('cases.recordMilestone', { caseId: c.id, kind: 'noticeServed', date: '2026-02-30' });
      expect(!bad.ok && bad.error.message).toContain('日期格式不正确');
      const long = await t.call('cases.recordMilestone', {
        caseId: c.id,
        kind: 'noticeServed',
        date: '2026-11-17',
        note: '长'.repeat(201),
      });
      expect(!long.ok && long.error.message).toContain('说明不能超过200个字');
      const unknown = await t.call('cases.recordMilestone', {
        caseId: 'nope',
        kind: 'noticeServed',
        date: '2026-11-17',
      });
      expect(!unknown.ok && unknown.error.kind).toBe('not_found');

      // Filed; the 告知书 served on 11/17, then corrected to 11/18: the latest counts, both are kept.
      await t.must('cases.setStatus', { id: c.id, status: 'filed', note: '' });
      await t.must('cases.recordMilestone', { caseId: c.id, kind: 'noticeServed', date: '2026-11-17' });
      const fixed = await t.must('cases.recordMilestone', {
        caseId: c.id,
        kind: 'noticeServed',
        date: '2026-11-18',
        note: '以送达回证为准',
      });
      expect(fixed.deadlines.find((d) => d.kind === 'statement')).toMatchObject({
        status: 'due',
        dueDate: '2026-11-23',
        from: { date: '2026-11-18' },
      });
      expect(fixed.deadlines.find((d) => d.kind === 'hearingRequest')).toMatchObject({
        status: 'due',
        dueDate: '2026-11-25',
      });
      expect(fixed.deadlines.find((d) => d.kind === 'service')!.status).toBe('unrecorded');
      expect(fixed.milestones.filter((m) => m.kind === 'noticeServed').map((m) => [m.date, m.current, m.note])).toEqual(
        [
          ['2026-11-17', false, ''],
          ['2026-11-18', true, '以送达回证为准'],
        ],
      );
      expect(fixed.milestones[0]).toMatchObject({ kind: 'sourceDate', officers: [OFFICER_A.name, OFFICER_B.name] });
      const announced = await t.must('cases.recordMilestone', {
        caseId: c.id,
        kind: 'decisionAnnounced',
        date: '2026-11-18',
      });
      expect(announced.deadlines.find((d) => d.kind === 'service')).toMatchObject({
        status: 'due',
        dueDate: '2026-11-27',
      });
      // The dashboard counts the same.
      const dash = await t.must('dashboard.get', {});
      expect(dash.cases[0]!.deadlines.find((d) => d.kind === 'service')).toMatchObject({ dueDate: '2026-11-27' });

      // The timeline and the audit log have each record (refused ones leave nothing).
      const events = (await t.must('cases.get', { id: c.id })).events
        .filter((e) => e.kind === 'milestone')
        .map((e) => e.text);
      expect(events).toHaveLength(6);
      expect(events[4]).toBe(
        '记录《行政处罚意见告知书》送达日期：2026年11月18日（替代此前记录的2026年11月17日）；说明：以送达回证为准',
      );
      const audit = t.core.audit.rows(c.id).filter((r) => r.action === 'case-milestone');
      expect(audit.map((r) => r.detail)).toEqual([
        'sourceDate 2026-11-10',
        'filingExtended 2026-11-16',
        'sourceDate 2026-11-16',
        'noticeServed 2026-11-17',
        'noticeServed 2026-11-18',
        'decisionAnnounced 2026-11-18',
      ]);

      // Only with two officers signed in.
      t.core.session.signOut(ids[1]);
      const alone = await t.call('cases.recordMilestone', {
        caseId: c.id,
        kind: 'decisionAnnounced',
        date: '2026-11-18',
      });
      expect(!alone.ok && alone.error.kind).toBe('forbidden');
    },
  );

  it('needs an officer signed in', async () => {
    const t = makeCore();
    cores.push(t);
    await setUpPair(t);
    t.core.session.signOutAll();
    const r = await t.call('dashboard.get', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('unauthorized');
    expect((await t.call('calendar.get', {})).ok).toBe(false);
  });
});
