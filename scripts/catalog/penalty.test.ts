import { describe, expect, it } from 'vitest';
import { LawDataUse, loadPowers } from './law-data.ts';
import { parseFine, parsePenalty as parse, type PenaltyArticle } from './penalty.ts';

const law = '《中华人民共和国网络安全法》';
const ctx = () => ({ powers: loadPowers(), use: new LawDataUse(), authorityOf: () => '网信部门（有关主管部门）' });
const parsePenalty = (articles: Omit<PenaltyArticle, 'lawVersion'>[]) =>
  parse(
    articles.map((a) => ({ ...a, lawVersion: '2016' })),
    ctx(),
  );

describe('penalty clauses', () => {
  it('reads fine ranges in yuan', () => {
    expect(parseFine('处一万元以上十万元以下罚款')).toEqual({
      text: '处一万元以上十万元以下罚款',
      minYuan: 10_000,
      maxYuan: 100_000,
    });
    expect(parseFine('对直接负责的主管人员处五千元以上五万元以下罚款')).toMatchObject({
      minYuan: 5000,
      maxYuan: 50_000,
    });
    expect(parseFine('处一百万元以下罚款')).toEqual({ text: '处一百万元以下罚款', maxYuan: 1_000_000 });
  });

  it('keeps only the text of a fine that is a multiple', () => {
    expect(parseFine('处违法所得一倍以上十倍以下罚款')).toEqual({ text: '处违法所得一倍以上十倍以下罚款' });
  });

  it('reads warning, confiscation, both fines and the other measures of an article', () => {
    const p = parsePenalty([
      {
        law,
        article: '第六十四条',
        text: '网络运营者……由有关主管部门责令改正，可以根据情节单处或者并处警告、没收违法所得、处违法所得一倍以上十倍以下罚款，没有违法所得的，处一百万元以下罚款，对直接负责的主管人员和其他直接责任人员处一万元以上十万元以下罚款；情节严重的，并可以责令暂停相关业务、停业整顿、关闭网站、吊销相关业务许可证或者吊销营业执照。',
      },
    ])!;
    expect(p).toMatchObject({ warning: true, orderCorrection: true, confiscateIllegalIncome: true });
    expect(p.fineOperator).toEqual({ text: '处违法所得一倍以上十倍以下罚款，没有违法所得的，处一百万元以下罚款' });
    expect(p.fineResponsible).toMatchObject({ minYuan: 10_000, maxYuan: 100_000 });
    // The 网信部门's own measures first; a licence or business licence is revoked by its issuer: 通报.
    expect(p.measures.map((m) => [m.name, m.route])).toEqual([
      ['暂停相关业务', null],
      ['停业整顿', null],
      ['关闭网站', null],
      ['吊销相关业务许可证', '通报'],
      ['吊销营业执照', '通报'],
    ]);
    expect(p.measures.find((m) => m.name === '吊销营业执照')!.authority).toBe('企业登记机关（市场监督管理部门）');
    // The alternative 「没有违法所得的，处一百万元以下罚款」 is part of the multiple's fine, not a fine of its own.
    expect(p.fines.map((f) => f.on)).toEqual(['operator', 'responsible']);
    expect(p.text).toMatch(/^《中华人民共和国网络安全法》第六十四条：/);
  });

  it('leaves the ranges out where the articles set different fines', () => {
    const p = parsePenalty([
      {
        law,
        article: '第五十九条',
        text: '由有关主管部门责令改正，给予警告；拒不改正的，处一万元以上十万元以下罚款。',
      },
      {
        law,
        article: '第六十条',
        text: '由有关主管部门责令改正，给予警告；拒不改正的，处五万元以上五十万元以下罚款。',
      },
    ])!;
    expect(p.fineOperator).toBeUndefined();
    expect(p.warning).toBe(true);
  });

  it('finds no penalty in an article that sets a duty', () => {
    expect(
      parsePenalty([{ law, article: '第八条', text: '国家网信部门负责统筹协调网络安全工作和相关监督管理工作。' }]),
    ).toBeNull();
  });

  it('reads each fine with its condition and paragraph: the general case first, then refusal or harm', () => {
    const p = parsePenalty([
      {
        law,
        article: '第六十一条',
        text: '网络运营者不履行本法第二十三条规定的网络安全保护义务的，由有关主管部门责令改正，给予警告，可以处一万元以上五万元以下罚款；拒不改正或者导致危害网络安全等后果的，处五万元以上五十万元以下罚款，对直接负责的主管人员和其他直接责任人员处一万元以上十万元以下罚款。\n有前款行为，造成大量数据泄露等严重危害网络安全后果的，由有关主管部门处五十万元以上二百万元以下罚款。',
      },
    ])!;
    expect(p.fines.map((f) => [f.article, f.on, f.minYuan, f.maxYuan, f.when])).toEqual([
      ['第六十一条第一款', 'operator', 10_000, 50_000, ''],
      ['第六十一条第一款', 'operator', 50_000, 500_000, '拒不改正或者导致危害网络安全等后果的'],
      ['第六十一条第一款', 'responsible', 10_000, 100_000, '拒不改正或者导致危害网络安全等后果的'],
      ['第六十一条第二款', 'operator', 500_000, 2_000_000, '造成大量数据泄露等严重危害网络安全后果的'],
    ]);
    expect(p.fineOperator).toMatchObject({ minYuan: 10_000, maxYuan: 50_000 });
  });

  it('gives the 网信部门 nothing of an article another department applies: its measures are 移送/通报', () => {
    const p = parse(
      [
        {
          law: '《互联网信息服务管理办法》',
          article: '第二十条',
          text: '……由公安机关、国家安全机关……予以处罚；对经营性互联网信息服务提供者，并由发证机关责令停业整顿直至吊销经营许可证……',
          lawVersion: '2011',
        },
      ],
      ctx(),
    )!;
    expect(p).toMatchObject({ warning: false, orderCorrection: false, confiscateIllegalIncome: false, fines: [] });
    expect(p.measures.every((m) => m.route !== null)).toBe(true);
    expect(p.measures.map((m) => m.authority)).toEqual([
      '公安机关、国家安全机关',
      '发证机关（电信主管部门）',
      '备案机关（电信主管部门）',
    ]);
    expect(p.note).toMatch(/网信部门没有相应的处罚权/);
    // 公安机关's articles of the 网络安全法, by the version they belong to: 2016 第六十三条, 2025 第六十八条.
    const police = parse(
      [{ law, article: '第六十三条', text: '……由公安机关没收违法所得，处五日以下拘留……', lawVersion: '2016' }],
      ctx(),
    )!;
    expect(police.measures).toEqual([expect.objectContaining({ authority: '公安机关', route: '移送' })]);
    expect(police.confiscateIllegalIncome).toBe(false);
  });

  it('names an article whose text is missing instead of guessing its penalty', () => {
    const p = parse([{ law, article: '第六十七条', text: null, lawVersion: '2025' }], ctx())!;
    expect(p.note).toBe('《中华人民共和国网络安全法》第六十七条的条文未能取得，其处罚未能读出。');
    expect(p.fines).toEqual([]);
  });
});
