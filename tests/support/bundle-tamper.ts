// An attacker's toolkit for sealed bundles, for the tests: a bundle's members as a list, written
// back as a tar (with whatever headers an attacker wants: PAX records, links, any name), the
// manifest recomputed (and re-signed, for someone who holds keys), and a full forgery with fresh
// keys — seals, signature bindings, audit log and manifest all re-made.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { pack, type Header } from 'tar-stream';
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import { readBundleIndex } from '../../protocol/bundle/bundle-index.ts';
import { classify, type Manifest } from '../../protocol/bundle/bundle-format.ts';
import { ed25519KeyPair, ed25519Sign } from '../../protocol/crypto/ed25519.ts';
import { sm2KeyPair, sm2PublicKeyPem, sm2Sign } from '../../protocol/crypto/sm2.ts';
import { auditHash, type AuditRow } from '../../protocol/seal/audit-chain.ts';
import { dualHash } from '../../protocol/seal/document-hash.ts';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import { binding, type BoundFields } from '../../protocol/seal/signature-binding.ts';

export interface Entry {
  name: string;
  bytes: Buffer;
  /** Extra header fields (type, linkname, pax …) for a hostile member. */
  header?: Partial<Header>;
}

export const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** The members of a (well-formed) bundle, in archive order. */
export async function entriesOf(path: string): Promise<Entry[]> {
  const r = await readBundleIndex(path);
  if (!r.ok) throw new Error(`not a readable bundle: ${r.problems.join('; ')}`);
  return [...r.index.members.values()].map((m) => ({
    name: m.name,
    bytes: m.bytes ?? Buffer.concat([...r.index.chunks(m.name)].map((c) => Buffer.from(c))),
  }));
}

/** Where a member's content starts in the file (to flip bytes in place). */
export async function offsetOf(path: string, name: string): Promise<number> {
  const r = await readBundleIndex(path);
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r.index.members.get(name)!.offset;
}

export function flipByte(path: string, at: number): void {
  const b = readFileSync(path);
  b[at] = b[at]! ^ 0x01;
  writeFileSync(path, b);
}

/** Writes the entries as a tar with tar-stream — including any hostile header an entry asks for. */
export async function writeEntries(path: string, entries: Entry[]): Promise<void> {
  const fd = openSync(path, 'w');
  try {
    const tar = pack();
    const out = (async () => {
      for await (const c of tar as AsyncIterable<Uint8Array>) writeSync(fd, c);
    })();
    for (const e of entries)
      await new Promise<void>((resolve, reject) =>
        tar.entry({ name: e.name, mtime: new Date(0), ...e.header }, e.bytes, (err) => (err ? reject(err) : resolve())),
      );
    tar.finalize();
    await out;
  } finally {
    closeSync(fd);
  }
}

export const get = (entries: Entry[], name: string) => entries.find((e) => e.name === name)!;
export const json = <T>(entries: Entry[], name: string) => JSON.parse(get(entries, name).bytes.toString('utf8')) as T;
export function put(entries: Entry[], name: string, bytes: Buffer | string): void {
  const b = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const e = entries.find((x) => x.name === name);
  if (e) e.bytes = b;
  else entries.push({ name, bytes: b });
}

export interface Keys {
  sm2: { publicKey: string; privateKey: string };
  ed25519: { publicKeyPem: string; privateKeyPem: string };
}
export const freshKeys = (): Keys => ({ sm2: sm2KeyPair(), ed25519: ed25519KeyPair() });

export function sign(keys: Keys, bytes: Buffer) {
  return {
    sm2: Buffer.from(sm2Sign(bytes, keys.sm2.privateKey, keys.sm2.publicKey), 'hex'),
    ed25519: Buffer.from(ed25519Sign(bytes, keys.ed25519.privateKeyPem), 'hex'),
  };
}

/** Whoever signs: fresh keys, or (in the tests) the genuine device or HQ through their own code. */
export type Signer = (bytes: Buffer) => { sm2: Buffer; ed25519: Buffer };
export const signerOf =
  (keys: Keys): Signer =>
  (bytes) =>
    sign(keys, bytes);

/** A document signed into trust/ (DOC.json, DOC.sm2.der, DOC.ed25519.sig), replacing what was there. */
export function putSigned(entries: Entry[], doc: string, value: unknown, signer: Signer): void {
  const bytes = Buffer.from(canonicalJson(value), 'utf8');
  const s = signer(bytes);
  put(entries, `trust/${doc}.json`, bytes);
  put(entries, `trust/${doc}.sm2.der`, s.sm2);
  put(entries, `trust/${doc}.ed25519.sig`, s.ed25519);
}

/**
 * The manifest's file list recomputed from the entries (what a tamperer does to keep it
 * consistent) — re-signed if `keys` are given, else with the old (now wrong) signatures.
 */
export function rewriteManifest(
  entries: Entry[],
  change: (m: Manifest) => void = () => {},
  keys?: Keys | Signer,
): void {
  const m = json<Manifest>(entries, 'manifest.json');
  change(m);
  m.files = entries
    .filter((e) => classify(e.name).kind !== 'manifest')
    .map((e) => ({ path: e.name, sha256: sha256(e.bytes), size: e.bytes.length }));
  const bytes = Buffer.from(canonicalJson(m), 'utf8');
  put(entries, 'manifest.json', bytes);
  if (keys) {
    const s = typeof keys === 'function' ? keys(bytes) : sign(keys, bytes);
    put(entries, 'manifest.sm2.der', s.sm2);
    put(entries, 'manifest.ed25519.sig', s.ed25519);
  }
}

/**
 * A forger's bundle: the document of seal `changeSeq` altered (`edit` on its signed form), every
 * signature record of it re-bound, every seal re-made and signed with fresh keys (and, if given,
 * under another device id), the audit log's seal rows pointed at the new seals and the whole log
 * re-hashed, the manifest recomputed and signed. Nothing in it is inconsistent.
 */
export function forge(
  entries: Entry[],
  opts: { changeSeq?: number; edit?: (signedForm: string) => string; deviceId?: string; keys?: Keys } = {},
): Keys {
  const keys = opts.keys ?? freshKeys();
  const manifest = json<Manifest>(entries, 'manifest.json');
  const seals = new Map(manifest.seals.map((s) => [s.seq, json<SealPayload>(entries, `seals/${s.seq}/seal.json`)]));
  // The changed document and its re-bound signatures.
  if (opts.changeSeq !== undefined) {
    const p = seals.get(opts.changeSeq)!;
    const form = opts.edit!(p.document.signedForm);
    const h = dualHash(form);
    Object.assign(p.document, { signedForm: form, sha256: h.sha256, sm3: h.sm3 });
    put(entries, `seals/${opts.changeSeq}/document.json`, form);
    for (const s of p.signatures) {
      const rec = json<BoundFields & { bindingSha256: string; bindingSm3: string }>(entries, `signatures/${s.id}.json`);
      const { bindingSha256: _a, bindingSm3: _b, ...bound } = rec;
      Object.assign(bound, { docSha256: h.sha256, docSm3: h.sm3 });
      const b = binding(bound);
      put(entries, `signatures/${s.id}.json`, canonicalJson({ ...bound, bindingSha256: b.sha256, bindingSm3: b.sm3 }));
      Object.assign(s, { bindingSha256: b.sha256, bindingSm3: b.sm3 });
    }
  }
  // The audit log re-hashed row by row; each seal re-made when its own 'seal' row comes.
  const rows = json<AuditRow[]>(entries, 'audit.json');
  const renamed = new Map<string, string>();
  const newHash = new Map<number, { sha256: string; sm3: string }>();
  const remake = (seq: number) => {
    const p = seals.get(seq)!;
    p.device.sm2PublicKey = keys.sm2.publicKey;
    p.device.ed25519PublicKeyPem = keys.ed25519.publicKeyPem;
    if (opts.deviceId) p.device.id = opts.deviceId;
    if (seq > 1) p.device.prev = newHash.get(seq - 1)?.sha256 ?? p.device.prev;
    if (p.auditHead.seq > 0) p.auditHead.hash = rows[p.auditHead.seq - 1]!.hash;
    const text = canonicalJson(p);
    const h = dualHash(text);
    const old = manifest.seals.find((s) => s.seq === seq)!;
    renamed.set(old.sha256, h.sha256);
    Object.assign(old, { sha256: h.sha256, sm3: h.sm3 });
    newHash.set(seq, h);
    const s = sign(keys, Buffer.from(text, 'utf8'));
    put(entries, `seals/${seq}/seal.json`, text);
    put(entries, `seals/${seq}/seal.sm2.der`, s.sm2);
    put(entries, `seals/${seq}/seal.ed25519.sig`, s.ed25519);
  };
  let prev = '0'.repeat(64);
  for (const r of rows) {
    const m = r.action === 'seal' ? /^seq (\d+)$/.exec(r.detail) : null;
    if (m && seals.has(Number(m[1]))) remake(Number(m[1]));
    r.targets = JSON.stringify((JSON.parse(r.targets) as string[]).map((t) => renamed.get(t) ?? t));
    r.prev_hash = prev;
    r.hash = auditHash(r);
    prev = r.hash;
  }
  for (const seq of seals.keys()) if (!newHash.has(seq)) remake(seq);
  put(entries, 'audit.json', canonicalJson(rows));
  put(entries, 'device-sm2.pem', sm2PublicKeyPem(keys.sm2.publicKey));
  put(entries, 'device-ed25519.pem', keys.ed25519.publicKeyPem);
  rewriteManifest(
    entries,
    (m) => {
      m.seals = manifest.seals;
      if (opts.deviceId) m.deviceId = opts.deviceId;
    },
    keys,
  );
  return keys;
}
