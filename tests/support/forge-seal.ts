// Seals re-made by a second device with its own keys (tests/integration/hq-attacker.test.ts forges
// them to attack HQ; hq/offices/offices.test.ts uses them to give devices of other offices sealed
// documents without a device core each): a real device's seal package, its ids replaced, signature
// records rebound, signed with the other device's keys.
import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import { ed25519Sign } from '../../protocol/crypto/ed25519.ts';
import { sm2Sign } from '../../protocol/crypto/sm2.ts';
import { dualHash } from '../../protocol/seal/document-hash.ts';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import { binding } from '../../protocol/seal/signature-binding.ts';
import { API, type SealPackage } from '../../protocol/sync/protocol.ts';
import type { OwnedKind } from '../../hq/db/schema.ts';
import { enrolledDeviceAt, type TestDevice } from './hq-fixture.ts';
import type { TestCore } from './core-fixture.ts';
import { SEAL_GENESIS } from '../../protocol/seal/seal-payload.ts';

/** A device that forges seals: its keys, its next sequence number and the hash its next seal links to. */
export interface Forger {
  d: TestDevice;
  seq: number;
  prev: string;
}

/**
 * Device A's seal re-made by `f`: its own device fields, sequence and link; every id A chose
 * replaced by a fresh one except those of kind `keep` ('all': A's ids throughout), or the document
 * id `documentId` when given; signature records rebound to the new ids; signed with f's keys.
 */
export function forge(
  pkg: SealPackage,
  f: Forger,
  keep: OwnedKind | 'none' | 'all',
  documentId?: string,
  partyName = '冒名顶替的当事人',
  /** Changes to the payload before it is signed (a case id shared by several seals, a sealing time). */
  edit: (p: SealPayload) => void = () => {},
): SealPackage {
  const p = JSON.parse(pkg.seal.payload) as SealPayload;
  const fresh = new Map<string, string>();
  const id = (kind: OwnedKind, old: string) => {
    if (keep === 'all' || keep === kind) return old;
    if (!fresh.has(old)) fresh.set(old, randomUUID());
    return fresh.get(old)!;
  };
  const idOrNull = (kind: OwnedKind, old: string | null) => (old === null ? null : id(kind, old));
  p.device = {
    id: f.d.deviceId,
    seq: f.seq,
    prev: f.prev,
    sm2PublicKey: f.d.sm2.publicKey,
    ed25519PublicKeyPem: f.d.ed25519.publicKeyPem,
  };
  p.document.id = documentId ?? id('document', p.document.id);
  p.document.caseId = id('case', p.document.caseId);
  p.evidence = p.evidence.map((e) => ({ ...e, id: id('evidence', e.id) }));
  p.officers = p.officers.map((o) => ({ ...o, id: id('officer', o.id) }));
  p.corrects = null;
  const records: SealPackage['signatures'] = [];
  p.signatures = p.signatures.map((s) => {
    const sent = pkg.signatures.find((r) => r.id === s.id)!;
    const r = JSON.parse(sent.record) as Record<string, unknown>;
    const renamed = {
      ...r,
      id: id('signature', s.id),
      documentId: p.document.id,
      officerId: idOrNull('officer', s.officerId),
      witnessSignatureId: idOrNull('signature', s.witnessSignatureId),
    };
    const { bindingSha256: _a, bindingSm3: _b, ...bound } = renamed as Record<string, unknown>;
    const b = binding(bound as unknown as Parameters<typeof binding>[0]);
    records.push({
      ...sent,
      id: renamed.id,
      record: JSON.stringify({ ...renamed, bindingSha256: b.sha256, bindingSm3: b.sm3 }),
    });
    return {
      ...s,
      id: renamed.id,
      officerId: renamed.officerId,
      witnessSignatureId: renamed.witnessSignatureId,
      recordingEvidenceId: idOrNull('evidence', s.recordingEvidenceId),
      bindingSha256: b.sha256,
      bindingSm3: b.sm3,
    };
  });
  edit(p);
  const text = canonicalJson(p);
  const bytes = new TextEncoder().encode(text);
  return {
    ...pkg,
    seal: {
      seq: f.seq,
      payload: text,
      sm2Signature: sm2Sign(bytes, f.d.sm2.privateKey, f.d.sm2.publicKey),
      ed25519Signature: ed25519Sign(bytes, f.d.ed25519.privateKeyPem),
    },
    signatures: records,
    case: { ...pkg.case, id: p.document.caseId, partyName },
  };
}

/** Sends a forged seal; on acceptance the forger's chain moves on. */
export async function commit(
  f: Forger,
  pkg: SealPackage,
): Promise<{ status: number; json: Record<string, unknown> | null }> {
  const r = await f.d.send('POST', `${API}/seals`, pkg);
  if (r.status === 200) {
    f.seq++;
    f.prev = dualHash(pkg.seal.payload).sha256;
  }
  return r;
}

/** A device core's seals as its sync sends them (seal package each), in chain order. */
export function sealPackages(t: TestCore): SealPackage[] {
  return t.core.seals
    .rows()
    .map((row) => t.core.sync.packageFor(row, JSON.parse(row.payload) as never))
    .reverse();
}

/** A second device enrolled at the HQ serving `url` with `code`, before its first seal. */
export async function forgerAt(url: string, code: string, deviceName: string): Promise<Forger> {
  return { d: await enrolledDeviceAt(url, code, deviceName), seq: 1, prev: SEAL_GENESIS };
}
