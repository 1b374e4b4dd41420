import { describe, expect, it } from 'vitest';
import { formatYuan, loadCatalog } from './catalog-service.ts';

const catalog = loadCatalog();

describe('catalog service', () => {
  it('searches names by fragment, ranking name matches first', () => {
    const r = catalog.search({ query: '网络安全保护义务' });
    expect(r[0]!.id).toBe('csl-59');
  });

  it('finds a matter by an alias', () => {
    expect(catalog.search({ query: '对未提供实名制身份的处罚' }).map((m) => m.id)).toContain('csl-61');
    expect(catalog.search({ query: '拒不配合执法工作' })[0]!.id).toBe('csl-69');
  });

  it('finds matters by law and article', () => {
    const ids = catalog.search({ query: '第六十一条' }).map((m) => m.id);
    expect(ids).toContain('csl-61');
    expect(catalog.search({ query: '互联网新闻信息服务管理规定》第二十二条' }).map((m) => m.id)).toContain('news-22');
  });

  it('filters by type; an empty query lists all in catalog order', () => {
    const inspections = catalog.search({ type: '行政检查' });
    expect(inspections.map((m) => m.id).sort()).toEqual(['inspect-cii-risk', 'inspect-news']);
    expect(catalog.search({}).length).toBe(17);
    expect(catalog.search({ query: '并不存在的事项xyz' })).toEqual([]);
  });

  it('gets by id and summarises basis and penalty', () => {
    const m = catalog.get('csl-59')!;
    expect(catalog.summary(m)).toMatchObject({
      basisShort: '《中华人民共和国网络安全法》第五十九条',
      penaltyShort: '警告；罚款1万–10万元；对责任人员罚款5000–5万元',
    });
    expect(catalog.summary(catalog.get('inspect-news')!).penaltyShort).toBe('—');
    expect(catalog.get('nope')).toBeUndefined();
  });

  it('formats yuan in 万 where round', () => {
    expect([formatYuan(5000), formatYuan(10_000), formatYuan(1_000_000), formatYuan(15_000)]).toEqual(['5000', '1万', '100万', '15000']);
  });
});
