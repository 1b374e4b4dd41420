// Which version applies to a conduct (行政处罚法 第三十七条, shared/catalog/law-in-force.ts): the
// shipped catalog's 网络安全法 matters, whose versions change on 2026-01-01.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CatalogSchema } from '../../shared/catalog/catalog-schema.ts';
import {
  choiceError,
  dayBefore,
  lawForConduct,
  lawPeriods,
  periodLabel,
  provisionMap,
} from '../../shared/catalog/law-in-force.ts';
import { SHIPPED_CATALOG } from './catalog-service.ts';

const catalog = CatalogSchema.parse(JSON.parse(readFileSync(SHIPPED_CATALOG, 'utf8')));
const provisions = provisionMap(catalog);
const periods = (id: string) =>
  lawPeriods(
    catalog.matters.find((m) => m.id === id)!,
    provisions,
  );
const TODAY = '2026-11-20';
const law = (from: string, to: string | null, today = TODAY) => lawForConduct(periods('csl-59'), { from, to }, today);
const articles = (l: ReturnType<typeof law>) => l.candidates.map((p) => p.basis.map((b) => b.article).join('、'));

describe('the law for a conduct', () => {
  it('a conduct in 2026: the 网络安全法 as amended, nothing to choose', () => {
    const l = law('2026-06-01', '2026-11-20');
    expect(l).toMatchObject({ situation: 'single', applies: '2026-01-01', suggested: null });
    expect(articles(l)).toEqual(['第六十一条']);
  });

  it('a conduct in 2025 decided in 2026: the 2016 text first, the amended one beside it (lighter?)', () => {
    const l = law('2025-03-01', '2025-10-31');
    expect(l).toMatchObject({
      situation: 'amended-after',
      applies: null,
      suggested: '2017-06-01',
      conductPeriods: ['2017-06-01'],
      currentPeriod: '2026-01-01',
    });
    expect(articles(l)).toEqual(['第五十九条', '第六十一条']);
  });

  it('a conduct in 2025 decided in 2025: only the 2016 text', () => {
    expect(law('2025-03-01', '2025-03-01', '2025-06-01')).toMatchObject({ situation: 'single', applies: '2017-06-01' });
  });

  it('a conduct across the change (or continuing into 2026): both, and no suggestion', () => {
    expect(law('2025-11-15', '2026-02-28')).toMatchObject({ situation: 'spans', suggested: null, applies: null });
    expect(articles(law('2025-11-15', null))).toEqual(['第五十九条', '第六十一条']);
  });

  it('a conduct before the law was in force: none applies', () => {
    expect(law('2016-03-01', '2016-05-01')).toMatchObject({ situation: 'none', candidates: [] });
  });

  it('accepts only choices that fit the conduct', () => {
    const after = law('2025-03-01', '2025-10-31');
    expect(choiceError(after, { period: '2017-06-01', ground: 'conduct-time', note: '' })).toBeNull();
    expect(choiceError(after, { period: '2026-01-01', ground: 'lighter', note: '' })).toBeNull();
    expect(choiceError(after, { period: '2026-01-01', ground: 'conduct-time', note: '' })).toMatch(/违法行为发生期间/);
    expect(choiceError(after, { period: '2017-06-01', ground: 'lighter', note: '' })).toMatch(/现行/);
    expect(choiceError(after, { period: '2011-01-08', ground: 'conduct-time', note: '' })).toMatch(/不是本案/);
    const spans = law('2025-11-15', '2026-02-28');
    expect(choiceError(spans, { period: '2026-01-01', ground: 'conduct-time', note: '' })).toMatch(
      /写明选择该版本的理由/,
    );
    expect(
      choiceError(spans, { period: '2026-01-01', ground: 'conduct-time', note: '行为终了于2026年2月' }),
    ).toBeNull();
    expect(choiceError(spans, { period: '2026-01-01', ground: 'lighter', note: 'x' })).toMatch(/之后才施行/);
    expect(choiceError(law('2026-06-01', null), { period: '2026-01-01', ground: 'conduct-time', note: '' })).toMatch(
      /无须选择/,
    );
  });

  it('labels periods and counts days across month and year ends', () => {
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(periodLabel({ effectiveFrom: '2017-06-01', effectiveTo: '2025-12-31' })).toBe(
      '2017年6月1日至2025年12月31日',
    );
    expect(periodLabel({ effectiveFrom: '2026-01-01', effectiveTo: null })).toBe('2026年1月1日起施行');
  });

  it('resolves two quoted articles that became one once (2016 第六十四条、第六十六条 → 第七十一条)', () => {
    const p = periods('content-law-violations').at(-1)!;
    expect(p.basis.filter((b) => b.article === '第七十一条' && b.law === '《中华人民共和国网络安全法》')).toHaveLength(
      1,
    );
    // Articles whose amended text could not be obtained are listed with their status, text null.
    expect(p.basis.find((b) => b.article === '第六十六条')).toMatchObject({ text: null, textStatus: 'unavailable' });
    expect(p.unverified).toBe(true);
  });
});
