import { describe, expect, it } from 'vitest';
import { splitItems } from './list-items.ts';

describe('responsibility and accountability cells', () => {
  it('splits numbered paragraphs, keeping an introductory sentence as an item', () => {
    expect(
      splitItems(
        '<p>主管部门及其工作人员承担以下责任：</p> <p>1. 玩忽职守的，依法追究刑事责任；</p> <p>2. 法律法规规定的其他法律责任</p>',
      ),
    ).toEqual([
      '主管部门及其工作人员承担以下责任：',
      '1. 玩忽职守的，依法追究刑事责任；',
      '2. 法律法规规定的其他法律责任',
    ]);
  });

  it('splits items run together on one line', () => {
    expect(splitItems('1.立案责任：及时调查处理。 2.调查取证责任：执法人员不得少于两人。 3.其他责任。')).toEqual([
      '1.立案责任：及时调查处理。',
      '2.调查取证责任：执法人员不得少于两人。',
      '3.其他责任。',
    ]);
    expect(splitItems('有下列情形之一的：（一）不具备主体资格；（二）没有法律依据。')).toEqual([
      '有下列情形之一的：',
      '（一）不具备主体资格；',
      '（二）没有法律依据。',
    ]);
  });

  it('splits unnumbered HTML lists (酒泉) and trims full-width padding (柳南)', () => {
    expect(splitItems('<ol style="list-style-type: none"> 立案责任。 调查取证责任。 执行责任。 </ol>')).toEqual([
      '立案责任。',
      '调查取证责任。',
      '执行责任。',
    ]);
    expect(splitItems('1.不具备行政处罚主体资格；　　\n\n2.没有事实和法律依据；　　')).toEqual([
      '1.不具备行政处罚主体资格；',
      '2.没有事实和法律依据；',
    ]);
  });

  it('rejoins a sentence broken over two lines, and reads 无 as nothing', () => {
    expect(splitItems('1.立案责任：对违反相关法律\n法规的行为决定是否立案。')).toEqual([
      '1.立案责任：对违反相关法律法规的行为决定是否立案。',
    ]);
    expect(splitItems('无')).toEqual([]);
    expect(splitItems('')).toEqual([]);
  });
});
