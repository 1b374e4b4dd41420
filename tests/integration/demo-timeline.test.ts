// The demo's day (scripts/demo-day.ts, run by scripts/demo-case.ts as npm run demo runs it) on a real
// core with the demo's clock: every record made, signed and sealed at its time, and the case
// timeline has nothing to say — every rule passes. Its records say what happened when: the
// 电子数据清单 row of the log keeps its on-site 提取时间 and 存储介质, apart from its 入库时间.
import { afterEach, describe, expect, it } from 'vitest';
import { runImport } from '../../core/evidence/run-import.ts';
import { DEMO_AGENCY, DEMO_CASES, DEMO_OFFICERS } from '../../scripts/demo-data.ts';
import { DemoClock } from '../../scripts/demo-clock.ts';
import { addDemoHead, runDemoCaseDay, type DemoApi } from '../../scripts/demo-case.ts';
import { at } from '../../scripts/demo-day.ts';
import { caseTimeline, TIMELINE_RULES } from '../../shared/timeline/case-timeline.ts';
import { makeCore, type TestCore } from '../support/core-fixture.ts';

let t: TestCore;
afterEach(() => t?.dispose());

describe('the demo’s day', () => {
  it(
    'passes every rule of the case timeline, each record signed and sealed at its time',
    { timeout: 120_000 },
    async () => {
      const clock = new DemoClock();
      t = makeCore({ clock });
      const api: DemoApi = {
        must: async (name, arg) => {
          const v = await t.must(name, arg);
          clock.pass(10);
          return v;
        },
        upload: async (ticket, bytes) => {
          const r = await runImport(t.core, ticket, [bytes]);
          if (!r.ok) throw new Error(r.error.message);
          return r.value;
        },
      };
      await api.must('office.setup', { agencyName: DEMO_AGENCY, officers: DEMO_OFFICERS });
      for (const o of DEMO_OFFICERS) await api.must('session.signIn', { certNo: o.certNo, password: o.password });
      const headId = await addDemoHead(api);
      clock.to(at('08:20'));
      const officerIds = (await api.must('officers.list', {})).map((o) => o.id) as [string, string];
      const c = DEMO_CASES[0]!;
      const matter = (await api.must('catalog.search', { query: c.matterQuery })).items[0]!;
      const kase = await api.must('cases.create', { ...c.input, matterId: matter.id, officerIds });

      const day = await runDemoCaseDay(api, clock, { caseId: kase.id, officerIds, headId });

      const input = await t.must('timeline.get', { caseId: kase.id });
      const timeline = caseTimeline(input, clock.now());
      expect(timeline.issues).toEqual([]);
      // Every rule had something to check: two officers in records, a measure, signatures, a refusal, witnesses, ID numbers.
      // …and the order served after it was made, the notebook returned after the decision, the
      // decision within the seven working days. The 复查 rules have nothing to check: the order's
      // period runs to 12-07, beyond the demo's day (docs/RECORDS.md).
      expect(TIMELINE_RULES.length).toBe(12);
      expect(input.documents.map((d) => d.state)).toEqual(Array(8).fill('sealed')); // 现场, 取证, 保存, 询问, 责令改正, 送达回证, 补正, 处理决定;
      expect(day.sealed).toHaveLength(8);
      expect(input.signatures.some((s) => s.status === 'refused')).toBe(true);
      // Signed when each record was complete (within minutes), the 补正 with its reason.
      const sittings = new Map(input.signatures.map((s) => [s.sittingId, s]));
      const firstSign = (docId: string) => [...sittings.values()].find((s) => s.documentId === docId)!.sittingStartedAt;
      const local = (iso: string) =>
        new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
      // In order of making: the inspection's record was begun first, at 09:00.
      const [onsite, evidence, preservation, inquiry, , , correction] = input.documents; // then 责令改正, 送达回证; 补正; 处理决定
      expect([evidence, preservation, onsite, inquiry].map((d) => local(firstSign(d!.id)).slice(0, 5))).toEqual([
        '10:20',
        '10:41',
        '11:30',
        '12:30',
      ]);
      expect(
        input.signatures.filter((s) => s.documentId === correction!.id).every((s) => s.status !== 'signed' || s.reason),
      ).toBe(true);
      // The log: extracted onto the U盘 at 09:30, imported at 10:05, its custody recorded.
      const listed = await t.must('documents.get', { id: evidence!.id });
      const log = (listed.content.items as Record<string, string>[])[0]!;
      expect([log.time, log.medium, log.importedAt]).toEqual([at('09:30'), 'U盘 XJ-2026-031', at('10:05')]);
      expect(log.custody).toMatch(/李明随身保管/);
      const shot = (listed.content.items as Record<string, string>[])[1]!;
      expect([shot.time, shot.medium, shot.importedAt]).toEqual([at('10:07'), '本机取证存储', at('10:07')]);
      expect((shot as unknown as { provenance: { timeSourceNote: string } }).provenance.timeSourceNote).toBe(
        '本机时钟，导入时为 2026-11-20 10:07（北京时间）',
      );
    },
  );
});
