import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Matter } from '../../shared/catalog/catalog-schema.ts';
import {
  basisShort,
  chineseNumeral,
  formatYuan,
  loadCatalog,
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
    const r = catalog.search({ query: '第六十一条' });
    expect(ids(r)).toContain('csl-61');
    expect(ids(r).indexOf('csl-61')).toBeLessThan(ids(r).indexOf('content-law-violations'));
    expect(ids(catalog.search({ query: '第61条' }))).toEqual(ids(r));
    expect(ids(catalog.search({ query: '互联网新闻信息服务管理规定》第二十二条' }))).toContain('news-22');
    expect(ids(catalog.search({ query: '网络安全法 第五十九条' }))).toContain('csl-59');
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

  it('gets a matter by id', () => {
    expect(catalog.get('csl-59')!.legalBasis[0]).toMatchObject({
      law: '《中华人民共和国网络安全法》',
      article: '第五十九条',
    });
    expect(catalog.get('nope')).toBeUndefined();
  });

  it('summarises basis and penalty', () => {
    expect(catalog.summary(catalog.get('csl-59')!)).toEqual({
      id: 'csl-59',
      name: '对不履行法定网络安全保护义务的处罚',
      type: '行政处罚',
      aliases: [],
      basisShort: '《中华人民共和国网络安全法》第五十九条',
      penaltyShort: '警告；罚款1万–10万元；对责任人员罚款5000–5万元',
    });
    expect(catalog.summary(catalog.get('csl-64')!).penaltyShort).toBe(
      '警告；没收违法所得；罚款违法所得1–10倍；对责任人员罚款1万–10万元',
    );
    expect(catalog.summary(catalog.get('news-24')!).penaltyShort).toBe('警告；罚款5000–3万元');
    expect(catalog.summary(catalog.get('inspect-news')!).penaltyShort).toBe('—');
    expect(catalog.summary(catalog.get('inspect-news')!).basisShort).toBe(
      '《互联网新闻信息服务管理规定》第四条、第十九条、《中华人民共和国网络安全法》第八条',
    );
  });

  it('shortens long bases and penalties without fines', () => {
    const m: Matter = {
      id: 'x-1',
      name: '对某事的处罚',
      aliases: [],
      type: '行政处罚',
      legalBasis: ['第一条', '第二条', '第三条', '第四条', '第五条'].map((article) => ({
        law: '《某法》',
        article,
        text: '条文。',
      })),
      penalty: {
        warning: false,
        orderCorrection: true,
        confiscateIllegalIncome: false,
        otherMeasures: ['停业整顿', '吊销经营许可证', '关闭网站'],
        text: '…',
      },
      responsibilities: [],
      accountability: [],
      sources: [{ office: '某办', seedFile: 'x.txt', originalName: '对某事的处罚' }],
    };
    expect(basisShort(m)).toBe('《某法》第一条、第二条、第三条、第四条等');
    expect(penaltyShort(m)).toBe('停业整顿、吊销经营许可证');
    expect(penaltyShort({ ...m, penalty: { ...m.penalty!, otherMeasures: [] } })).toBe('责令改正');
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

  it('refuses a file that is not a valid catalog', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    const file = join(dir, 'catalog.json');
    writeFileSync(file, JSON.stringify({ version: '1', regulation: 'x', matters: [] }));
    expect(() => loadCatalog(file)).toThrow();
  });
});
