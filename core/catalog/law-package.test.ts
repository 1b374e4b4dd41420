// The law package rules HQ and the device share: the documented example update merges into the
// shipped catalog; every way a package may not follow another is refused with its reason.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalog, type Catalog } from '../../shared/catalog/catalog-schema.ts';
import {
  applyLawUpdate,
  checkLawPackage,
  compareLawVersions,
  lawStatus,
  successionProblem,
} from '../../shared/catalog/law-package.ts';
import { lawPeriods, provisionMap } from '../../shared/catalog/law-in-force.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const shipped = (): Catalog => {
  const r = parseCatalog(JSON.parse(readFileSync(join(ROOT, 'assets', 'catalog', 'catalog.json'), 'utf8')));
  if (!r.ok) throw new Error(r.reason);
  return r.catalog;
};
const example = () =>
  JSON.parse(readFileSync(join(ROOT, 'docs', 'examples', 'law-update.example.json'), 'utf8')) as Record<
    string,
    unknown
  >;
const next = (c: Catalog, version = '2099.1.1'): Catalog => structuredClone({ ...c, version });

describe('law package', () => {
  it('orders versions numerically per part', () => {
    expect(compareLawVersions('2026.12.2', '2026.9.1')).toBe(1);
    expect(compareLawVersions('2027.1.1', '2026.12.10')).toBe(1);
    expect(compareLawVersions('2026.12.1', '2026.12.1')).toBe(0);
    expect(compareLawVersions('2026.12.1', '2026.12.2')).toBe(-1);
  });

  it('the shipped catalog satisfies the rules itself (consecutive versions, a penalty per change)', () => {
    const c = shipped();
    expect(c.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(successionProblem(c, next(c))).toBeNull();
  });

  it('the documented example update (docs/examples) merges into the shipped catalog: the new version from its date, the new fines', () => {
    const c = shipped();
    const r = applyLawUpdate(c, { ...example(), basedOn: c.version });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.catalog).toMatchObject({ version: '2027.3.1', date: '2027-02-20' });
    expect(r.catalog.matters.map((m) => m.id)).toEqual(c.matters.map((m) => m.id));
    const periods = lawPeriods(
      r.catalog.matters.find((m) => m.id === 'news-22')!,
      provisionMap(r.catalog),
    );
    expect(periods.map((p) => [p.effectiveFrom, p.effectiveTo, p.penaltyShort])).toEqual([
      ['2017-06-01', '2027-02-28', expect.stringContaining('1万–3万元')],
      ['2027-03-01', null, expect.stringContaining('2万–5万元')],
    ]);
    expect(periods[1]!.basis[0]!.text).toContain('示例文本');
  });

  it.each<[string, (c: Catalog) => unknown, RegExp]>([
    ['a downgrade', (c) => next(c, '2020.1.1'), /早于现有的.*不接受降级/],
    ['the same version again', (c) => next(c, c.version), /已是现有版本/],
    ['a removed matter', (c) => ({ ...next(c), matters: c.matters.slice(1) }), /缺少现有事项 csl-59.*事项不能删除/],
    [
      'a renamed matter',
      (c) => {
        const n = next(c);
        n.matters[0]!.name = '改名';
        return n;
      },
      /名称由.*改为「改名」.*已封存文书/,
    ],
    [
      'a removed provision',
      (c) => {
        const n = next(c);
        n.provisions = n.provisions.filter((p) => p.id !== '《中华人民共和国网络安全法》第八条');
        n.matters = n.matters.map((m) => ({
          ...m,
          legalBasis: m.legalBasis.filter((b) => b.provision !== '《中华人民共和国网络安全法》第八条'),
        }));
        return n;
      },
      /缺少现有法条.*第八条/,
    ],
    [
      'versions that do not meet',
      (c) => {
        const n = next(c);
        n.provisions[0]!.versions[0]!.effectiveTo = '2025-12-30';
        return n;
      },
      /不衔接/,
    ],
    [
      'a new version of a penalty article without a penalty from its date',
      (c) => {
        const r = applyLawUpdate(c, { ...example(), basedOn: c.version });
        if (!r.ok) throw new Error(r.reason);
        const n = next(r.catalog, '2099.1.1');
        const m = n.matters.find((x) => x.id === 'news-22')!;
        m.penalties = [{ ...m.penalties[0]!, effectiveTo: null }];
        return n;
      },
      /news-22.*2027-03-01.*没有自该日起的处罚/,
    ],
    ['an old-format catalog', (c) => ({ ...next(c), format: undefined }), /旧格式/],
    ['a version that is not 年.月.序号', (c) => next(c, 'v2'), /法规库版本应为/],
  ])('refuses %s, saying why', (_what, make, reason) => {
    const r = checkLawPackage(shipped(), make(shipped()));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(reason);
  });

  it('refuses an update file prepared against another version, or not in the update format', () => {
    const c = shipped();
    const stale = applyLawUpdate(c, { ...example(), basedOn: '2026.1.1' });
    expect(!stale.ok && stale.reason).toMatch(/基于法规库 2026\.1\.1 编写.*总部现行的是/);
    const bad = applyLawUpdate(c, { ...example(), basedOn: c.version, summary: '', extra: 1 });
    expect(!bad.ok && bad.reason).toMatch(/法规更新文件不符合格式/);
  });

  it('warns only when HQ announced a newer package, saying what to do', () => {
    const held = { version: '2026.12.2', date: '2026-12-01', origin: 'shipped' as const, appliedAt: null };
    expect(lawStatus(held, null).warning).toBeNull();
    expect(lawStatus(held, { version: '2026.12.2', date: '2026-12-01', seenAt: 'x' }).warning).toBeNull();
    expect(lawStatus(held, { version: '2026.11.1', date: null, seenAt: 'x' }).warning).toBeNull();
    expect(lawStatus(held, { version: '2027.3.1', date: '2027-02-20', seenAt: 'x' }).warning).toMatch(
      /总部已发布新的法规库 2027\.3\.1（2027-02-20），本机仍为 2026\.12\.2（2026-12-01）.*立即同步/,
    );
  });
});
