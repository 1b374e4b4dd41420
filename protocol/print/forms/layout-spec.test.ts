// The printed layout is template data (shared/documents/templates/), and a released template
// version must print every document exactly as it did when the document was signed and sealed:
// HQ lays sealed documents out again to check them. So the layout each version gives for a set of
// documents that exercises every branch is kept in the repository (tests/golden/layout/) and
// compared whole. A difference means a released version changed: make a new version instead.
// UPDATE_GOLDEN=1 writes the references (only for a new version, or after a deliberate review).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../../shared/documents/document-api.ts';
import type { PrintLayout } from '../../../shared/documents/print-layout.ts';
import type { DocumentTemplate } from '../../../shared/documents/templates.ts';
import { TEMPLATES, templateFor } from '../../../shared/documents/types/registry.ts';
import { fixtureVersion, layoutVariants } from '../../../tests/support/layout-variants.ts';
import { printable } from '../../../tests/support/print-fixtures.ts';
import { layoutSpec } from './layout-spec.ts';

const GOLDEN = join(import.meta.dirname, '..', '..', '..', 'tests', 'golden', 'layout');
const update = process.env.UPDATE_GOLDEN === '1';

describe('each template version prints as it always has', () => {
  for (const t of TEMPLATES) {
    it(`${t.type}@${t.version}`, () => {
      const specs = Object.fromEntries(
        layoutVariants(t.type, fixtureVersion(t.version), t.version).map(([name, doc]) => [
          name,
          JSON.parse(JSON.stringify(layoutSpec({ ...doc, templateVersion: t.version }))),
        ]),
      );
      const file = join(GOLDEN, `${t.type}@${t.version}.json`);
      if (update || !existsSync(file)) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(file, `${JSON.stringify(specs, null, 1)}\n`);
        if (!update)
          throw new Error(`no reference for ${t.type}@${t.version}: written to ${file}; review it and commit it`);
      }
      const golden = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      expect(Object.keys(specs)).toEqual(Object.keys(golden));
      for (const name of Object.keys(golden))
        expect(
          specs[name],
          `${t.type}@${t.version}, ${name}: a released template version prints differently — make a new version`,
        ).toEqual(golden[name]);
    });
  }
});

/** The filled inquiry under a template whose layout is `layout`. */
function withLayout(layout: Partial<PrintLayout>, content?: object): ReturnType<typeof layoutSpec> {
  const base = templateFor('inquiry');
  const t: DocumentTemplate = { ...base, layout: { runningHead: 'x', blocks: [], perPage: [], ...layout } };
  const doc: DocumentDetail = printable('inquiry', content ? { content } : {});
  return layoutSpec(doc, t);
}

describe('the layout grammar', () => {
  it('fills paths, the context, the document and the template; formatters write values the Chinese way', () => {
    const s = withLayout({
      blocks: [
        {
          kind: 'para',
          text: '{{interviewee.name}}|{{ctx.agency}}|{{doc.docNo}}|{{tpl.title}}|{{minute:startTime}}|{{officer:inquirerId}}',
        },
      ],
    });
    expect(s.blocks).toEqual([
      {
        kind: 'para',
        text: '张𠮷㵘|柳州市柳南区互联网信息办公室|网信案询〔2026〕0001号|询问笔录|2026年11月20日09时30分|李明（执法证号45020019001）',
      },
    ]);
  });

  it('join drops empty parts, first takes the first non-empty, if/else and concat', () => {
    const s = withLayout({
      blocks: [
        { kind: 'para', text: { join: '，', parts: ['{{interviewee.name}}', '{{interpreter.name}}', '甲'] } },
        { kind: 'para', text: { first: ['{{interpreter.name}}', '', '乙'] } },
        {
          kind: 'para',
          text: {
            concat: [
              { if: '{{interpreter.name}}', then: '有', else: '无' },
              { if: '{{interviewee.name}}', then: '有' },
            ],
          },
        },
      ],
    });
    expect(s.blocks.map((b) => (b as { text: string }).text)).toEqual(['张𠮷㵘，甲', '乙', '无有']);
  });

  it('when/unless on blocks, rows and slots: strings, lists and objects', () => {
    const s = withLayout({
      blocks: [
        { kind: 'heading', when: 'qa', text: 'qa' },
        { kind: 'heading', when: 'interpreter.name', text: 'interpreter' },
        { kind: 'heading', unless: 'interpreter.name', text: 'none' },
        { kind: 'heading', when: 'doc.correction.corrects', text: 'correction' },
        {
          kind: 'grid',
          columns: 1,
          rows: [
            { when: 'place', cells: [{ label: 'a', value: 'b', span: 1 }] },
            { when: 'interpreter.name', cells: [{ label: 'c', value: 'd', span: 1 }] },
          ],
        },
        {
          kind: 'signatures',
          slots: [
            { id: 's1', label: '甲' },
            { id: 's2', label: '乙', when: 'interpreter.name' },
          ],
        },
      ],
    });
    expect(s.blocks).toEqual([
      { kind: 'heading', text: 'qa' },
      { kind: 'heading', text: 'none' },
      { kind: 'grid', columns: 1, rows: [[{ label: 'a', value: 'b', span: 1 }]] },
      { kind: 'signatures', slots: [{ id: 's1', label: '甲' }] },
    ]);
  });

  it('each and table: paths name the row, {{#}} its number; content. reaches the document', () => {
    const content = {
      ...printable('inquiry').content,
      qa: [
        { id: 'a', q: '问一', a: '' },
        { id: 'b', q: '问二', a: '答二' },
      ],
    };
    const s = withLayout(
      {
        blocks: [
          {
            kind: 'each',
            of: 'qa',
            blocks: [{ kind: 'para', label: '{{#}}.', text: '{{q}}/{{a}}/{{content.place}}' }],
          },
          {
            kind: 'table',
            of: 'qa',
            columns: [{ title: 'n', width: 1, value: '{{#}}' }],
            note: { if: '{{a}}', then: '注：{{a}}' },
          },
        ],
      },
      content,
    );
    expect(s.blocks[0]).toEqual({ kind: 'para', label: '1.', text: '问一//柳州市柳南区航五路12号星河大厦8楼会议室' });
    expect(s.blocks[1]).toMatchObject({ label: '2.', text: '问二/答二/柳州市柳南区航五路12号星河大厦8楼会议室' });
    expect(s.blocks[2]).toEqual({
      kind: 'table',
      columns: [{ title: 'n', width: 1 }],
      rows: [['1'], ['2']],
      notes: [undefined, '注：答二'],
    });
  });

  it('slots take the officer and the signer from the content; per-page slots too', () => {
    const s = withLayout({
      blocks: [
        {
          kind: 'signatures',
          slots: [
            { id: 'i', label: '询问人', role: '执法人员', officer: 'inquirerId' },
            { id: 'x', label: '无', officer: 'nothing.here' },
          ],
        },
      ],
      perPage: [{ id: 'p', label: '被询问人签名', role: '被询问人', signer: '{{interviewee.name}}' }],
    });
    expect(s.blocks[0]).toEqual({
      kind: 'signatures',
      slots: [
        { id: 'i', label: '询问人', role: '执法人员', officerId: 'o1' },
        { id: 'x', label: '无', officerId: '' },
      ],
    });
    expect(s.perPageSlots).toEqual([{ id: 'p', label: '被询问人签名', role: '被询问人', signerName: '张𠮷㵘' }]);
  });

  it('a layout naming a formatter that does not exist, or a path to an object as text, fails loudly rather than print less', () => {
    expect(() => withLayout({ blocks: [{ kind: 'para', text: '{{nosuch:place}}' }] })).toThrow(/no formatter nosuch/);
    expect(() => withLayout({ blocks: [{ kind: 'para', text: '{{interviewee}}' }] })).toThrow(/not a text/);
    expect(() => withLayout({ blocks: [{ kind: 'para', text: '{{para:nosuch}}' }] })).toThrow(/no paragraph nosuch/);
  });
});
