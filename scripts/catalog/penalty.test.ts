import { describe, expect, it } from 'vitest';
import { parseFine, parsePenalty } from './penalty.ts';

const law = '《中华人民共和国网络安全法》';

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
    expect(p.otherMeasures).toEqual(['暂停相关业务', '停业整顿', '关闭网站', '吊销相关业务许可证', '吊销营业执照']);
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
});
