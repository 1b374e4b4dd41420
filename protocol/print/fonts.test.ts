// Font runs: every character is drawn from a font that has it — ideographic and Latin spaces
// included, whatever they follow (a space after digits once came out as a missing-glyph box).
import { describe, expect, it } from 'vitest';
import { PdfService } from './pdf-service.ts';

const fonts = new PdfService().fonts;

describe('font runs', () => {
  it('every character of a run is in that run’s font', () => {
    for (const text of [
      '封存序号 3\u3000封存时间 2026-11-30 06:38',
      '联想 ThinkPad X1，序列号 PF3K8B2L',
      '张𠮷㵘 说：“①② …”',
      'admin\u3000管理员 é ×',
    ]) {
      for (const run of fonts.runs(text))
        for (const ch of run.text)
          expect(fonts.has(run.font, ch.codePointAt(0)!), `「${ch}」 in 「${text}」`).toBe(true);
      expect(
        fonts
          .runs(text)
          .map((r) => r.text)
          .join(''),
      ).toBe(text);
    }
  });
});
