// Which law applies to a case: a matter's articles and penalty as they read over each period the
// catalog knows (a period ends where any of its provisions changes), and, for a case's conduct,
// the periods that matter under 行政处罚法 第三十七条 — the law in force when the conduct happened,
// unless at the decision the law has been amended and the new one is lighter (or no longer makes
// it an offence). Pure functions: the core, the renderer and tests use the same ones.
import {
  type Catalog,
  type FineRange,
  type LawPeriod,
  type LegalBasis,
  type Matter,
  type Penalty,
  type Provision,
  type ProvisionVersion,
} from './catalog-schema.ts';

/** 行政处罚法 第三十七条, verified (../shared/law/行政处罚法-2021-节选.txt: LawRefBook/Laws, and two web quotations). */
export const ART_37 = {
  citation: '《中华人民共和国行政处罚法》第三十七条',
  text: '实施行政处罚，适用违法行为发生时的法律、法规、规章的规定。但是，作出行政处罚决定时，法律、法规、规章已被修改或者废止，且新的规定处罚较轻或者不认为是违法的，适用新的规定。',
} as const;

/** The day before an ISO date (2026-01-01 → 2025-12-31). */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const inForceOn = (v: { effectiveFrom: string | null; effectiveTo: string | null }, date: string) =>
  (v.effectiveFrom === null || v.effectiveFrom <= date) && (v.effectiveTo === null || v.effectiveTo >= date);

/** The version of a provision in force on `date` (null: none — not yet, or no longer). */
export function versionOn(p: Provision, date: string): ProvisionVersion | null {
  return p.versions.find((v) => inForceOn(v, date)) ?? null;
}

/** A period's key: its first day, '' for a period without a recorded start. */
export const periodKey = (p: { effectiveFrom: string | null }) => p.effectiveFrom ?? '';

/** 2026-01-01 → 2026年1月1日 */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** 2017年6月1日至2025年12月31日 / 2026年1月1日起 / 现行 */
export function periodLabel(p: { effectiveFrom: string | null; effectiveTo: string | null }): string {
  if (p.effectiveFrom && p.effectiveTo) return `${chineseDate(p.effectiveFrom)}至${chineseDate(p.effectiveTo)}`;
  if (p.effectiveFrom) return `${chineseDate(p.effectiveFrom)}起施行`;
  if (p.effectiveTo) return `至${chineseDate(p.effectiveTo)}`;
  return '现行（目录未记载施行日期）';
}

/** 10000 → 1万; 1000000 → 100万; 5000 → 5000; 15000 → 15000 (only round ten-thousands in 万). */
export function formatYuan(yuan: number): string {
  return yuan >= 10_000 && yuan % 10_000 === 0 ? `${yuan / 10_000}万` : String(yuan);
}

const MULTIPLE = /(违法所得|采购金额)([一二三四五六七八九十]+)倍以上([一二三四五六七八九十]+)倍以下/;
const SMALL_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export function formatFine(f: FineRange): string {
  if (f.minYuan !== undefined && f.maxYuan !== undefined) return `${formatYuan(f.minYuan)}–${formatYuan(f.maxYuan)}元`;
  if (f.maxYuan !== undefined) return `${formatYuan(f.maxYuan)}元以下`;
  if (f.minYuan !== undefined) return `${formatYuan(f.minYuan)}元以上`;
  const m = MULTIPLE.exec(f.text);
  if (m && SMALL_NUMBER[m[2]!] && SMALL_NUMBER[m[3]!]) return `${m[1]}${SMALL_NUMBER[m[2]!]}–${SMALL_NUMBER[m[3]!]}倍`;
  return '见条文';
}

/** 《A》第一条、第二条、《B》第三条 — laws in order of first mention, at most four articles (then 等). */
export function basisShort(basis: { law: string; article: string }[]): string {
  const MAX = 4;
  const byLaw = new Map<string, string[]>();
  for (const b of basis.slice(0, MAX)) byLaw.set(b.law, [...(byLaw.get(b.law) ?? []), b.article]);
  const text = [...byLaw].map(([law, articles]) => `${law}${articles.join('、')}`).join('、');
  return basis.length > MAX ? `${text}等` : text;
}

/**
 * 警告；没收违法所得；罚款1万–5万元（拒不改正…的5万–50万元）；对责任人员罚款1万–10万元 — or — for
 * matters without a penalty. Only what the 网信部门 imposes; other departments' measures say 移送/通报.
 */
export function penaltyShort(p: Penalty | null): string {
  if (!p) return '—';
  const parts: string[] = [];
  if (p.warning) parts.push('警告');
  if (p.confiscateIllegalIncome) parts.push('没收违法所得');
  if (p.fineOperator) {
    // Where the general fine needs no refusal (网络安全法 as amended), the fine after refusal follows it.
    const general = p.fines.find((f) => f.on === 'operator');
    const raised =
      general?.when === ''
        ? p.fines.find(
            (f) => f.on === 'operator' && f !== general && f.article === general.article && /拒不改正/.test(f.when),
          )
        : undefined;
    parts.push(`罚款${formatFine(p.fineOperator)}${raised ? `（拒不改正等情形${formatFine(raised)}）` : ''}`);
  }
  if (p.fineResponsible) parts.push(`对责任人员罚款${formatFine(p.fineResponsible)}`);
  const own = p.measures.filter((m) => m.route === null).map((m) => m.name);
  if (!p.fineOperator && !p.fineResponsible && own.length > 0) parts.push(own.slice(0, 2).join('、'));
  if (p.referral && parts.length === 0) parts.push('依照有关法律、行政法规处理、处罚');
  const others = [...new Set(p.measures.filter((m) => m.route !== null).map((m) => `${m.route}${m.authority}`))];
  if (parts.length === 0)
    parts.push(others.length > 0 ? '网信部门无处罚权' : p.orderCorrection ? '责令改正' : '见条文');
  if (others.length > 0) parts.push(others.join('、'));
  return parts.join('；');
}

/** The matter's law over every period its provisions define, oldest first. */
export function lawPeriods(m: Matter, provisions: ReadonlyMap<string, Provision>): LawPeriod[] {
  const used = m.legalBasis.map((b) => {
    const p = provisions.get(b.provision);
    if (!p) throw new Error(`matter ${m.id}: unknown provision ${b.provision}`);
    return { ref: b, p };
  });
  const starts = new Set<string>();
  for (const { p } of used) for (const v of p.versions) if (v.effectiveFrom) starts.add(v.effectiveFrom);
  for (const x of m.penalties) if (x.effectiveFrom) starts.add(x.effectiveFrom);
  const sorted = [...starts].sort();
  // Only one kind of version (no recorded dates at all): one period without bounds.
  const bounds: { effectiveFrom: string | null; effectiveTo: string | null }[] =
    sorted.length === 0
      ? [{ effectiveFrom: null, effectiveTo: null }]
      : sorted.map((s, i) => ({
          effectiveFrom: s,
          effectiveTo: i + 1 < sorted.length ? dayBefore(sorted[i + 1]!) : null,
        }));
  return bounds.map((b) => {
    const at = b.effectiveFrom ?? '0000-01-01';
    const basis: LegalBasis[] = [];
    for (const { ref, p } of used) {
      const v = versionOn(p, at);
      if (!v) continue;
      // Two articles the lists quote may have become one (网络安全法 2016 第六十四条、第六十六条 → 第七十一条).
      const same = basis.find((x) => x.law === p.law && x.article === v.article);
      if (same) same.penaltyArticle ||= ref.penaltyArticle;
      else basis.push({ ...v, provision: p.id, law: p.law, penaltyArticle: ref.penaltyArticle });
    }
    const penalty = m.penalties.find((x) => inForceOn(x, at))?.penalty ?? null;
    return {
      ...b,
      basis,
      penalty,
      basisShort: basisShort(basis),
      penaltyShort: penaltyShort(penalty),
      unverified: basis.some((x) => x.textStatus !== 'checked'),
    };
  });
}

export function provisionMap(c: Pick<Catalog, 'provisions'>): Map<string, Provision> {
  return new Map(c.provisions.map((p) => [p.id, p]));
}

/** When the conduct happened: one day (to = from), a period, or continuing (to = null: 持续至今). */
export interface ConductDates {
  from: string;
  to: string | null;
}

export type LawSituation =
  /** One version of the law throughout: it applies. */
  | 'single'
  /** The conduct lies within one version, the law was amended since: that version, unless the new one is lighter. */
  | 'amended-after'
  /** The conduct runs across a change of the law: the officer decides which version. */
  | 'spans'
  /** No version was in force during the conduct. */
  | 'none';

export interface LawForConduct {
  situation: LawSituation;
  /** The periods to show side by side (one unless a choice is needed), oldest first. */
  candidates: LawPeriod[];
  /** Keys of the periods the conduct falls in. */
  conductPeriods: string[];
  /** Key of the period in force today (the decision), null if none. */
  currentPeriod: string | null;
  /** The period applying without a choice: the only candidate; null when the officer must choose. */
  applies: string | null;
  /** The period the rule of 第三十七条 points to first (the conduct's), for 'amended-after'. */
  suggested: string | null;
}

export function lawForConduct(periods: LawPeriod[], conduct: ConductDates, today: string): LawForConduct {
  const end = conduct.to ?? today;
  const overlaps = periods.filter(
    (p) =>
      (p.effectiveTo === null || p.effectiveTo >= conduct.from) && (p.effectiveFrom === null || p.effectiveFrom <= end),
  );
  const current = periods.find((p) => inForceOn(p, today)) ?? null;
  const conductPeriods = overlaps.map(periodKey);
  const currentPeriod = current ? periodKey(current) : null;
  if (overlaps.length === 0)
    return { situation: 'none', candidates: [], conductPeriods, currentPeriod, applies: null, suggested: null };
  const keys = new Set([...conductPeriods, ...(currentPeriod !== null ? [currentPeriod] : [])]);
  const candidates = periods.filter((p) => keys.has(periodKey(p)));
  if (candidates.length === 1)
    return {
      situation: 'single',
      candidates,
      conductPeriods,
      currentPeriod,
      applies: periodKey(candidates[0]!),
      suggested: null,
    };
  if (overlaps.length === 1)
    return {
      situation: 'amended-after',
      candidates,
      conductPeriods,
      currentPeriod,
      applies: null,
      suggested: conductPeriods[0]!,
    };
  return { situation: 'spans', candidates, conductPeriods, currentPeriod, applies: null, suggested: null };
}

/** The grounds an officer records for the version applied (行政处罚法 第三十七条). */
export const LAW_GROUNDS = ['conduct-time', 'lighter'] as const;
export type LawGround = (typeof LAW_GROUNDS)[number];
export const LAW_GROUND_LABELS: Record<LawGround, string> = {
  'conduct-time': '适用违法行为发生时的规定（行政处罚法第三十七条）',
  lighter: '新的规定处罚较轻或者不认为是违法，适用新的规定（行政处罚法第三十七条但书）',
};

/** Why a choice does not fit the conduct (a Chinese message), or null. */
export function choiceError(
  law: LawForConduct,
  choice: { period: string; ground: LawGround; note: string },
): string | null {
  if (law.candidates.length < 2) return '本案的违法行为时间只涉及一个法律版本，无须选择。';
  if (!law.candidates.some((p) => periodKey(p) === choice.period))
    return '所选法律版本不是本案违法行为时间所涉及的版本，请重新选择。';
  if (choice.ground === 'conduct-time' && !law.conductPeriods.includes(choice.period))
    return '「适用违法行为发生时的规定」只能选择违法行为发生期间施行的版本。';
  if (
    choice.ground === 'lighter' &&
    (choice.period !== law.currentPeriod || law.conductPeriods.includes(choice.period))
  )
    return '「新的规定处罚较轻」只能选择作出处罚决定时（现行）的版本，且该版本是在违法行为之后才施行的。';
  if (law.situation === 'spans' && choice.note.trim() === '')
    return '违法行为跨越法律修改前后：请在说明中写明选择该版本的理由（如违法行为的终了时间）。';
  return null;
}
