// Each table of the device database is written by one store module, and read elsewhere only
// through that store's methods (a store's query may join the tables it reads beside its own,
// listed here). Services never hold the database: they are handed the stores they use
// (core/app-core.ts composes them). The list below is the one docs/ARCHITECTURE.md gives.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** table → the module that writes it (and reads it for everyone else). */
const OWNERS: Record<string, string> = {
  settings: 'core/settings/settings-store.ts',
  counters: 'core/cases/case-number.ts',
  office: 'core/office/office-store.ts',
  office_heads: 'core/office/office-store.ts',
  officers: 'core/officers/officer-store.ts',
  cases: 'core/cases/case-store.ts',
  case_officers: 'core/cases/case-store.ts',
  case_events: 'core/cases/case-store.ts',
  case_milestones: 'core/cases/case-store.ts',
  case_law_choices: 'core/cases/case-law.ts',
  documents: 'core/documents/document-store.ts',
  evidence: 'core/evidence/evidence-store.ts',
  signing_ceremonies: 'core/signatures/signature-store.ts',
  signatures: 'core/signatures/signature-store.ts',
  device: 'core/device/device-identity.ts',
  audit_log: 'core/audit/audit-log.ts',
  seals: 'core/seals/seal-store.ts',
  seal_evidence: 'core/seals/seal-store.ts',
  hq_link: 'core/sync/hq-link-store.ts',
  receipts: 'core/sync/receipt-store.ts',
  released_blobs: 'core/sync/released-blobs.ts',
  reference_data: 'core/sync/reference-store.ts',
  hq_trust: 'core/sync/trust-store.ts',
  timeline_confirmations: 'core/timeline/confirmation-store.ts',
};

/** The other tables a store's queries join (read-only), with why. */
const JOINS: Record<string, string[]> = {
  // The case number beside an item; released bytes are not re-verified or listed as failing.
  'core/evidence/evidence-store.ts': ['cases', 'released_blobs'],
  // The outbox is the seals without a receipt; unsynced seals are counted per case.
  'core/sync/receipt-store.ts': ['seals', 'documents'],
  // What may be released: evidence whose every seal is receipted.
  'core/sync/released-blobs.ts': ['evidence', 'seal_evidence', 'receipts'],
};

/** Besides the stores: the modules that open, migrate or compose over the database. */
const DATABASE_HOLDERS = new Set(['core/app-core.ts', 'core/db/open-database.ts', 'core/db/unit-of-work.ts']);

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .filter((f) => !f.startsWith('core/db/migrations/'));
}

const WRITE = /\b(?:INSERT(?:\s+OR\s+[A-Z]+)?\s+INTO|UPDATE|DELETE\s+FROM)\s+([a-z_]+)\b/g;
const READ = /\b(?:FROM|JOIN)\s+([a-z_]+)\b/g;
const tablesIn = (text: string, re: RegExp) => new Set([...text.matchAll(re)].map((m) => m[1]!));

describe('one store per table', () => {
  const files = sources('core').map((f) => ({ f, text: readFileSync(join(root, f), 'utf8') }));

  it('every table the migrations create has an owner', () => {
    const created = new Set<string>();
    for (const e of readdirSync(join(root, 'core/db/migrations')))
      if (/^\d+.*\.ts$/.test(e) && !e.endsWith('.test.ts'))
        for (const m of readFileSync(join(root, 'core/db/migrations', e), 'utf8').matchAll(/CREATE TABLE ([a-z_]+)/g))
          created.add(m[1]!);
    created.delete('new_documents'); // migration 012's rebuild of documents, renamed in place
    expect([...created].sort()).toEqual(Object.keys(OWNERS).sort());
  });

  it('each table is written by its owner alone, and read elsewhere only in the listed joins', () => {
    const wrong: string[] = [];
    for (const { f, text } of files) {
      for (const t of tablesIn(text, WRITE)) if (t in OWNERS && OWNERS[t] !== f) wrong.push(`${f} writes ${t}`);
      for (const t of tablesIn(text, READ))
        if (t in OWNERS && OWNERS[t] !== f && !JOINS[f]?.includes(t)) wrong.push(`${f} reads ${t}`);
    }
    expect(wrong).toEqual([]);
  });

  it('only the stores hold the database; services are handed stores', () => {
    const stores = new Set(Object.values(OWNERS));
    const holders = files
      .filter(({ text }) => /from 'better-sqlite3-multiple-ciphers'/.test(text))
      .map(({ f }) => f)
      .filter((f) => !stores.has(f) && !DATABASE_HOLDERS.has(f));
    expect(holders).toEqual([]);
  });
});
