// Acts that must follow others across a case's documents (issue #20, DOCUMENTS.md §8–10):
// - servedBeforeMade: a document served (送达回证) before it was made;
// - returnBeforeDecision: preserved items returned before the decision to return them;
// - decisionLate: a 处理决定 after its 先行登记保存's seven working days, with no reason recorded;
// - reviewBeforeService: a 复查 of a 责令改正通知书 before the order was served (or with no service
//   recorded): the period runs from service, so nothing can be checked before it;
// - reviewEarly: a 复查 on or before the last day of the order's period, with no reason recorded.
// Times are compared at the precision both sides have: a day against a minute compares the days.
import { isTime, shown, type DatedAct } from '../facts.ts';
import type { Found, RuleContext } from '../rule-context.ts';
import type { TimelineDocument } from '../timeline-api.ts';

/** a before b, at the precision both have. */
const before = (a: string, b: string) => {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
};
const day = (t: string) => t.slice(0, 10);
const cnDay = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

interface Placed {
  doc: TimelineDocument;
  act: DatedAct;
}

function acts(x: RuleContext, kind: DatedAct['kind']): Placed[] {
  return x.input.documents.flatMap((doc) =>
    doc.facts.acts.filter((a) => a.kind === kind && isTime(a.at)).map((act) => ({ doc, act })),
  );
}

/** When the document (or the record it corrects, or its correction) was made: its first record or decision. */
function made(x: RuleContext, id: string): Placed | undefined {
  const root = x.root(id);
  return x.input.documents
    .filter((d) => x.root(d.id) === root)
    .flatMap((doc) =>
      doc.facts.acts
        .filter((a) => (a.kind === 'record' || a.kind === 'decision') && isTime(a.at))
        .map((act) => ({ doc, act })),
    )
    .sort((a, b) => a.act.at.localeCompare(b.act.at))[0];
}

/** The last day of the period the document opens, as the 工作台 computes it. */
function lastDay(x: RuleContext, id: string) {
  const root = x.root(id);
  return x.input.periods.find((p) => x.root(p.documentId) === root);
}

export function servedBeforeMade(x: RuleContext): Found[] {
  return acts(x, 'service').flatMap(({ doc, act }) => {
    const m = act.target ? made(x, act.target) : undefined;
    if (!m || !before(act.at, m.act.at)) return [];
    return [
      {
        rule: 'servedBeforeMade' as const,
        at: [
          { documentId: doc.id, path: act.path },
          { documentId: m.doc.id, path: m.act.path },
        ],
        message: `${x.name(doc)}记录的送达时间（${shown(act.at)}）早于所送达的${x.name(m.doc)}的作出时间（${shown(m.act.at)}）：文书作出之前不能送达。请核对送达时间和文书日期。`,
      },
    ];
  });
}

export function returnBeforeDecision(x: RuleContext): Found[] {
  return acts(x, 'return').flatMap(({ doc, act }) => {
    const decision = doc.facts.acts.find((a) => a.kind === 'decision' && isTime(a.at));
    if (!decision || !before(act.at, decision.at)) return [];
    return [
      {
        rule: 'returnBeforeDecision' as const,
        at: [{ documentId: doc.id, path: act.path }],
        message: `${x.name(doc)}记录的返还时间（${shown(act.at)}）早于处理决定的日期（${shown(decision.at)}）：物品只能在作出解除登记保存并返还的决定之后返还。请核对返还时间和决定日期。`,
      },
    ];
  });
}

export function decisionLate(x: RuleContext): Found[] {
  return acts(x, 'decision').flatMap(({ doc, act }) => {
    const p = act.target ? lastDay(x, act.target) : undefined;
    if (!p || day(act.at) <= p.lastDay || (act.reason ?? '').trim()) return [];
    const target = x.doc(p.documentId);
    return [
      {
        rule: 'decisionLate' as const,
        at: [{ documentId: doc.id, path: act.path }],
        message: `${x.name(doc)}的${act.label}日期（${cnDay(day(act.at))}）晚于${target ? x.name(target) : '所处理文书'}的${p.label}（${cnDay(p.lastDay)}）：应当在七个工作日内作出处理决定（行政处罚法第五十六条）。逾期作出的，请在决定书中写明未在期限内作出决定的原因。`,
      },
    ];
  });
}

/** The earliest service of the order (or of the record it corrects, or its correction). */
function served(x: RuleContext, id: string): Placed | undefined {
  const root = x.root(id);
  return acts(x, 'service')
    .filter(({ act }) => act.target && x.root(act.target) === root)
    .sort((a, b) => a.act.at.localeCompare(b.act.at))[0];
}

export function reviewBeforeService(x: RuleContext): Found[] {
  return acts(x, 'review').flatMap(({ doc, act }) => {
    const order = act.target ? x.doc(act.target) : undefined;
    if (!order) return [];
    const s = served(x, order.id);
    if (s && !before(act.at, s.act.at)) return [];
    return [
      {
        rule: 'reviewBeforeService' as const,
        at: [{ documentId: doc.id, path: act.path }],
        message: s
          ? `${x.name(doc)}的${act.label}（${shown(act.at)}）早于${x.name(order)}的送达（${x.name(s.doc)}，${shown(s.act.at)}）：改正期限自送达起算，送达之前不能复查。请核对复查时间和送达时间。`
          : `${x.name(doc)}复查了${x.name(order)}，但本案没有该通知书的送达回证：改正期限自送达起算，复查之前应当已经送达。请先制作送达回证，记录送达的时间和方式。`,
      },
    ];
  });
}

export function reviewEarly(x: RuleContext): Found[] {
  return acts(x, 'review').flatMap(({ doc, act }) => {
    const p = act.target ? lastDay(x, act.target) : undefined;
    if (!p || day(act.at) > p.lastDay || (act.reason ?? '').trim()) return [];
    const order = x.doc(p.documentId);
    return [
      {
        rule: 'reviewEarly' as const,
        at: [{ documentId: doc.id, path: act.path }],
        message: `${x.name(doc)}的${act.label}（${shown(act.at)}）在${order ? x.name(order) : '通知书'}的改正期限届满（${cnDay(p.lastDay)}）之前：当事人在期限内仍可改正，期限届满前的复查不能认定拒不改正。请在期限届满后复查；确需提前复查的（如当事人报告已改正），请在该复查措施中写明原因。`,
      },
    ];
  });
}
