import { describe, expect, it } from 'vitest';
import catalog from '../../assets/catalog/catalog.json' with { type: 'json' };
import { matterPhrase, officersPhrase, renderTemplateText, templateParagraph } from './templates.ts';
import { TEMPLATES, templateFor } from './types/registry.ts';
import { DOCUMENT_TYPES } from './document-types.ts';

describe('templates', () => {
  it('every document type has a template with a regulation and a version', () => {
    for (const type of DOCUMENT_TYPES) {
      const t = templateFor(type);
      expect(t.regulation).toMatch(/规定/);
      expect(t.version).toMatch(/^\d{4}\.\d+$/);
    }
    expect(new Set(TEMPLATES.map((t) => `${t.type}@${t.version}`)).size).toBe(TEMPLATES.length);
  });

  it('renders the opening statements with the officers, the agency and the matter', () => {
    const t = templateFor('inquiry', '2023.1');
    const vars = {
      agency: '柳州市柳南区互联网信息办公室',
      officers: officersPhrase([
        { name: '李明', certNo: '45020019001' },
        { name: '王芳', certNo: '45020019002' },
      ]),
      matter: '涉嫌未履行网络安全保护义务',
      party: '柳州市星河网络科技有限公司',
    };
    const [certs, recusal, truthful] = t.openings.map((o) => renderTemplateText(o.text, vars));
    expect(certs).toBe(
      '我们是柳州市柳南区互联网信息办公室的执法人员李明（执法证号45020019001）、王芳（执法证号45020019002），这是我们的执法证件，请你过目。你是否看清楚？',
    );
    expect(recusal).toMatch(/^我们依法就涉嫌未履行网络安全保护义务有关问题进行调查/);
    expect(recusal).toContain('你是否申请回避？');
    expect(truthful).toBe('你应当如实回答询问，并协助调查，不得拒绝或者阻挠。你是否明白？');
    expect(certs).not.toMatch(/\{\{/);
  });

  it('2026.1 states the duties with the verified articles of the 行政处罚法 they rest on', () => {
    const vars = {
      agency: '柳州市柳南区互联网信息办公室',
      officers: officersPhrase([
        { name: '李明', certNo: '45020019001' },
        { name: '王芳', certNo: '45020019002' },
      ]),
      matter: '涉嫌未履行网络安全保护义务',
      party: '',
    };
    const [certs, recusal, truthful] = templateFor('inquiry', '2026.1').openings.map((o) =>
      renderTemplateText(o.text, vars),
    );
    expect(certs).toBe(
      '我们是柳州市柳南区互联网信息办公室的执法人员李明（执法证号45020019001）、王芳（执法证号45020019002）。依照《中华人民共和国行政处罚法》第四十二条、第五十五条第一款的规定，现向你出示执法证件，请你过目。你是否看清楚？',
    );
    // 陈述申辩 and 回避: nothing verified to cite, so as in 2023.1, without an article.
    expect(recusal).toBe(renderTemplateText(templateFor('inquiry', '2023.1').openings[1]!.text, vars));
    expect(truthful).toBe(
      '依照《中华人民共和国行政处罚法》第五十五条第二款的规定，你应当如实回答询问，并协助调查，不得拒绝或者阻挠。你是否明白？',
    );
    expect(templateFor('onsite', '2026.1').openings[2]!.text).toContain(
      '依照《中华人民共和国行政处罚法》第五十五条第二款的规定，你应当如实回答询问，并协助检查',
    );
  });

  it('no template version cites the repealed 2017 regulation, nor an article of the 2023 one (its text was not obtained); 2026.1 cites only verified articles', () => {
    // ../shared/law/行政处罚法-2021-节选.txt: the articles verified (its README, docs/LAW.md).
    const VERIFIED = ['第二十八条', '第三十七条', '第四十二条', '第五十五条', '第五十六条', '第五十七条', '第六十四条'];
    for (const t of TEMPLATES) {
      const { questionBank: _bank, regulation, ...printed } = t;
      const text = JSON.stringify(printed);
      expect(text, `${t.type}@${t.version}`).not.toMatch(
        /互联网信息内容管理行政执法程序规定|网信部门行政执法程序规定》?第/,
      );
      // Every article cited, with the law its sentence names.
      for (const m of text.matchAll(/第[一二三四五六七八九十百零]+条/g)) {
        const sentence = text.slice(Math.max(0, text.lastIndexOf('。', m.index) + 1), m.index);
        const law = [...sentence.matchAll(/《([^》]+)》/g)].at(-1)?.[1];
        expect(law, `${t.type}@${t.version}: ${m[0]}`).toBe('中华人民共和国行政处罚法');
        expect(VERIFIED, `${t.type}@${t.version}: ${m[0]}`).toContain(m[0]);
      }
      if (t.version >= '2026') {
        expect(regulation).toMatch(/^网信部门行政执法程序规定（2023年国家互联网信息办公室令第14号/);
        expect(regulation).toContain('其条文未经核对，本文书不引用其条款');
      }
    }
  });

  it('an unknown version is refused, not silently replaced', () => {
    expect(() => templateFor('inquiry', '1999.1')).toThrow(/no template/);
    expect(templateFor('inquiry', '2023.1').version).toBe('2023.1');
  });

  it('offers 4–8 frequently used questions for every matter of the catalog', () => {
    const bank = templateFor('inquiry').questionBank!;
    const ids = catalog.matters.map((m) => m.id);
    expect(ids.length).toBeGreaterThanOrEqual(17);
    expect(ids.filter((id) => !(id in bank.byMatter))).toEqual([]);
    expect(Object.keys(bank.byMatter).filter((id) => !ids.includes(id))).toEqual([]); // no stale ids
    for (const id of ids) {
      const qs = bank.byMatter[id]!;
      expect(qs.length, id).toBeGreaterThanOrEqual(4);
      expect(qs.length, id).toBeLessThanOrEqual(8);
      for (const q of qs) expect(q, id).toMatch(/？/); // each is a question
      expect(new Set(qs).size, id).toBe(qs.length);
    }
  });

  it('the seeded 检查事由 and 时间来源, and the printed list note, are template data', () => {
    expect(
      renderTemplateText(templateParagraph(templateFor('onsite', '2023.1'), 'reason'), {
        matter: matterPhrase('对不履行法定网络安全保护义务的处罚'),
      }),
    ).toBe('依法就不履行法定网络安全保护义务有关情况进行现场检查。');
    const ev = templateFor('evidence', '2023.1');
    expect(renderTemplateText(templateParagraph(ev, 'timeSource'), { time: '2026-11-20 09:00' })).toBe(
      '本机时钟。开始记录时本机时间为 2026-11-20 09:00（北京时间）；取证现场无可信时间源，未能核对本机时钟偏差。',
    );
    expect(
      renderTemplateText(templateParagraph(templateFor('evidence', '2026.1'), 'timeSource'), {
        timeCn: '2026年11月20日9时00分',
      }),
    ).toBe(
      '本机时钟。开始记录时本机时间为2026年11月20日9时00分（北京时间）；取证现场无可信时间源，未能核对本机时钟偏差。',
    );
    expect(renderTemplateText(templateParagraph(ev, 'itemsNote'), { count: '3' })).toBe(
      '电子数据共3项，详见所附《电子数据清单》。',
    );
    expect(() => templateParagraph(ev, 'noSuchParagraph')).toThrow(/has no paragraph/);
  });
});
