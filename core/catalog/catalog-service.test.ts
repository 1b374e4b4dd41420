import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  basisShort,
  chineseNumeral,
  formatYuan,
  loadCatalog,
  parseCatalog,
  penaltyShort,
  SHIPPED_CATALOG,
} from './catalog-service.ts';

const catalog = loadCatalog();
const ids = (r: { id: string }[]) => r.map((m) => m.id);

describe('catalog service', () => {
  it('reports the version of the catalog file it loaded', () => {
    expect(catalog.version).toBe((JSON.parse(readFileSync(SHIPPED_CATALOG, 'utf8')) as { version: string }).version);
  });

  it('searches names by fragment, name matches ranked first', () => {
    const r = catalog.search({ query: '网络安全保护义务' });
    expect(r[0]!.id).toBe('csl-59');
    expect(r[0]!.name).toBe('对不履行法定网络安全保护义务的处罚');
  });

  it('finds a matter by another office’s name for it (alias)', () => {
    expect(catalog.search({ query: '对未提供实名制身份的处罚' })[0]!.id).toBe('csl-61');
    expect(catalog.search({ query: '拒不配合执法工作' })[0]!.id).toBe('csl-69');
    expect(catalog.search({ query: '对互联网信息服务实施监督检查' })[0]!.id).toBe('inspect-news');
  });

  it('finds matters by law and article, also written with Arabic numerals or without 《》', () => {
    const r = catalog.search({ query: '第六十一条', today: '2025-06-01' });
    expect(ids(r)).toContain('csl-61');
    expect(ids(r).indexOf('csl-61')).toBeLessThan(ids(r).indexOf('content-law-violations'));
    expect(ids(catalog.search({ query: '第61条', today: '2025-06-01' }))).toEqual(ids(r));
    expect(ids(catalog.search({ query: '互联网新闻信息服务管理规定》第二十二条' }))).toContain('news-22');
    expect(ids(catalog.search({ query: '网络安全法 第五十九条' }))).toContain('csl-59');
  });

  it('ranks the article numbers of the law in force first: 第六十一条 is csl-59 today, csl-61 before 2026', () => {
    expect(ids(catalog.search({ query: '第六十一条', today: '2026-11-20' }))[0]).toBe('csl-59');
    expect(ids(catalog.search({ query: '第六十一条', today: '2025-06-01' }))[0]).toBe('csl-61');
    // …and for a conduct in 2025, decided in 2026: both numbers are shown, so both rank as shown.
    const spans = catalog.search({
      query: '第六十一条',
      today: '2026-11-20',
      conduct: { from: '2025-03-01', to: '2025-06-01' },
    });
    expect(ids(spans).slice(0, 2).sort()).toEqual(['csl-59', 'csl-61']);
  });

  it('finds matters by the words of their articles, after name matches', () => {
    const r = catalog.search({ query: '设置恶意程序' });
    expect(r[0]!.id).toBe('csl-60'); // by name
    expect(ids(catalog.search({ query: '真实身份信息' }))).toContain('csl-61'); // by article text only
  });

  it('is case-insensitive', () => {
    expect(ids(catalog.search({ query: 'CSL-59' }))).toEqual(['csl-59']);
  });

  it('filters by type; an empty query lists all, in catalog order', () => {
    const inspections = catalog.search({ type: '行政检查' });
    expect(ids(inspections).sort()).toEqual(['inspect-cii-risk', 'inspect-news']);
    const all = catalog.search({});
    expect(ids(all)).toEqual(ids(catalog.search({ query: '  ' })));
    expect(all.length).toBeGreaterThanOrEqual(17);
    expect(ids(all)[0]).toBe('csl-59');
    expect(catalog.search({ query: '检查', type: '行政处罚' }).every((m) => m.type === '行政处罚')).toBe(true);
    expect(catalog.search({ query: '并不存在的事项xyz' })).toEqual([]);
    expect(catalog.search({ limit: 3 }).length).toBe(3);
  });

  it('gets a matter by id, with its law over every period', () => {
    expect(catalog.get('csl-59')!.legalBasis).toEqual([
      { provision: '《中华人民共和国网络安全法》第五十九条', penaltyArticle: true },
    ]);
    const view = catalog.view('csl-59')!;
    expect(view.periods.map((p) => [p.effectiveFrom, p.effectiveTo, p.basisShort])).toEqual([
      ['2017-06-01', '2025-12-31', '《中华人民共和国网络安全法》第五十九条'],
      ['2026-01-01', null, '《中华人民共和国网络安全法》第六十一条'],
    ]);
    expect(view.periods[1]!.basis[0]).toMatchObject({
      madeBy: expect.stringContaining('关于修改《中华人民共和国网络安全法》的决定'),
      textStatus: 'single-source',
      penaltyArticle: true,
    });
    expect(catalog.get('nope')).toBeUndefined();
    expect(catalog.view('nope')).toBeUndefined();
  });

  it('summarises basis and penalty as in force at the date asked about', () => {
    const csl59 = catalog.get('csl-59')!;
    expect(catalog.summary(csl59, { today: '2025-06-01' })).toEqual({
      id: 'csl-59',
      name: '对不履行法定网络安全保护义务的处罚',
      type: '行政处罚',
      aliases: [],
      basisShort: '《中华人民共和国网络安全法》第五十九条',
      penaltyShort: '警告；罚款1万–10万元；对责任人员罚款5000–5万元',
      periods: [
        {
          effectiveFrom: '2017-06-01',
          effectiveTo: '2025-12-31',
          basisShort: '《中华人民共和国网络安全法》第五十九条',
          penaltyShort: '警告；罚款1万–10万元；对责任人员罚款5000–5万元',
          unverified: true,
        },
      ],
    });
    const now = catalog.summary(csl59, { today: '2026-11-20' });
    expect(now.basisShort).toBe('《中华人民共和国网络安全法》第六十一条');
    expect(now.penaltyShort).toBe('警告；罚款1万–5万元（拒不改正等情形5万–50万元）；对责任人员罚款1万–10万元');
    // Conduct in 2025, decided in 2026: both versions, the conduct's first (第三十七条).
    const both = catalog.summary(csl59, { today: '2026-11-20', conduct: { from: '2025-05-01', to: '2025-05-01' } });
    expect(both.basisShort).toBe('《中华人民共和国网络安全法》第五十九条');
    expect(both.periods.map((p) => p.basisShort)).toEqual([
      '《中华人民共和国网络安全法》第五十九条',
      '《中华人民共和国网络安全法》第六十一条',
    ]);
    expect(catalog.summary(catalog.get('csl-64')!, { today: '2025-06-01' }).penaltyShort).toBe(
      '警告；没收违法所得；罚款违法所得1–10倍；对责任人员罚款1万–10万元；通报发证机关、通报企业登记机关（市场监督管理部门）',
    );
    expect(catalog.summary(catalog.get('csl-64')!, { today: '2026-06-01' }).penaltyShort).toBe(
      '依照有关法律、行政法规处理、处罚',
    );
    expect(catalog.summary(catalog.get('news-24')!, { today: '2026-06-01' }).penaltyShort).toBe('警告；罚款5000–3万元');
    expect(catalog.summary(catalog.get('inspect-news')!, { today: '2026-06-01' }).penaltyShort).toBe('—');
    expect(catalog.summary(catalog.get('inspect-news')!, { today: '2026-06-01' }).basisShort).toBe(
      '《互联网新闻信息服务管理规定》第四条、第十九条、《中华人民共和国网络安全法》第九条',
    );
  });

  it('shortens long bases and penalties without fines', () => {
    const basis = ['第一条', '第二条', '第三条', '第四条', '第五条'].map((article) => ({ law: '《某法》', article }));
    expect(basisShort(basis)).toBe('《某法》第一条、第二条、第三条、第四条等');
    const own = (name: string) => ({ name, authority: '网信部门', route: null, article: '《某法》第五条', note: '' });
    const p = {
      authority: '网信部门',
      warning: false,
      orderCorrection: true,
      confiscateIllegalIncome: false,
      fines: [],
      measures: [own('停业整顿'), own('吊销经营许可证'), own('关闭网站')],
      note: '',
      text: '…',
    };
    expect(penaltyShort(p)).toBe('停业整顿、吊销经营许可证');
    expect(penaltyShort({ ...p, measures: [] })).toBe('责令改正');
    expect(penaltyShort(null)).toBe('—');
  });

  it('formats yuan in 万 where round, and article numbers in Chinese', () => {
    expect([5000, 10_000, 30_000, 1_000_000, 15_000].map(formatYuan)).toEqual(['5000', '1万', '3万', '100万', '15000']);
    expect([1, 10, 16, 20, 61, 100, 105, 110].map(chineseNumeral)).toEqual([
      '一',
      '十',
      '十六',
      '二十',
      '六十一',
      '一百',
      '一百零五',
      '一百一十',
    ]);
  });

  it('refuses a file that is not a valid catalog, and a catalog of the old format with a reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    const file = join(dir, 'catalog.json');
    writeFileSync(file, JSON.stringify({ format: 2, version: '1', regulation: 'x', provisions: [], matters: [] }));
    expect(() => loadCatalog(file)).toThrow(/内容不符合格式/);
    // Format 1 (before 2026.12): one undated text per article — it would cite the law without knowing when.
    const old = {
      version: '2026.11.2',
      regulation: 'x',
      matters: [
        { id: 'csl-59', legalBasis: [{ law: '《中华人民共和国网络安全法》', article: '第五十九条', text: '…' }] },
      ],
    };
    expect(parseCatalog(old)).toEqual({
      ok: false,
      reason: expect.stringMatching(/旧格式.*没有法条的施行日期和版本.*设备不会采用/),
    });
    expect(parseCatalog({ ...old, format: 3 })).toEqual({
      ok: false,
      reason: expect.stringMatching(/格式（3）不是本程序能读取的格式（2）/),
    });
    expect(parseCatalog(JSON.parse(readFileSync(SHIPPED_CATALOG, 'utf8')))).toMatchObject({ ok: true });
  });
});
