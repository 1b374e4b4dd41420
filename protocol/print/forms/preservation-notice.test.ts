// What the 登记保存物品通知书 prints about the handling deadline depends on the document alone (its
// signatures and seal bind the printed text, which is laid out again to verify them): templates
// 2023.2 and 2026.1 state the period; documents of template 2023.1 keep the date they printed when signed.
import { describe, expect, it } from 'vitest';
import { printable } from '../../../tests/support/print-fixtures.ts';
import { PdfService } from '../pdf-service.ts';

const pdf = new PdfService();
const text = (templateVersion: string, startDate = '2026-11-20') =>
  pdf
    .layout({
      ...printable('preservation', { content: { ...printable('preservation').content, startDate } }),
      templateVersion,
    })
    .text.replace(/\s+/g, '');

describe('the preservation notice’s deadline as printed', () => {
  it('template 2023.2: the period, counted in working days from the start, and no computed date', () => {
    const t = text('2023.2');
    expect(t).toContain(
      '登记保存期间自2026年11月20日起。本机关将自登记保存之日起七个工作日内（登记保存当日不计入，不含法定节假日）依法作出处理决定。',
    );
    expect(t).not.toMatch(/本机关将于\d{4}年/);
  });

  it('template 2023.1: exactly what those documents printed (weekdays only), so their seals still verify', () => {
    expect(text('2023.1')).toContain('本机关将于2026年12月1日前（七个工作日内）依法作出处理决定。');
    // Across the 2026 National Day break the old text printed a date the calendar would not give: kept as signed.
    expect(text('2023.1', '2026-09-30')).toContain('本机关将于2026年10月9日前（七个工作日内）');
  });

  it('template 2026.1: the period of 行政处罚法 第五十六条 (七日) and, without an article, that they are working days', () => {
    const t = text('2026.1');
    expect(t).toContain(
      '登记保存期间自2026年11月20日起。依照《中华人民共和国行政处罚法》第五十六条的规定，本机关将在七日内作出处理决定，即自登记保存之日起七个工作日内（登记保存当日不计入，不含法定节假日）。',
    );
    expect(t).toContain(
      '依照《中华人民共和国行政处罚法》第五十六条的规定，在此期间，你（单位）不得销毁或者转移上述物品。',
    );
    expect(t).not.toMatch(/本机关将于\d{4}年/);
  });

  it('new documents are made with template 2026.1', async () => {
    const { templateFor } = await import('../../../shared/documents/types/registry.ts');
    expect(templateFor('preservation').version).toBe('2026.1');
  });
});
