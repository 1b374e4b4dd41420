import { describe, expect, it } from 'vitest';
import { groupRows, nameKey, preferredName } from './merge-matters.ts';
import { OverrideUse, type Overrides } from './overrides.ts';
import { parseRow, typeFromName } from './parse-row.ts';
import type { RawMatter } from './raw-matter.ts';

const none: Overrides = { offices: [], merges: [], matters: [], articleTexts: [] };
const raw = (seedFile: string, name: string, basis: string, type = '行政处罚'): RawMatter => ({
  seedFile,
  office: seedFile,
  row: 1,
  name,
  type,
  basis,
  responsibilities: '1.立案责任。',
  accountability: '1.追责。',
});
const art61 =
  '《中华人民共和国网络安全法》第六十一条 网络运营者违反本法第二十四条第一款规定……处五万元以上五十万元以下罚款。';
const art22 = '《互联网新闻信息服务管理规定》第二十二条 违反本规定第五条规定……处一万元以上三万元以下罚款。';

describe('merging the lists', () => {
  it('sets aside the wording offices vary', () => {
    expect(nameKey('对未经许可或者超越许可范围开展互联网新闻信息服务的处罚')).toBe(
      nameKey('对未经许可或超越许可范围开展互联网新闻信息服务的行政处罚'),
    );
    expect(nameKey('对在境外存储网络数据，或者向境外提供网络数据的处罚')).toBe(
      nameKey('对在境外存储网络数据，或者向境外提供网络数据的的处罚'),
    );
    expect(nameKey('对未履行法定义务的处罚')).toBe(nameKey('对未履行法定义务的处理'));
  });

  it('merges rows by name or by the same penalty article, and keeps others apart', () => {
    const rows = [
      raw('a', '对未提供实名制身份的处罚', art61),
      raw('b', '对未提供实名制身份信息的处罚', art61),
      raw('a', '对未经许可或者超越许可范围开展互联网新闻信息服务的处罚', art22),
      raw('b', '对未经许可或超越许可范围开展互联网新闻信息服务的行政处罚', art22),
      raw(
        'b',
        '对互联网新闻信息服务活动实施监督检查',
        '《互联网新闻信息服务管理规定》第四条 地方互联网信息办公室负责监督管理执法工作。',
        '行政检查',
      ),
    ].map((r) => parseRow(r).row);
    expect(groupRows(rows, none, new OverrideUse())).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('merges what overrides.json says, and reports what no longer applies', () => {
    const rows = [raw('a', '对甲的处罚', art61.replace('第六十一条', '第五十九条')), raw('b', '对乙的处罚', art22)].map(
      (r) => parseRow(r).row,
    );
    const use = new OverrideUse();
    const o: Overrides = {
      ...none,
      merges: [{ names: ['对甲的处罚', '对乙的处罚'], why: 'test merge' }],
      matters: [{ match: '对丙的处罚', id: 'x', why: 'stale entry' }],
    };
    expect(groupRows(rows, o, use)).toEqual([[0, 1]]);
    expect(use.unused(o)).toEqual(['matters[0]: 对丙的处罚']);
    expect(() =>
      groupRows(
        rows,
        { ...none, merges: [{ names: ['对甲的处罚', '对丁的处罚'], why: 'unknown name' }] },
        new OverrideUse(),
      ),
    ).toThrow(/对丁的处罚/);
  });

  it('prefers the most used name, then the plain 的处罚 form, then the fuller one', () => {
    expect(preferredName(['对未履行法定义务的处罚', '对未履行法定义务的处理'])).toBe('对未履行法定义务的处罚');
    expect(preferredName(['对甲的行政处罚', '对甲的处罚'])).toBe('对甲的处罚');
    expect(preferredName(['对未提供实名制身份的处罚', '对未提供实名制身份信息的处罚'])).toBe(
      '对未提供实名制身份信息的处罚',
    );
    expect(preferredName(['对乙的行政处罚', '对乙的行政处罚', '对乙的处罚'])).toBe('对乙的行政处罚');
  });

  it('infers a missing type from the name', () => {
    expect(typeFromName('对未履行法定义务的处理')).toBe('行政处罚');
    expect(typeFromName('对互联网新闻信息服务活动实施监督检查')).toBe('行政检查');
    expect(typeFromName('对关键信息基础设施的安全风险进行抽查检测')).toBe('行政检查');
  });
});
