// Templates are data (shared/documents/templates/): wording, editor labels and the printed layout
// of each document type, per version. A document keeps the version it was made with, and a sealed
// one is laid out again from it (here and at HQ) — so a released version must never change. Each
// version's data is pinned here by its hash; changing it fails this test. To change a wording, a
// label or the layout: add a new version (templates.ts TEMPLATES), pin it here, and make its
// layout reference (protocol/print/forms/layout-spec.test.ts).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES, type DocumentType } from '../../shared/documents/document-types.ts';
import type { DocumentTemplate } from '../../shared/documents/templates.ts';
import { descriptorOf, TEMPLATES, templateFor } from '../../shared/documents/types/registry.ts';

const PINNED: Record<string, string> = {
  'inquiry@2023.1': '9348aba38b821f2efd712f7e2d4ce5ac964292a1ef385fd463dba22b4ed650aa',
  'onsite@2023.1': 'b147ef24036d1f8c821a69cd3869bb8cb5bd4af5279c3443753cc2f1b6f6d490',
  'evidence@2023.1': '9a4ae8a5023732f2f0b9e50a434319142a03f75354fe96b6c6220175ac7447be',
  'preservation@2023.1': '1f53d5ab21294199363a4d9cfabaef69a96286d7d283eea6b230a97f95edbb98',
  'preservation@2023.2': '267e2fc70f069b03abedfc354be9f57994930dd547a66a7084135faa9620d869',
  // 2026.1: the 2023 regulation's versions as far as the verified texts go, typesetting profile 2.
  'inquiry@2026.1': '5b092e92a83d8b4e8a25c2d314b6f8fd42742bb889af78ac5d4f27ac98608ae8',
  'onsite@2026.1': '7bd9f66902f57c85b38b11dd774f00d7b01bd65e8476fd5b2dc83feb24528eda',
  // 2026.2: the 现场笔录 prints a 复查's outcome (the order's period closes with it).
  'onsite@2026.2': '13ccaafba3229af67b0082ffc2f4cef675462eaac3a5cdb4dee5405fabe3831e',
  'evidence@2026.1': 'e0817f8d97d75f6babe89d7180df1ce23d117abd30a43851c3e723f9d03b0e63',
  'preservation@2026.1': 'eeb9c6192a49ec0a500acb3b3f2b4e3ffbdcdd2e310075e14f79faf2edcdf5c7',
  // The documents of issue #20: 责令（限期）改正通知书, 先行登记保存物品处理决定书, 送达回证 (profile 2).
  'rectification@2026.1': 'c8ac6a62a78c0798163a6cbf8dff055018fa6ef922e7a776c440169cabe39920',
  'disposal@2026.1': 'eef82acd4c756b3704fb7e49999a7fc4ecc31a54ff93f5604223bb6b0486319a',
  'delivery@2026.1': '72dc1a52cc8df37716b997d41ad91576ec5d4eb18475fbbbc99548dd7c6fe540',
};

/** JSON with keys sorted at every level: the same data always gives the same text. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** What a version freezes: everything but the question bank (editor suggestions, never printed by themselves). */
function frozen(t: DocumentTemplate): string {
  const { questionBank: _bank, ...rest } = t;
  return createHash('sha256').update(stable(rest)).digest('hex');
}

describe('template versions', () => {
  it('are plain data: they survive JSON unchanged (no functions, no undefined, no class instances)', () => {
    for (const t of TEMPLATES) expect(JSON.parse(JSON.stringify(t)), `${t.type}@${t.version}`).toEqual(t);
  });

  it('released versions are frozen: each one’s data has the hash pinned when it was released', () => {
    const hashes = Object.fromEntries(TEMPLATES.map((t) => [`${t.type}@${t.version}`, frozen(t)]));
    expect(Object.keys(hashes).sort(), 'every version is pinned, and every pin is a version').toEqual(
      Object.keys(PINNED).sort(),
    );
    for (const [id, hash] of Object.entries(hashes))
      expect(hash, `${id} changed after release: add a new template version instead`).toBe(PINNED[id]);
  });

  it('every version names the regulation it follows and has a layout with a signature block', () => {
    for (const t of TEMPLATES) {
      expect(t.regulation, t.version).toMatch(/规定/);
      expect(
        t.layout.blocks.some((b) => b.kind === 'signatures'),
        `${t.type}@${t.version}`,
      ).toBe(true);
    }
  });
});

// The editors take every label from their document's template version (label('key') in the
// component, or <Field name="key">). A key some version lacks would show as the bare key.
// Each type's descriptor names its editor component, which renderer/documents/editors/ holds in
// a file of that name and registry.ts wires to the type.
const EDITORS = Object.fromEntries(DOCUMENT_TYPES.map((t) => [t, `${descriptorOf(t).editor}.tsx`])) as Record<
  DocumentType,
  string
>;
const DIR = join(import.meta.dirname, '..', '..', 'renderer', 'documents');
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');

/** The label keys a component source asks for. */
function keysIn(src: string): string[] {
  return [...src.matchAll(/label\('([^']+)'\)|<Field name="([^"]+)"/g)].map((m) => m[1] ?? m[2]!);
}

/** Keys of the shared pieces an editor uses (fields.tsx, OpeningAnswers, QaList). */
function sharedKeys(src: string): string[] {
  const fields = read('fields.tsx');
  const piece = (name: string) => {
    const body = new RegExp(`export function ${name}\\b[\\s\\S]*?\\n}\\n`).exec(fields)![0];
    return keysIn(body);
  };
  return [
    ...(src.includes('<TimeAndPlace') ? piece('TimeAndPlace') : []),
    ...(src.includes('<WitnessFields') ? piece('WitnessFields') : []),
    ...(src.includes('<OpeningAnswers') ? keysIn(read('editors/OpeningAnswers.tsx')) : []),
    ...(src.includes('<QaList') ? keysIn(read('editors/QaList.tsx')) : []),
  ];
}

describe('editor labels', () => {
  for (const type of DOCUMENT_TYPES) {
    it(`${type}: every label the editor shows is in every template version of the type`, () => {
      const src = read(`editors/${EDITORS[type]}`);
      const keys = [...new Set([...keysIn(src), ...sharedKeys(src)])];
      expect(keys.length).toBeGreaterThan(10);
      // A field added after a version was released is labelled by the type (its descriptor's
      // addedLabels) where the frozen version has no label of its own.
      const added = descriptorOf(type).addedLabels ?? {};
      for (const t of TEMPLATES.filter((x) => x.type === type))
        expect(
          keys.filter((k) => !(k in t.labels) && !(k in added)),
          `${type}@${t.version}`,
        ).toEqual([]);
    });
  }

  it('the renderer registers for each type the editor its descriptor names', () => {
    const registry = read('editors/registry.ts');
    for (const type of DOCUMENT_TYPES) {
      const editor = descriptorOf(type).editor;
      expect(registry, type).toContain(`  ${type}: ${editor},`);
      expect(registry, type).toContain(`import { ${editor} } from './${editor}.tsx';`);
    }
  });

  it('no editor writes a field label as a literal: <Field label="…"> is only for controls that are not part of the document', () => {
    const literals = Object.values(EDITORS).flatMap((f) =>
      [...read(`editors/${f}`).matchAll(/<Field label="([^"]+)"/g)].map((m) => m[1]),
    );
    expect(literals).toEqual(['交换询问人与记录人']);
    expect(templateFor('inquiry').labels['interviewee.name']).toBe('姓名');
  });
});
