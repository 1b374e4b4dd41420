import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogSchema } from '../../shared/catalog/catalog-schema.ts';
import { buildCatalog, CATALOG_FILE, DEFAULT_SEEDS, serialise } from './build-catalog.ts';
import { SEEDS } from './matter-map.ts';

const catalog = CatalogSchema.parse(JSON.parse(readFileSync(CATALOG_FILE, 'utf8')));
const haveSeeds = existsSync(DEFAULT_SEEDS);

describe('the shipped catalog', () => {
  it('every matter has a legal basis with article text, and penalties have a penalty clause', () => {
    for (const m of catalog.matters) {
      expect(m.legalBasis.length, m.id).toBeGreaterThan(0);
      for (const b of m.legalBasis) {
        expect(b.law, m.id).toMatch(/^《.+》$/);
        expect(b.article, m.id).toMatch(/^第[零一二三四五六七八九十百]+条/);
        expect(b.text.length, `${m.id} ${b.article}`).toBeGreaterThan(10);
      }
      if (m.type === '行政处罚') expect(m.penalty, m.id).not.toBeNull();
      else expect(m.penalty, m.id).toBeNull();
      expect(m.responsibilities.length, m.id).toBeGreaterThan(0);
      expect(m.accountability.length, m.id).toBeGreaterThan(0);
    }
  });

  it('no two matters share a name or an alias', () => {
    const names = catalog.matters.flatMap((m) => [m.name, ...m.aliases]);
    expect(new Set(names).size).toBe(names.length);
    const ids = catalog.matters.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reads the fines of known articles correctly (网络安全法 第五十九条, 第六十一条; 新闻规定 第二十二条)', () => {
    const get = (id: string) => catalog.matters.find((m) => m.id === id)!;
    expect(get('csl-59').penalty).toMatchObject({ warning: true, fineOperator: { minYuan: 10_000, maxYuan: 100_000 }, fineResponsible: { minYuan: 5000, maxYuan: 50_000 } });
    expect(get('csl-61').penalty).toMatchObject({ warning: false, fineOperator: { minYuan: 50_000, maxYuan: 500_000 } });
    expect(get('csl-61').penalty!.otherMeasures).toEqual(expect.arrayContaining(['暂停相关业务', '停业整顿', '关闭网站', '吊销营业执照']));
    expect(get('news-22').penalty).toMatchObject({ fineOperator: { minYuan: 10_000, maxYuan: 30_000 } });
  });
});

describe.skipIf(!haveSeeds)('generated from the seeds (needs ../shared/seeds beside the checkout)', () => {
  it('the committed catalog.json is exactly what the seeds give (reproducible, deterministic)', () => {
    expect(serialise(buildCatalog(DEFAULT_SEEDS))).toBe(readFileSync(CATALOG_FILE, 'utf8'));
  });

  it("every matter of every office's list is in the catalog, under its name or as an alias", () => {
    // An independent scan of the raw text, not the parser: every cell that names a penalty or an inspection.
    const names = catalog.matters.flatMap((m) => [m.name, ...m.aliases]);
    for (const seed of SEEDS) {
      const raw = readFileSync(join(DEFAULT_SEEDS, seed.file), 'utf8').replace(/<[^>]+>/g, '');
      const found = [...raw.matchAll(/(?:^|\t)(对[^\t\n。；：]{3,200}?(?:处罚|处理|监督检查|抽查检测))(?=\t|\n|$)/gm)].map((m) => m[1]!.trim());
      expect(found.length, seed.file).toBeGreaterThan(0);
      for (const n of found) expect(names, `${seed.file}: ${n}`).toContain(n);
    }
  });

  it('sources record each office that lists a matter', () => {
    const offices = new Set(catalog.matters.flatMap((m) => m.sources.map((s) => s.office)));
    expect([...offices].sort()).toEqual(SEEDS.map((s) => s.office).sort());
    expect(catalog.matters.find((m) => m.id === 'csl-69')!.sources.map((s) => s.originalName)).toContain('对拒不配合执法工作的行政处罚');
  });
});
