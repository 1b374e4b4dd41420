// Each deadline rule of DOCUMENTS.md §6 on the shipped calendar: start day not counted, holidays
// and make-up workdays, uncertain beyond the data, done when recorded, not computed when the fact
// it counts from is not recorded — each with its legal basis.
import { describe, expect, it } from 'vitest';
import shipped from '../../assets/calendar/calendar.json' with { type: 'json' };
import { CalendarDataSchema } from '../calendar/calendar-schema.ts';
import { createWorkingCalendar } from '../calendar/working-calendar.ts';
import { byUrgency, caseDeadlines, DEADLINE_RULES, type CaseFacts } from './case-deadlines.ts';
import type { DeadlineClosingFact, DocumentDeadlineFact } from './document-deadline.ts';
import type { Deadline } from './deadline-api.ts';

const cal = createWorkingCalendar(CalendarDataSchema.parse(shipped));
const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  status: 'clue',
  sourceDate: '2026-11-16',
  filedDate: null,
  closedDate: null,
  documents: [],
  ...over,
});
const kept = (over: Partial<DocumentDeadlineFact> = {}): DocumentDeadlineFact => ({
  kind: 'preservation',
  documentId: 'd1',
  docNo: '网信案保〔2026〕0001号',
  state: 'sealed',
  startDate: '2025-09-26',
  signedDate: '2025-09-26',
  content: {},
  closedBy: [],
  ...over,
});
const find = (ds: Deadline[], kind: Deadline['kind']) => ds.find((d) => d.kind === kind)!;

describe('立案 (repealed 2017 regulation art. 15, unverified for 2023): 7 working days from the case source, up to 15 when extended', () => {
  it('running: the start day not counted, the days left, the extended date and the source-date caveat', () => {
    const d = find(caseDeadlines(facts(), cal, '2026-11-20'), 'filing');
    // Source Monday 11/16: 11/17–11/20, 11/23–11/25.
    expect(d).toMatchObject({ status: 'due', dueDate: '2026-11-25', daysLeft: 5, from: { date: '2026-11-16' } });
    expect(d.basis).toContain('第十五条');
    expect(d.basis).toMatch(
      /^依据未核实：现行《网信部门行政执法程序规定》（2023年国家互联网信息办公室令第14号）的对应规定未能核对/,
    );
    expect(d.basisUnverified).toMatch(/^依据未核实/);
    expect(d.rule).toContain('起算日不计入');
    expect(d.notes.join()).toContain('2026年12月7日'); // 15 working days
    expect(d.notes.join()).toContain('经批准延长的，请记录批准日期');
    expect(d.notes.join()).toContain('如《案件来源登记表》登记在先');
  });

  it('overdue once the last day has passed', () => {
    const d = find(caseDeadlines(facts({ sourceDate: '2026-11-02' }), cal, '2026-11-20'), 'filing');
    expect(d).toMatchObject({ status: 'overdue', dueDate: '2026-11-11', daysLeft: -9 });
  });

  it('across the 2026 National Day break with its make-up Saturday', () => {
    // Source Wednesday 9/30: 10/1–10/7 off; 10/8, 10/9, 10/10 (Sat, workday), 10/12–10/15.
    expect(find(caseDeadlines(facts({ sourceDate: '2026-09-30' }), cal, '2026-10-08'), 'filing')).toMatchObject({
      status: 'due',
      dueDate: '2026-10-15',
      daysLeft: 7,
    });
  });

  it('done when filed; a late filing within the extension says that it needs the approval on record', () => {
    expect(
      find(caseDeadlines(facts({ status: 'filed', filedDate: '2026-11-20' }), cal, '2026-12-20'), 'filing'),
    ).toMatchObject({ status: 'done', daysLeft: null, notes: ['已于2026年11月20日立案。'] });
    const late = find(
      caseDeadlines(facts({ status: 'filed', sourceDate: '2026-11-02', filedDate: '2026-11-20' }), cal, '2026-12-20'),
      'filing',
    );
    expect(late.status).toBe('done');
    expect(late.notes[1]).toContain('在延长后的十五个工作日内（2026年11月23日）');
    const tooLate = find(
      caseDeadlines(facts({ status: 'filed', sourceDate: '2026-11-02', filedDate: '2026-12-01' }), cal, '2026-12-20'),
      'filing',
    );
    expect(tooLate.notes[1]).toContain('晚于立案期限');
  });

  it('done when closed without filing', () => {
    expect(
      find(caseDeadlines(facts({ status: 'closed', closedDate: '2026-11-18' }), cal, '2026-12-20'), 'filing'),
    ).toMatchObject({ status: 'done', notes: ['未立案即结案（2026年11月18日）。'] });
  });

  it('uncertain when it reaches 2027, for which there is no data: no date, the reason, the earliest end', () => {
    const d = find(caseDeadlines(facts({ sourceDate: '2026-12-28' }), cal, '2026-12-29'), 'filing');
    expect(d).toMatchObject({ status: 'uncertain', dueDate: null, earliest: '2027-01-04', daysLeft: 6 });
    expect(d.notes[0]).toContain('2027年的法定节假日和调休安排尚未公布或尚未更新到本机');
    expect(d.notes[0]).toContain('最早可能在2027年1月4日届满');
    expect(d.notes.join()).toContain('延长后的届满日同样超出节假日数据');
    // Past the earliest possible end: it may already be overdue, and it says so.
    const later = find(caseDeadlines(facts({ sourceDate: '2026-12-28' }), cal, '2027-01-05'), 'filing');
    expect(later.status).toBe('uncertain');
    expect(later.notes.join()).toContain('可能已经逾期');
  });
});

describe('先行登记保存 handling decision (行政处罚法 art. 56, 85): 7 working days', () => {
  it('counts from the 登记保存开始日期, across the 2025 National Day break', () => {
    const d = find(
      caseDeadlines(
        facts({ status: 'filed', filedDate: '2025-09-20', sourceDate: '2025-09-15', documents: [kept()] }),
        cal,
        '2025-10-10',
      ),
      'preservation',
    );
    expect(d).toMatchObject({
      status: 'due',
      dueDate: '2025-10-13',
      daysLeft: 3,
      documentId: 'd1',
      key: 'preservation:d1',
    });
    expect(d.from!.label).toContain('登记保存开始日期（网信案保〔2026〕0001号，已封存）');
    expect(d.basis).toContain('第五十六条');
    expect(d.basis).toContain('第八十五条');
    expect(d.basis).not.toContain('2017'); // its 第二十八条 is repealed; 行政处罚法 第五十六条 is verified
    expect(d.basisUnverified).toBeNull();
    expect(d.notes.join()).toContain('作出《先行登记保存物品处理决定书》并封存后，本期限即完成');
    expect(
      find(caseDeadlines(facts({ status: 'filed', documents: [kept()] }), cal, '2025-10-14'), 'preservation'),
    ).toMatchObject({ status: 'overdue', daysLeft: -1 });
  });

  it('falls back to the signing day, and is not computed from nothing', () => {
    const signed = find(
      caseDeadlines(facts({ documents: [kept({ startDate: null, signedDate: '2026-11-20' })] }), cal, '2026-11-20'),
      'preservation',
    );
    expect(signed).toMatchObject({ status: 'due', dueDate: '2026-12-01' });
    expect(signed.from!.label).toContain('签名完成日期');
    const blank = find(
      caseDeadlines(
        facts({ documents: [kept({ state: 'draft', startDate: null, signedDate: null })] }),
        cal,
        '2026-11-20',
      ),
      'preservation',
    );
    expect(blank).toMatchObject({ status: 'unrecorded', dueDate: null, from: null });
    expect(blank.notes[0]).toContain('尚未填写登记保存开始日期');
  });

  it('a draft says so; a closed case has nothing left to do', () => {
    const draft = find(
      caseDeadlines(
        facts({ documents: [kept({ state: 'draft', startDate: '2026-11-20', signedDate: null })] }),
        cal,
        '2026-11-20',
      ),
      'preservation',
    );
    expect(draft.notes.join()).toContain('仍是草稿');
    expect(
      find(caseDeadlines(facts({ status: 'closed', documents: [kept()] }), cal, '2026-11-20'), 'preservation').status,
    ).toBe('done');
  });
});

describe('先行登记保存 closed by its 处理决定书 (行政处罚法 art. 56)', () => {
  const decision = (over: Partial<DeadlineClosingFact> = {}): DeadlineClosingFact => ({
    documentId: 'x1',
    docNo: '网信案处〔2026〕0001号',
    label: '先行登记保存物品处理决定书',
    state: 'sealed',
    date: '2025-10-09',
    ...over,
  });
  const at = (closedBy: DeadlineClosingFact[], today = '2025-10-14') =>
    find(caseDeadlines(facts({ status: 'filed', documents: [kept({ closedBy })] }), cal, today), 'preservation');

  it('a sealed decision closes the period, even after the last day; its number and date are shown', () => {
    const d = at([decision()]);
    expect(d).toMatchObject({ status: 'done', dueDate: '2025-10-13', daysLeft: null });
    expect(d.notes.join()).toContain('网信案处〔2026〕0001号（2025年10月9日），已封存');
    expect(d.notes.join()).not.toContain('晚于期限');
  });
  it('a decision dated after the last day closes it and says it was late', () => {
    expect(at([decision({ date: '2025-10-14' })]).notes.join()).toContain('处理决定晚于期限（2025年10月13日）');
  });
  it('a decision not yet sealed does not close it: the period runs on, and says what is pending', () => {
    const d = at([decision({ state: 'signed' })], '2025-10-10');
    expect(d.status).toBe('due');
    expect(d.notes.join()).toContain('网信案处〔2026〕0001号（已签名）封存后本期限即完成');
    expect(at([decision({ state: 'draft' })]).status).toBe('overdue');
  });
});

describe('责令改正: the period the order states, from its service', () => {
  const order = (deadline: Record<string, string>, state: DocumentDeadlineFact['state'] = 'sealed') =>
    kept({
      kind: 'rectification',
      documentId: 'r1',
      docNo: '网信案改〔2026〕0001号',
      state,
      startDate: deadline.from ?? null,
      content: { deadline },
    });
  const at = (d: DocumentDeadlineFact, today: string, status: CaseFacts['status'] = 'filed') =>
    find(caseDeadlines(facts({ status, documents: [d] }), cal, today), 'rectification');

  it('the last day the order states, with days left; overdue once past: the correction is to be checked', () => {
    // 2026-11-20 (Friday) + 15 days = 12-05 (Saturday) → Monday 12-07 (2017 reg. art. 46).
    const o = order({ days: '15', unit: '日', from: '2026-11-20', endDate: '2026-12-07' });
    expect(at(o, '2026-11-30')).toMatchObject({
      status: 'due',
      dueDate: '2026-12-07',
      daysLeft: 7,
      period: '15日',
      key: 'rectification:r1',
    });
    const past = at(o, '2026-12-08');
    expect(past).toMatchObject({ status: 'overdue', daysLeft: -1 });
    expect(past.notes.join()).toContain('请复查当事人的改正情况');
    expect(at(o, '2026-12-08', 'closed').status).toBe('done');
  });
  it('working days; a printed date the calendar does not give is shown beside it', () => {
    const o = order({ days: '5', unit: '工作日', from: '2026-11-20', endDate: '2026-11-26' });
    const d = at(o, '2026-11-20');
    expect(d.dueDate).toBe('2026-11-26');
    expect(d.notes.join()).toContain('按现行节假日表计算为2026年11月27日');
  });
  const o15 = { days: '15', unit: '日', from: '2026-11-20', endDate: '2026-12-07' };
  const review = (state: DocumentDeadlineFact['state'], result = '未改正') => ({
    documentId: 'on2',
    docNo: '网信案现〔2026〕0002号',
    label: '现场笔录',
    state,
    date: '2026-12-08',
    outcome: { result, text: '网站后台仍使用弱口令。' },
  });
  const withOrderLaw = (closedBy: DocumentDeadlineFact['closedBy']) => ({
    ...order(o15),
    content: {
      deadline: o15,
      consequence:
        '逾期不改正的，本机关将依照《中华人民共和国网络安全法》第六十一条第一款的规定，处五万元以上五十万元以下罚款。',
      law: { articles: [{ law: '《中华人民共和国网络安全法》', article: '第六十一条', role: 'order' }] },
    },
    closedBy,
  });
  it('closed only by a sealed 复查 of the order: its outcome shown, and for 未改正 the penalty article that follows', () => {
    const done = at(withOrderLaw([review('sealed')]), '2026-12-09');
    expect(done).toMatchObject({ status: 'done', dueDate: '2026-12-07', daysLeft: null });
    expect(done.notes).toEqual([
      '已复查：现场笔录网信案现〔2026〕0002号（2026年12月8日），已封存。',
      '复查结论：未改正。复查情况：网站后台仍使用弱口令。',
      expect.stringMatching(
        /^当事人逾期未改正：依照《中华人民共和国网络安全法》第六十一条依法处理（通知书载明：逾期不改正的，本机关将依照.*第六十一条第一款的规定/,
      ),
    ]);
    // Signed but not sealed: still open (overdue), saying what closes it.
    const pending = at(withOrderLaw([review('signed')]), '2026-12-09');
    expect(pending.status).toBe('overdue');
    expect(pending.notes.join()).toContain('网信案现〔2026〕0002号（已签名）记录了复查（未改正），封存后本期限即完成');
    // No 复查 of this order (the case's other 现场笔录 checks nothing): open.
    expect(at(withOrderLaw([]), '2026-12-09').status).toBe('overdue');
  });
  it('a 复查 that found the correction made says so; one before the last day says the record must give why', () => {
    const made = at(withOrderLaw([{ ...review('sealed', '已改正'), date: '2026-12-01' }]), '2026-12-02');
    expect(made.status).toBe('done');
    expect(made.notes.join()).toContain('复查结论：已改正');
    expect(made.notes.join()).not.toContain('逾期未改正');
    expect(made.notes.join()).toContain('复查在改正期限届满（2026年12月7日）之前');
  });
  it('not computed without its period', () => {
    const d = at(order({ days: '', unit: '', from: '2026-11-20', endDate: '' }, 'draft'), '2026-11-20');
    expect(d).toMatchObject({ status: 'unrecorded', dueDate: null });
    expect(d.notes[0]).toContain('尚未填写改正期限');
  });
});

describe('periods the device cannot count yet: hearing request, 陈述申辩, service of the decision', () => {
  it('listed for a filed case as not computable, with why and with their basis; not for a clue', () => {
    const ds = caseDeadlines(facts({ status: 'filed', filedDate: '2026-11-18' }), cal, '2026-11-20');
    const hearing = find(ds, 'hearingRequest');
    expect(hearing).toMatchObject({ status: 'unrecorded', dueDate: null, period: '五个工作日' });
    expect(hearing.basis).toContain('第六十四条');
    expect(hearing.basisUnverified).toBeNull(); // 行政处罚法 第六十四条 is verified
    expect(hearing.notes[0]).toContain('尚未记录');
    expect(find(ds, 'statement')).toMatchObject({ status: 'unrecorded', period: '三个工作日' });
    // Only the repealed 2017 regulation set these: said so with the basis.
    expect(find(ds, 'statement').basis).toMatch(
      /^依据未核实：.*已废止的《互联网信息内容管理行政执法程序规定》（2017）第三十六条/,
    );
    expect(find(ds, 'statement').basisUnverified).toMatch(/^依据未核实/);
    expect(find(ds, 'service').basis).toMatch(/^依据未核实：.*已废止的.*第四十条/);
    expect(find(ds, 'service').basisUnverified).toMatch(/^依据未核实/);
    expect(caseDeadlines(facts(), cal, '2026-11-20').map((d) => d.kind)).toEqual(['filing']);
  });
});

describe('counted from the dates officers record (cases.recordMilestone)', () => {
  it('立案 from a recorded 案件来源登记 date instead of the case creation', () => {
    const d = find(
      caseDeadlines(facts({ sourceDate: '2026-11-16', recorded: { sourceDate: '2026-11-10' } }), cal, '2026-11-17'),
      'filing',
    );
    // Source Tuesday 11/10: 11/11–11/13, 11/16–11/19.
    expect(d).toMatchObject({ status: 'due', dueDate: '2026-11-19', daysLeft: 2, from: { date: '2026-11-10' } });
    expect(d.from!.label).toContain('执法人员记录');
    expect(d.notes.join()).not.toContain('如《案件来源登记表》登记在先');
  });

  it('an extension of 立案 makes it 15 working days, across the 2026 Mid-Autumn and National Day breaks', () => {
    // Source Thursday 9/24: 9/25–9/27 and 10/1–10/7 off; 9/28–9/30, 10/8, 10/9, 10/10 (Sat, workday), 10/12 … 10/22.
    const plain = find(caseDeadlines(facts({ sourceDate: '2026-09-24' }), cal, '2026-10-09'), 'filing');
    expect(plain).toMatchObject({ status: 'due', dueDate: '2026-10-12' });
    const d = find(
      caseDeadlines(facts({ sourceDate: '2026-09-24', recorded: { filingExtended: '2026-10-09' } }), cal, '2026-10-13'),
      'filing',
    );
    expect(d).toMatchObject({
      status: 'due',
      dueDate: '2026-10-22',
      daysLeft: 9,
      period: '十五个工作日（经批准延长）',
    });
    expect(d.notes.join()).toContain('已记录负责人于2026年10月9日批准延长立案期限');
    expect(
      find(
        caseDeadlines(
          facts({ sourceDate: '2026-09-24', recorded: { filingExtended: '2026-10-09' } }),
          cal,
          '2026-10-23',
        ),
        'filing',
      ),
    ).toMatchObject({ status: 'overdue', daysLeft: -1 });
    // Filed within the extension with the approval recorded: no warning that it is missing.
    const filed = find(
      caseDeadlines(
        facts({
          status: 'filed',
          sourceDate: '2026-09-24',
          filedDate: '2026-10-20',
          recorded: { filingExtended: '2026-10-09' },
        }),
        cal,
        '2026-10-23',
      ),
      'filing',
    );
    expect(filed).toMatchObject({ status: 'done', dueDate: '2026-10-22' });
    expect(filed.notes.join()).toContain('在经批准延长的十五个工作日内');
    expect(filed.notes.join()).not.toContain('应有负责人批准延长的记录');
  });

  it('the 告知书 served: hearing request 5 and 陈述申辩 3 working days; a party period that ran out is 期满, not overdue', () => {
    const filed = { status: 'filed' as const, filedDate: '2026-11-18', recorded: { noticeServed: '2026-11-20' } };
    // Served Friday 11/20: 11/23, 11/24, 11/25 | 11/26, 11/27.
    const ds = caseDeadlines(facts(filed), cal, '2026-11-23');
    expect(find(ds, 'hearingRequest')).toMatchObject({
      status: 'due',
      dueDate: '2026-11-27',
      daysLeft: 4,
      from: { date: '2026-11-20' },
    });
    expect(find(ds, 'statement')).toMatchObject({ status: 'due', dueDate: '2026-11-25', daysLeft: 2 });
    expect(find(ds, 'hearingRequest').rule).toContain('起算日不计入');
    const later = caseDeadlines(facts(filed), cal, '2026-11-26');
    expect(find(later, 'statement')).toMatchObject({ status: 'done', dueDate: '2026-11-25', daysLeft: null });
    expect(find(later, 'statement').notes[0]).toContain('已于2026年11月25日期满');
    expect(find(later, 'hearingRequest').status).toBe('due');
    expect(find(later, 'service').status).toBe('unrecorded');
  });

  it('the decision announced: service within 7 working days, overdue after', () => {
    const f = facts({ status: 'filed', filedDate: '2026-11-18', recorded: { decisionAnnounced: '2026-11-20' } });
    expect(find(caseDeadlines(f, cal, '2026-11-20'), 'service')).toMatchObject({
      status: 'due',
      dueDate: '2026-12-01',
      daysLeft: 11,
    });
    expect(find(caseDeadlines(f, cal, '2026-12-02'), 'service')).toMatchObject({ status: 'overdue', daysLeft: -1 });
    expect(find(caseDeadlines(f, cal, '2026-12-02'), 'hearingRequest').status).toBe('unrecorded');
  });

  it('uncertain when the recorded date reaches 2027', () => {
    const d = find(
      caseDeadlines(
        facts({ status: 'filed', filedDate: '2026-12-01', recorded: { decisionAnnounced: '2026-12-28' } }),
        cal,
        '2026-12-29',
      ),
      'service',
    );
    expect(d).toMatchObject({ status: 'uncertain', dueDate: null, earliest: '2027-01-04' });
  });
});

describe('urgency', () => {
  it('overdue first (longest overdue first), then by the day they end; done and not computable last', () => {
    const ds = [
      ...caseDeadlines(
        facts({
          status: 'filed',
          filedDate: '2026-11-18',
          documents: [
            kept({ documentId: 'a', startDate: '2026-11-19' }),
            kept({ documentId: 'b', startDate: '2026-11-02' }),
          ],
        }),
        cal,
        '2026-11-20',
      ),
      find(caseDeadlines(facts({ sourceDate: '2026-11-18' }), cal, '2026-11-20'), 'filing'),
    ].sort(byUrgency);
    expect(ds.map((d) => `${d.kind}:${d.status}`)).toEqual([
      'preservation:overdue',
      'filing:due',
      'preservation:due',
      'filing:done',
      'hearingRequest:unrecorded',
      'statement:unrecorded',
      'service:unrecorded',
    ]);
  });
});

describe('the basis of every rule (DEADLINE_RULES)', () => {
  it('never presents the repealed 2017 regulation as the law in force: where it is cited, it is called repealed and the rule unverified', () => {
    for (const [kind, r] of Object.entries(DEADLINE_RULES)) {
      if (r.basis.includes('2017')) {
        expect(r.basis, kind).toMatch(/^依据未核实：/);
        expect(r.basis, kind).toContain('已废止的《互联网信息内容管理行政执法程序规定》（2017）');
        expect(r.unverified, kind).toMatch(/^依据未核实/);
      } else {
        // The rest rest on the verified articles of the 行政处罚法 (../shared/law/行政处罚法-2021-节选.txt:
        // 第二十八条 责令改正, 第五十六条 先行登记保存, 第六十四条 听证).
        expect(r.basis, kind).toMatch(/《中华人民共和国行政处罚法》第(二十八|五十六|六十四)条/);
        expect(r.unverified, kind).toBeNull();
      }
    }
    // The counting rules: 起算日不计入 rested on 2017 art. 46 alone.
    expect(cal.addWorkingDays('2026-11-20', 7).rule).toMatch(/起算日不计入：依据未核实：.*已废止的.*第四十六条/);
    expect(cal.addCalendarDays('2026-11-20', 10).rule).toMatch(/依据未核实：.*已废止的.*第四十六条/);
  });
});
