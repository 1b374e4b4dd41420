// sign-capture-roundtrip: from pen-up to the signature stored and bound — the signing.sign call
// as the renderer makes it, through the web shell (HTTP, validation, the document re-hashed and
// checked against its frozen hash, binding, one transaction, the new signing state back), for a
// 20-page 询问笔录 signed page by page. Reference: a bare SQLite INSERT of the same image and
// stroke bytes with the same durability (WAL, synchronous=FULL), same run.
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { syntheticSignature } from '../scripts/demo-signatures.ts';
import { startShell } from '../tests/e2e/support/web-shell-process.ts';
import { BENCH_OFFICERS, dataFolderWithInquiry } from './fixtures.ts';
import { median, result, type Benchmark } from './harness.ts';

export const signCaptureRoundtrip: Benchmark = {
  name: 'sign-capture-roundtrip',
  description: 'sign each page of a 20-page 询问笔录 through the web shell (pen-up → stored and bound)',
  async run() {
    const fx = await dataFolderWithInquiry(106);
    const shell = await startShell(fx.dir);
    const url = new URL(shell.url);
    const token = url.hash.replace('#token=', '');
    const call = async (name: string, arg: unknown) => {
      const r = await fetch(`${url.origin}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-token': token }, body: JSON.stringify(arg) });
      const j = (await r.json()) as { ok: boolean; value: Record<string, unknown>; error?: { message: string } };
      if (!j.ok) throw new Error(`${name}: ${j.error?.message}`);
      return j.value;
    };
    const times: number[] = [];
    const payloads: { png: Buffer; strokes: string }[] = [];
    try {
      // The device starts locked: the first officer unlocks it (which signs them in), the second signs in.
      const [first, second] = BENCH_OFFICERS;
      await call('lock.unlock', { certNo: first!.certNo, password: first!.password });
      await call('session.signIn', { certNo: second!.certNo, password: second!.password });
      await call('documents.markReady', { id: fx.docId });
      const { ceremonyId } = (await call('signing.start', { documentId: fx.docId, recording: false, noRecordingReason: '基准测试，未录像' })) as { ceremonyId: string };
      const state = (await call('signing.state', { id: fx.docId })) as { required: { slotId: string; page: number | null; officerId: string | null }[] };
      const pages = state.required.filter((s) => s.slotId === 'interviewee' && s.page !== null);
      for (const [i, slot] of pages.entries()) {
        const sig = syntheticSignature('张𠮷㵘', i + 1);
        const body = { ceremonyId, slotId: slot.slotId, page: slot.page, signerName: '张𠮷㵘', imagePngBase64: sig.png.toString('base64'), strokes: sig.strokes };
        payloads.push({ png: sig.png, strokes: JSON.stringify(sig.strokes) });
        const t0 = performance.now();
        await call('signing.sign', body);
        times.push(performance.now() - t0);
      }
    } finally {
      await shell.stop();
      rmSync(fx.dir, { recursive: true, force: true });
    }
    // Reference: the same bytes inserted into a bare table, same pragmas, same disk.
    const refDir = mkdtempSync(join(tmpdir(), 'bench-sign-'));
    const db = new Database(join(refDir, 'bare.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE s (id INTEGER PRIMARY KEY, image BLOB, strokes TEXT)');
    const insert = db.prepare('INSERT INTO s (image, strokes) VALUES (?, ?)');
    const ref: number[] = [];
    for (const p of payloads) {
      const t0 = performance.now();
      insert.run(p.png, p.strokes);
      ref.push(performance.now() - t0);
    }
    db.close();
    rmSync(refDir, { recursive: true, force: true });
    console.log(`  (${times.length} page signatures)`);
    return [result('sign-capture-roundtrip', 'ms', median(times), 'a bare SQLite INSERT of the same bytes (WAL, synchronous=FULL)', median(ref))];
  },
};
