// docs/SEAL-FORMAT.md promises that a third party can check a seal with tar, sha256sum and openssl
// alone. This unpacks a bundle the app made and runs the documented commands exactly as written.
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoInquiry } from '../../scripts/demo-documents.ts';
import { makeCore, OFFICER_A, OFFICER_B, orgCaseInput, setUpPair, type TestCore } from '../../tests/support/core-fixture.ts';
import { signedDocument } from '../../tests/support/signing-fixture.ts';
import type { SealPayload } from './seal-payload.ts';

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
    const seal = await t.must('seals.seal', { documentId: d, officerPasswords: [OFFICER_A.password, OFFICER_B.password] });
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
});
