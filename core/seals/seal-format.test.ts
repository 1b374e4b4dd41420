// docs/SEAL-FORMAT.md promises that a third party can check a seal with tar, sha256sum and openssl
// alone. This unpacks a bundle the app made and runs the documented commands exactly as written.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoInquiry } from '../../scripts/demo-documents.ts';
import {
  makeCore,
  OFFICER_A,
  OFFICER_B,
  orgCaseInput,
  setUpPair,
  type TestCore,
} from '../../tests/support/core-fixture.ts';
import { signedDocument } from '../../tests/support/signing-fixture.ts';
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import { dualHash } from '../../protocol/seal/document-hash.ts';
import { binding, type BoundFields } from '../../protocol/seal/signature-binding.ts';
import { SignatureRecordSchema } from '../../protocol/seal/seal-schema.ts';

let t: TestCore;
beforeEach(async () => {
  t = makeCore();
  await setUpPair(t);
});
afterEach(() => t.dispose());

function documentedCommands(): string[] {
  const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'SEAL-FORMAT.md'), 'utf8');
  const block = /## Checking a seal by hand[\s\S]*?```sh\n([\s\S]*?)```/.exec(doc)![1]!;
  return block.split('\n').filter(Boolean);
}

describe('docs/SEAL-FORMAT.md', () => {
  it('the documented sha256sum and openssl commands check a seal the app made', async () => {
    const ids = (await t.must('officers.list', {})).map((o) => o.id) as [string, string];
    const matter = (await t.must('catalog.search', { query: '网络安全' })).items[0]!;
    const caseId = (await t.must('cases.create', orgCaseInput(ids, matter.id))).id;
    const d = await signedDocument(t, caseId, 'inquiry', demoInquiry(ids[0], ids[1]), ids);
    const seal = await t.must('seals.seal', {
      documentId: d,
      officerPasswords: [OFFICER_A.password, OFFICER_B.password],
    });
    const bundle = (await t.must('bundles.export', { documentIds: [d] })).path;
    const dir = join(t.dir, 'unpacked');
    mkdirSync(dir);
    execSync(`tar -xf '${bundle}' -C '${dir}'`);
    const payload = JSON.parse(readFileSync(join(dir, 'seals', '1', 'seal.json'), 'utf8')) as SealPayload;

    const commands = documentedCommands();
    expect(commands).toHaveLength(6);
    const out = commands.map((c) => execSync(c, { cwd: dir, encoding: 'utf8' }));
    expect(out[0]).toContain(seal.hashSha256);
    expect(out[1]).toContain(seal.hashSm3);
    expect(out[2]).toMatch(/Verified OK/);
    expect(out[3]).toMatch(/Signature Verified Successfully/);
    expect(out[4]).toContain(payload.document.sha256);
    expect(out[5]).toContain(payload.document.sm3);
  });

  it('the audit row hash as documented: recomputed with node:crypto and canonical JSON, and by the documented python block', async () => {
    const ids = (await t.must('officers.list', {})).map((o) => o.id) as [string, string];
    const caseId = (await t.must('cases.create', orgCaseInput(ids, 'csl-59'))).id;
    const d = await signedDocument(t, caseId, 'inquiry', demoInquiry(ids[0], ids[1]), ids);
    await t.must('seals.seal', { documentId: d, officerPasswords: [OFFICER_A.password, OFFICER_B.password] });
    const bundle = (await t.must('bundles.export', { documentIds: [d] })).path;
    const dir = join(t.dir, 'unpacked');
    mkdirSync(dir);
    execSync(`tar -xf '${bundle}' -C '${dir}'`);
    const rows = JSON.parse(readFileSync(join(dir, 'audit.json'), 'utf8')) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(10);
    // The definition, read from the document: the object's keys and the row fields they come from.
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'SEAL-FORMAT.md'), 'utf8');
    const template = /\*\*Row hash\*\*[\s\S]*?```text\n(\{.*\})\n```/.exec(doc)![1]!;
    const fields = [...template.matchAll(/"(\w+)": (parse\()?(\w+)\)?/g)].map((m) => ({
      key: m[1]!,
      parse: !!m[2],
      from: m[3]!,
    }));
    expect(fields.map((f) => f.key)).toEqual([
      'seq',
      'at',
      'officerIds',
      'action',
      'caseId',
      'targets',
      'detail',
      'prev',
    ]);
    let prev = '0'.repeat(64);
    for (const r of rows) {
      const o = Object.fromEntries(
        fields.map((f) => [f.key, f.parse ? (JSON.parse(r[f.from] as string) as unknown) : r[f.from]]),
      );
      expect(createHash('sha256').update(canonicalJson(o), 'utf8').digest('hex'), `row ${String(r.seq)}`).toBe(r.hash);
      expect(r.prev_hash).toBe(prev);
      prev = r.hash as string;
    }
    const python = /without this program, in the unpacked bundle[\s\S]*?```sh\n([\s\S]*?)```/i.exec(doc)![1]!;
    const out = execSync(python, { cwd: dir, encoding: 'utf8' }).trim().split('\n');
    expect(out).toHaveLength(rows.length);
    expect(
      out.every((l) => l.endsWith(' OK')),
      out.join('\n'),
    ).toBe(true);
    expect(out).toContain(`${rows.length} seal OK`);
  });

  it('the worked example: its signature record is of the specified shape and its binding recomputes from the text shown', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'SEAL-FORMAT.md'), 'utf8');
    const example = doc.slice(doc.indexOf('## 9. Worked example'));
    const record = JSON.parse(/```json\n(.*)\n```/.exec(example)![1]!) as BoundFields & {
      bindingSha256: string;
      bindingSm3: string;
    };
    expect(SignatureRecordSchema.safeParse(record).success).toBe(true);
    const text = /```text\n(.*)\n```/.exec(example)![1]!;
    const { bindingSha256, bindingSm3, ...bound } = record;
    expect(canonicalJson({ v: 1, ...bound })).toBe(text);
    expect(dualHash(text)).toEqual({ sha256: bindingSha256, sm3: bindingSm3 });
    expect(binding(bound)).toEqual({ sha256: bindingSha256, sm3: bindingSm3 });
    expect(example).toContain(`SHA-256 \`${bindingSha256}\` and SM3\n\`${bindingSm3}\``);
  });
});
