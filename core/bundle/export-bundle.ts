// The sealed bundle: one tar file holding everything needed to check one or more sealed documents
// without this program — seals and their signatures, the device's public keys, each document's
// signed form, every signature record with its image and strokes, every evidence file by its
// SHA-256, the audit log, and a manifest with the SHA-256 of every file. docs/SEAL-FORMAT.md.
import { createHash, type Hash } from 'node:crypto';
import { basename } from 'node:path';
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import { signatureMaterial } from '../seals/seal-material.ts';
import { released } from '../sync/free-space.ts';
import type { AppCore } from '../app-core.ts';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import { sm2PublicKeyPem } from '../../protocol/crypto/sm2.ts';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import type { SealRow } from '../seals/seal-store.ts';
import { writeFileAtomicStreaming } from '../../protocol/runtime/write-file-atomic.ts';
import { TarWriter } from '../../protocol/bundle/tar.ts';
import { BUNDLE_FORMAT } from '../../protocol/bundle/bundle-format.ts';
import type { AuditAction } from '../../shared/audit/audit-actions.ts';

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

async function* hashing(chunks: AsyncIterable<Uint8Array>, h: Hash): AsyncGenerator<Uint8Array> {
  for await (const c of chunks) {
    h.update(c);
    yield c;
  }
}

/**
 * `extras`: further files (the outbox bundle adds cases.json and each seal's PDF), listed in the
 * manifest too. `action` names the audit rows: one per case, listing its documents and their seal
 * hashes, committed after the file is complete and before it gets its name — so a bundle never
 * exists without its rows (a crash in between leaves a row and a hidden temporary file).
 */
export async function exportBundle(
  core: AppCore,
  documentIds: string[],
  path: string,
  extras: { name: string; bytes: Uint8Array }[] = [],
  action: { action: AuditAction; detail: string } = { action: 'export-bundle', detail: '导出封存包' },
): Promise<{ path: string; files: number; seals: number[] }> {
  const rows: SealRow[] = documentIds.map((id) => {
    const r = core.db.prepare(`SELECT * FROM seals WHERE document_id = ?`).get(id) as SealRow | undefined;
    if (!r) throw new CoreError('conflict', '只能导出已封存的文书。');
    return r;
  });
  rows.sort((a, b) => a.seq - b.seq);
  const device = core.device.public();
  const files: { path: string; sha256: string; size: number }[] = [];
  await writeFileAtomicStreaming(path, async (fd) => {
    const tar = new TarWriter(fd, core.clock.now());
    const add = (name: string, bytes: Uint8Array) => {
      tar.add(name, bytes);
      files.push({ path: name, sha256: sha256(bytes), size: bytes.length });
    };
    add('device-sm2.pem', Buffer.from(sm2PublicKeyPem(device.sm2PublicKey)));
    add('device-ed25519.pem', Buffer.from(device.ed25519PublicKeyPem));
    const evidence = new Map<string, { sha256: string; size: number; fileName: string }>();
    for (const r of rows) {
      const p = JSON.parse(r.payload) as SealPayload;
      add(`seals/${r.seq}/seal.json`, Buffer.from(r.payload, 'utf8'));
      add(`seals/${r.seq}/seal.sm2.der`, Buffer.from(r.sm2_signature, 'hex'));
      add(`seals/${r.seq}/seal.ed25519.sig`, Buffer.from(r.ed25519_signature, 'hex'));
      add(`seals/${r.seq}/document.json`, Buffer.from(p.document.signedForm, 'utf8'));
      for (const m of signatureMaterial(core, p.document.id)) {
        add(`signatures/${m.id}.json`, Buffer.from(m.record, 'utf8'));
        if (m.image) add(`signatures/${m.id}.png`, m.image);
        if (m.strokes) add(`signatures/${m.id}.strokes.json`, Buffer.from(m.strokes, 'utf8'));
      }
      for (const e of p.evidence)
        if (!evidence.has(e.sha256))
          evidence.set(e.sha256, { sha256: e.sha256, size: e.sizeBytes, fileName: e.fileName });
    }
    const gone = released(core);
    for (const e of evidence.values()) {
      if (gone.has(e.sha256))
        throw new CoreError(
          'conflict',
          `电子数据（SHA-256 ${e.sha256.slice(0, 16)}…）已在取得总部回执后从本机释放，本机不能再导出含它的封存包。请向总部调取。`,
        );
      // Decrypted chunk by authenticated chunk into the tar, hashed on the way: one read. A
      // failure (a damaged chunk names the item) abandons the whole bundle file.
      const changed = () =>
        new CoreError(
          'integrity',
          `电子数据「${e.fileName}」（SHA-256 ${e.sha256}）的内容已与封存时不符，不能导出。请先核验。`,
        );
      if (core.evidence.storedSize(e.sha256, e.fileName) !== e.size) throw changed();
      const h = createHash('sha256');
      await tar.addChunks(`evidence/${e.sha256}`, e.size, hashing(core.evidence.readStored(e.sha256, e.fileName), h));
      if (h.digest('hex') !== e.sha256) throw changed();
      files.push({ path: `evidence/${e.sha256}`, sha256: e.sha256, size: e.size });
    }
    for (const x of extras) add(x.name, x.bytes);
    add('audit.json', Buffer.from(canonicalJson(core.audit.rows()), 'utf8'));
    // `requested`: the documents the officer chose, so that a verifier can tell a seal left out on
    // purpose (reported as not included) from one taken out of the bundle afterwards.
    const manifest = {
      format: BUNDLE_FORMAT,
      createdAt: core.clock.now().toISOString(),
      deviceId: device.deviceId,
      requested: [...documentIds],
      seals: rows.map((r) => ({ seq: r.seq, documentId: r.document_id, sha256: r.hash_sha256, sm3: r.hash_sm3 })),
      files,
    };
    tar.add('manifest.json', Buffer.from(canonicalJson(manifest), 'utf8'));
    tar.end();
    const officerIds = core.session.signedInIds();
    const byCase = new Map<string, string[]>();
    for (const r of rows) {
      const caseId = (JSON.parse(r.payload) as SealPayload).document.caseId;
      byCase.set(caseId, [...(byCase.get(caseId) ?? []), r.document_id, r.hash_sha256]);
    }
    core.db.transaction(() => {
      for (const [caseId, targets] of byCase)
        core.audit.append({
          action: action.action,
          officerIds,
          caseId,
          targets,
          detail: `${action.detail}：${basename(path)}（封存${rows.map((r) => r.seq).join('、')}）`,
        });
    })();
  });
  return { path, files: files.length + 1, seals: rows.map((r) => r.seq) };
}
