// A law package (法规库): the catalog's provisions and matters as one dated, versioned whole — the
// one shipped with the app, or a newer one HQ publishes and signs (docs/LAW.md, «Updates from HQ»).
// HQ's legal officer prepares an update file (LawUpdate: the provisions and matters that are new or
// changed, with the new version and its date); HQ merges it into its current package and publishes
// the result whole, so a device that missed a package needs only the latest one.
//
// Whether a package may follow another (`successionProblem`) is decided here once, for HQ before
// it publishes and for the device before it applies: newer version only (no downgrade, no
// republished version), every matter id and provision id kept (cases store them), a matter's name
// unchanged (documents print it: a renamed matter would change what sealed documents print), and
// each provision's versions oldest first and consecutive. Pure functions: no Node, no database.
import { z } from 'zod';
import {
  CatalogSchema,
  IsoDateSchema,
  MatterSchema,
  parseCatalog,
  ProvisionSchema,
  type Catalog,
} from './catalog-schema.ts';
import { dayBefore } from './law-in-force.ts';

/** What an HQ legal officer prepares (docs/LAW.md; example: assets/catalog/law-update.example.json). */
export const LAW_UPDATE_FORMAT = 'wangxin-law-update/1';

const VersionSchema = z
  .string()
  .regex(/^\d{4}\.\d{1,2}\.\d{1,3}$/, { message: '法规库版本应为 年.月.序号，例如 2027.3.1。' });

export const LawUpdateSchema = z.strictObject({
  format: z.literal(LAW_UPDATE_FORMAT, { message: `format 应为 ${LAW_UPDATE_FORMAT}。` }),
  /** The new 法规库版本 (newer than the one it is based on). */
  version: VersionSchema,
  /** The new 法规库日期: the law as known on this day. */
  date: IsoDateSchema,
  /** The version it was prepared against: HQ refuses it when its current package is another one. */
  basedOn: VersionSchema,
  /** What changed, for the officers (shown on the device and in HQ's event log). */
  summary: z.string().min(1, { message: '请写明本次更新的内容（summary）。' }).max(2000),
  /** New provisions, and changed ones given whole (all their versions, oldest first). */
  provisions: z.array(ProvisionSchema),
  /** New matters, and changed ones given whole. */
  matters: z.array(MatterSchema),
});
export type LawUpdate = z.infer<typeof LawUpdateSchema>;

/** Compares two 法规库版本 (2026.12.1 < 2026.12.2 < 2027.1.1); numeric per part. */
export function compareLawVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** 法规库 2026.12.2（2026-12-01） */
export function lawPackageLabel(c: Pick<Catalog, 'version' | 'date'>): string {
  return `法规库 ${c.version}${c.date ? `（${c.date}）` : ''}`;
}

function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '整体'}：${i.message}`)
    .join('；');
}

/**
 * Each provision's versions oldest first and consecutive, and each penalty matter's penalty given
 * anew wherever one of its penalty articles changes (else the device would show the old fines
 * beside the new text); or what is wrong (in Chinese).
 */
function versionProblems(c: Catalog): string | null {
  const byId = new Map(c.provisions.map((p) => [p.id, p]));
  for (const m of c.matters) {
    if (m.penalties.length === 0) continue;
    const starts = new Set(m.penalties.map((x) => x.effectiveFrom));
    for (const b of m.legalBasis.filter((x) => x.penaltyArticle))
      for (const v of byId.get(b.provision)?.versions.slice(1) ?? [])
        if (!starts.has(v.effectiveFrom))
          return `事项 ${m.id} 的处罚依据 ${b.provision} 自 ${v.effectiveFrom} 起有新版本，但该事项没有自该日起的处罚（penalties）：请按新条文写明该时段的处罚。`;
  }
  for (const p of c.provisions) {
    for (let i = 1; i < p.versions.length; i++) {
      const prev = p.versions[i - 1]!;
      const next = p.versions[i]!;
      if (!next.effectiveFrom || prev.effectiveTo !== dayBefore(next.effectiveFrom))
        return `${p.id} 的第${i + 1}个版本与前一版本不衔接（前一版本应截至新版本施行日的前一天：${next.effectiveFrom ? dayBefore(next.effectiveFrom) : '新版本须有施行日期'}，实为 ${prev.effectiveTo ?? '未写截止日期'}）`;
    }
  }
  return null;
}

/**
 * Why `next` may not replace `held` (in Chinese), or null when it may. The same rule on HQ (before
 * publishing) and on the device (before applying).
 */
export function successionProblem(held: Catalog, next: Catalog): string | null {
  const cmp = compareLawVersions(next.version, held.version);
  if (cmp < 0) return `法规库版本 ${next.version} 早于现有的 ${held.version}：不接受降级。`;
  if (cmp === 0) return `法规库版本 ${next.version} 已是现有版本：新的法规库须使用更高的版本号。`;
  if (next.date && held.date && next.date < held.date)
    return `法规库日期 ${next.date} 早于现有版本的日期 ${held.date}。`;
  const nextMatters = new Map(next.matters.map((m) => [m.id, m]));
  for (const m of held.matters) {
    const n = nextMatters.get(m.id);
    if (!n) return `缺少现有事项 ${m.id}（${m.name}）：案件保存事项编号，事项不能删除。`;
    if (n.name !== m.name)
      return `事项 ${m.id} 的名称由「${m.name}」改为「${n.name}」：文书打印事项名称，改名会改变已封存文书的内容；请保留原名称，另设新事项编号。`;
  }
  const nextProvisions = new Set(next.provisions.map((p) => p.id));
  for (const p of held.provisions)
    if (!nextProvisions.has(p.id)) return `缺少现有法条 ${p.id}：法条只能增加版本，不能删除。`;
  return versionProblems(next);
}

/** A whole package from data (a catalog, format 2) checked against the one held; or why not. */
export function checkLawPackage(
  held: Catalog,
  data: unknown,
): { ok: true; catalog: Catalog } | { ok: false; reason: string } {
  const parsed = parseCatalog(data);
  if (!parsed.ok) return parsed;
  const problem = successionProblem(held, parsed.catalog);
  return problem ? { ok: false, reason: problem } : parsed;
}

/** HQ: the update merged into the current package (by id: given whole, replacing or added), checked. */
export function applyLawUpdate(
  current: Catalog,
  data: unknown,
): { ok: true; catalog: Catalog; update: LawUpdate } | { ok: false; reason: string } {
  const u = LawUpdateSchema.safeParse(data);
  if (!u.success) return { ok: false, reason: `法规更新文件不符合格式（${issuesText(u.error)}）。` };
  const update = u.data;
  if (update.basedOn !== current.version)
    return {
      ok: false,
      reason: `法规更新文件是基于法规库 ${update.basedOn} 编写的，而总部现行的是 ${current.version}：请基于现行版本重新编写（先查看现行版本有哪些变化）。`,
    };
  const replace = <T extends { id: string }>(held: T[], changed: T[]): T[] => {
    const byId = new Map(changed.map((x) => [x.id, x]));
    return [...held.map((x) => byId.get(x.id) ?? x), ...changed.filter((x) => !held.some((h) => h.id === x.id))];
  };
  const merged = CatalogSchema.safeParse({
    ...current,
    version: update.version,
    date: update.date,
    summary: update.summary,
    provisions: replace(current.provisions, update.provisions),
    matters: replace(current.matters, update.matters),
  });
  if (!merged.success) return { ok: false, reason: `合并后的法规库不符合格式（${issuesText(merged.error)}）。` };
  const problem = successionProblem(current, merged.data);
  return problem ? { ok: false, reason: problem } : { ok: true, catalog: merged.data, update };
}

/** The 法规库 in use and what HQ announced: the version display and the 工作台's warning. */
export const LawStatusSchema = z.object({
  version: z.string(),
  date: z.string().nullable(),
  /** shipped: the one in the app; hq: a package HQ published, applied at `appliedAt`. */
  origin: z.enum(['shipped', 'hq']),
  appliedAt: z.string().nullable(),
  /** HQ's current package as announced at the last contact; null: none announced (or never in contact). */
  hq: z.object({ version: z.string(), date: z.string().nullable(), seenAt: z.string() }).nullable(),
  /** Set when HQ's package is newer than ours: what it means and what to do. */
  warning: z.string().nullable(),
});
export type LawStatus = z.infer<typeof LawStatusSchema>;

export function lawStatus(
  held: { version: string; date: string | null; origin: 'shipped' | 'hq'; appliedAt: string | null },
  announced: LawStatus['hq'],
): LawStatus {
  const newer = announced !== null && compareLawVersions(announced.version, held.version) > 0;
  return {
    ...held,
    hq: announced,
    warning: newer
      ? `总部已发布新的法规库 ${announced.version}${announced.date ? `（${announced.date}）` : ''}，本机仍为 ${held.version}${held.date ? `（${held.date}）` : ''}：本机的法条版本可能已过时，适用法律前请先更新。请连接总部，在「同步」页点击「立即同步」取得新版本。`
      : null,
  };
}
