// The sealed bundle's format (docs/SEAL-FORMAT.md, "The sealed bundle"): its name, the members it
// may hold and what vouches for each, and the manifest. Written by the device
// (core/bundle/export-bundle.ts), checked by every reader (verify-bundle.ts, tools/verify-py/).
import { z } from 'zod';
import { Hex64 } from '../seal/seal-schema.ts';

export const BUNDLE_FORMAT = 'wangxin-field-bundle/2';

export const MANIFEST = 'manifest.json';
export const MANIFEST_SM2 = 'manifest.sm2.der';
export const MANIFEST_ED25519 = 'manifest.ed25519.sig';
export const DEVICE_SM2 = 'device-sm2.pem';
export const DEVICE_ED25519 = 'device-ed25519.pem';
export const AUDIT = 'audit.json';
export const CASES = 'cases.json';
export const SEAL_FILES = ['seal.json', 'seal.sm2.der', 'seal.ed25519.sig', 'document.json'] as const;
export const sealMember = (seq: number, file: (typeof SEAL_FILES)[number]) => `seals/${seq}/${file}`;
export const signatureMember = (id: string, part: 'json' | 'png' | 'strokes') =>
  `signatures/${id}.${part === 'strokes' ? 'strokes.json' : part}`;
export const evidenceMember = (sha256: string) => `evidence/${sha256}`;
export const printMember = (seq: number) => `print/${seq}.json`;

/**
 * What a member is, by its name, and so what vouches for it:
 * - `manifest`: manifest.json and its two signatures (the only members the manifest does not list);
 * - `device-key`: the device's public keys (equal to the keys in every seal);
 * - `seal`: seals/N/… (N the seal's signed number), signed by the device;
 * - `signature`: signatures/ID.… of a signature a bundled seal lists (its binding is in the seal);
 * - `evidence`: evidence/SHA256 of a file a bundled seal lists;
 * - `audit`: the audit log, pinned by each seal's auditHead up to it, and by the manifest signature;
 * - `print`, `cases`: HQ's print input for a bundled seal and the cases' summaries (the offline
 *   outbox), vouched for by the manifest's signature alone;
 * - `trust`: trust/… — HQ's certification of the device (protocol/trust/trust-format.ts): HQ's root
 *   keys, the device certificate, the device's status, and HQ's receipt for a bundled seal N
 *   (`receipt` set), each signed by HQ; listed in the manifest like any member.
 */
export type MemberClass =
  | { kind: 'manifest' }
  | { kind: 'device-key' }
  | { kind: 'seal'; seq: number }
  | { kind: 'signature'; id: string; part: 'json' | 'png' | 'strokes' }
  | { kind: 'evidence'; sha256: string }
  | { kind: 'audit' }
  | { kind: 'print'; seq: number }
  | { kind: 'cases' }
  | { kind: 'trust'; receipt: number | null }
  | { kind: 'unknown' };

const SEQ = '([1-9][0-9]{0,8})';

export function classify(name: string): MemberClass {
  if (name === MANIFEST || name === MANIFEST_SM2 || name === MANIFEST_ED25519) return { kind: 'manifest' };
  if (name === DEVICE_SM2 || name === DEVICE_ED25519) return { kind: 'device-key' };
  if (name === AUDIT) return { kind: 'audit' };
  if (name === CASES) return { kind: 'cases' };
  let m = new RegExp(`^seals/${SEQ}/(seal\\.json|seal\\.sm2\\.der|seal\\.ed25519\\.sig|document\\.json)$`).exec(name);
  if (m) return { kind: 'seal', seq: Number(m[1]) };
  m = /^signatures\/([a-z0-9][a-z0-9-]*)\.(json|png|strokes\.json)$/.exec(name);
  if (m) return { kind: 'signature', id: m[1]!, part: m[2] === 'strokes.json' ? 'strokes' : (m[2] as 'json' | 'png') };
  m = /^evidence\/([0-9a-f]{64})$/.exec(name);
  if (m) return { kind: 'evidence', sha256: m[1]! };
  m = new RegExp(`^print/${SEQ}\\.json$`).exec(name);
  if (m) return { kind: 'print', seq: Number(m[1]) };
  if (name === 'trust/hq-root.json' || /^trust\/(device-cert|status)\.(json|sm2\.der|ed25519\.sig)$/.test(name))
    return { kind: 'trust', receipt: null };
  m = new RegExp(`^trust/receipts/${SEQ}\\.(json|sm2\\.der|ed25519\\.sig)$`).exec(name);
  if (m) return { kind: 'trust', receipt: Number(m[1]) };
  return { kind: 'unknown' };
}

export const ManifestSchema = z
  .object({
    format: z.string(),
    createdAt: z.string(),
    deviceId: z.string(),
    requested: z.array(z.string()),
    seals: z.array(
      z.object({ seq: z.number().int().min(1), documentId: z.string(), sha256: Hex64, sm3: Hex64 }).strict(),
    ),
    files: z.array(z.object({ path: z.string(), sha256: Hex64, size: z.number().int().min(0) }).strict()),
  })
  .strict();

export type Manifest = z.infer<typeof ManifestSchema>;
