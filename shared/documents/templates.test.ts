import { describe, expect, it } from 'vitest';
import { officersPhrase, renderTemplateText, templateFor, TEMPLATES } from './templates.ts';
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
    const t = templateFor('inquiry');
    const vars = {
      agency: '柳州市柳南区互联网信息办公室',
      officers: officersPhrase([{ name: '李明', certNo: '45020019001' }, { name: '王芳', certNo: '45020019002' }]),
      matter: '涉嫌未履行网络安全保护义务',
      party: '柳州市星河网络科技有限公司',
    };
    const [certs, recusal, truthful] = t.openings.map((o) => renderTemplateText(o.text, vars));
    expect(certs).toBe('我们是柳州市柳南区互联网信息办公室的执法人员李明（执法证号45020019001）、王芳（执法证号45020019002），这是我们的执法证件，请你过目。你是否看清楚？');
    expect(recusal).toMatch(/^我们依法就涉嫌未履行网络安全保护义务有关问题进行调查/);
    expect(recusal).toContain('你是否申请回避？');
    expect(truthful).toBe('你应当如实回答询问，并协助调查，不得拒绝或者阻挠。你是否明白？');
    expect(certs).not.toMatch(/\{\{/);
  });

  it('an unknown version is refused, not silently replaced', () => {
    expect(() => templateFor('inquiry', '1999.1')).toThrow(/no template/);
    expect(templateFor('inquiry', '2023.1').version).toBe('2023.1');
  });
});
