// The dashboard (工作台) and a case's deadlines through the API, on a real core with a fixed
// clock: overdue first, the periods counted from what the cases record, unsynced seals, documents
// waiting for signatures, evidence not verified or failed, the sync state, the calendar in use.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { demoInquiry, demoPreservation } from '../../scripts/demo-documents.ts';
import { FixedClock, makeCore, OFFICER_A, OFFICER_B, orgCaseInput, setUpPair, type TestCore } from '../../tests/support/core-fixture.ts';
import { signedDocument } from '../../tests/support/signing-fixture.ts';
import { HEADER_BYTES } from '../evidence/blob-cipher.ts';

const cores: TestCore[] = [];
afterEach(() => {
  for (const t of cores.splice(0)) t.dispose();
});

const META = { category: '截图' as const, description: '', source: 'https://www.xinghe-news.cn/', method: '截屏', timeSourceNote: '', provider: { name: '', idNumber: '', statement: false }, original: true, copy: { method: '', madeAt: '', madeBy: '' } };
const at = (clock: FixedClock, iso: string) => (clock.t = Date.parse(iso));

describe('dashboard.get', () => {
  it('lists open cases most urgent first, with their deadlines, unsynced seals, documents to sign, evidence to verify and the sync state', { timeout: 60_000 }, async () => {
    const clock = new FixedClock('2026-11-02T02:00:00.000Z');
    const t = makeCore({ clock });
    cores.push(t);
    await setUpPair(t);
    const ids = (await t.must('officers.list', {})).map((o) => o.id) as [string, string];

    // 乙: a clue registered Monday 11/2 and never filed — 立案 was due 11/11.
    const late = await t.must('cases.create', orgCaseInput(ids, 'csl-59', { title: '乙公司涉嫌未履行网络安全保护义务案' }));
    // 甲: a clue registered Monday 11/16 — 立案 due 11/25.
    at(clock, '2026-11-16T02:00:00.000Z');
    const fresh = await t.must('cases.create', orgCaseInput(ids, 'csl-59', { title: '甲公司涉嫌未履行网络安全保护义务案' }));
    // 丙: registered 11/16, filed 11/17, evidence kept from 11/17 (7 working days: 11/26), sealed and not synced;
    // an inquiry waiting for signatures; two evidence files, one of which fails re-verification.
    const busy = await t.must('cases.create', orgCaseInput(ids, 'csl-59', { title: '丙公司涉嫌未履行网络安全保护义务案' }));
    at(clock, '2026-11-17T02:00:00.000Z');
    await t.must('cases.setStatus', { id: busy.id, status: 'filed', note: '' });
    const kept = await signedDocument(t, busy.id, 'preservation', { ...demoPreservation(ids), startDate: '2026-11-17' }, ids);
    await t.must('seals.seal', { documentId: kept, officerPasswords: [OFFICER_A.password, OFFICER_B.password] });
    const inquiry = await t.must('documents.create', { caseId: busy.id, type: 'inquiry' });
    await t.must('documents.save', { id: inquiry.id, revision: inquiry.revision, content: demoInquiry(ids[0], ids[1]) as unknown as Record<string, unknown> });
    await t.must('documents.markReady', { id: inquiry.id });
    const good = await t.core.evidence.ingest([randomBytes(4096)], { caseId: busy.id, fileName: '首页截图.png', officerIds: ids, meta: META });
    const bad = await t.core.evidence.ingest([randomBytes(4096)], { caseId: busy.id, fileName: '后台截图.png', officerIds: ids, meta: META });
    const blob = t.core.evidence.blobs.pathOf(bad.sha256);
    const bytes = readFileSync(blob);
    bytes[HEADER_BYTES + 10]! ^= 0x01;
    writeFileSync(blob, bytes);
    await t.must('evidence.reverify', { caseId: busy.id });
    const unverified = await t.core.evidence.ingest([randomBytes(4096)], { caseId: busy.id, fileName: '日志.txt', officerIds: ids, meta: META });
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
    expect(b!.deadlines.map((x) => `${x.kind}:${x.status}`)).toEqual(['preservation:due', 'filing:done', 'hearingRequest:unrecorded', 'statement:unrecorded', 'service:unrecorded']);
    expect(b!.deadlines[0]).toMatchObject({ dueDate: '2026-11-26', daysLeft: 6, documentId: kept, from: { date: '2026-11-17' } });
    expect(b!.deadlines[1]!.notes[0]).toBe('已于2026年11月17日立案。');
    expect(b).toMatchObject({ unsynced: 1, waitingSignatures: 1, evidenceIssues: 2 });

    expect(d.counts).toEqual({ overdue: 1, dueSoon: 0, uncertain: 0, unsynced: 1, waitingSignatures: 1, waitingSeal: 0, evidenceFailed: 1, evidenceUnverified: 1 });
    expect(d.documents).toEqual([expect.objectContaining({ id: inquiry.id, caseId: busy.id, state: 'ready', type: 'inquiry', caseNo: busy.caseNo })]);
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
  });

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
