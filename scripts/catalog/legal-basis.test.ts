import { describe, expect, it } from 'vitest';
import { normaliseLaw, parseLegalBasis } from './legal-basis.ts';

describe('legal basis cells', () => {
  it('splits a numbered cell into articles of the right laws, references inside the text left alone', () => {
    const { basis, unarticled } = parseLegalBasis(
      [
        '1.【法律】《中华人民共和国网络安全法》（中华人民共和国主席令第53号）第四十七条：网络运营者应当加强对其用户发布的信息的管理。',
        '',
        '第六十八条：网络运营者违反本法第四十七条规定，对……的，由有关主管部门责令改正，给予警告。',
        '2.【部门规章】《互联网新闻信息服务管理规定》（2017年国家互联网信息办公室令第1号）第十九条第一款：国家和地方互联网信息办公室应当建立日常检查和定期检查相结合的监督管理制度。',
        '3.【规范性文件】《国务院关于授权国家互联网信息办公室负责互联网信息内容管理工作的通知》（国发〔2014〕33号）为促进互联网信息服务健康有序发展。',
      ].join('\n'),
    );
    expect(basis.map((b) => `${b.law}${b.article}`)).toEqual([
      '《中华人民共和国网络安全法》第四十七条',
      '《中华人民共和国网络安全法》第六十八条',
      '《互联网新闻信息服务管理规定》第十九条第一款',
    ]);
    expect(basis[1]!.text).toBe('网络运营者违反本法第四十七条规定，对……的，由有关主管部门责令改正，给予警告。');
    expect(unarticled).toEqual([
      {
        law: '《国务院关于授权国家互联网信息办公室负责互联网信息内容管理工作的通知》',
        text: '为促进互联网信息服务健康有序发展。',
      },
    ]);
  });

  it('reads HTML cells, articles run into the previous one, and 款 lists', () => {
    const { basis } = parseLegalBasis(
      '<p>1. 《互联网信息服务管理办法》（2000年9月25日国务院令第292号公布）第十五条互联网信息服务提供者不得制作、复制、发布、传播含有下列内容的信息：（一）反对宪法所确定的基本原则的；（二）危害国家安全的。第二十条制作、复制、发布、传播本办法第十五条所列内容之一的信息，依照《中华人民共和国治安管理处罚法》予以处罚。</p> <p>第十三条第一、三款：用户不提供真实身份信息的，不得为其提供相关服务。</p>',
    );
    expect(basis.map((b) => b.article)).toEqual(['第十五条', '第二十条', '第十三条第一、三款']);
    expect(basis[0]!.text).toBe(
      '互联网信息服务提供者不得制作、复制、发布、传播含有下列内容的信息：\n（一）反对宪法所确定的基本原则的；\n（二）危害国家安全的。',
    );
    expect(basis.every((b) => b.law === '《互联网信息服务管理办法》')).toBe(true);
  });

  it('rejoins lines a word-processor broke mid-sentence', () => {
    const { basis } = parseLegalBasis(
      '《中华人民共和国网络安全法》第六十六条 关键信息基础设施的运营者违反本法第三十七条规\n定……处一万元以上十万元以下罚款。',
    );
    expect(basis[0]!.text).toBe('关键信息基础设施的运营者违反本法第三十七条规定……处一万元以上十万元以下罚款。');
  });

  it('drops edition notes from law titles', () => {
    expect(normaliseLaw('中华人民共和国行政处罚法（2021修订）')).toBe('《中华人民共和国行政处罚法》');
  });
});
