// What binds a signature: its record (who, what role, which slot and page, when, for which
// document hash) and the hashes of its image and its strokes, serialised canonically and hashed
// with SHA-256 and SM3. Change one character of the document, one stroke point or one pixel of the
// image and the binding no longer holds.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import type { SignatureHow, SignatureStatus, Strokes } from '../../shared/signatures/signature-api.ts';
import { dualHash, type DocHash } from './document-hash.ts';

export interface BoundFields {
  id: string;
  documentId: string;
  ceremonyId: string;
  slotId: string;
  page: number | null;
  pageCount: number;
  status: SignatureStatus;
  role: string;
  signerName: string;
  signerIdNumber: string;
  officerId: string | null;
  signedAt: string;
  docSha256: string;
  docSm3: string;
  imageSha256: string | null;
  strokesSha256: string | null;
  reason: string;
  confirmedBy: string[];
  witnessSignatureId: string | null;
  /**
   * How it was signed (签名 / 捺指印 / 盖章, for whom, on what authority): records made since
   * format 2 carry it; older ones have none, and canonical JSON leaves an absent key out, so their
   * binding is what it always was.
   */
  how?: SignatureHow;
}

/** A 捺指印 or 盖章 taken with the camera or from a photo is an image without strokes. */
export const imageOnly = (f: Pick<BoundFields, 'how'>) => f.how?.capture === 'camera' || f.how?.capture === 'photo';

export const sha256Hex = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** The canonical text of the strokes, as stored and hashed. */
export const strokesText = (s: Strokes) => canonicalJson(s);

export function binding(f: BoundFields): DocHash {
  return dualHash(canonicalJson({ v: 1, ...f }));
}

/** Checks a stored signature against its image, strokes and the document's current hash. Returns what is wrong (empty: valid). */
export function verifyBinding(
  f: BoundFields & { bindingSha256: string; bindingSm3: string },
  image: Uint8Array | null,
  strokes: string | null,
  doc: DocHash,
): string[] {
  const problems: string[] = [];
  if (f.docSha256 !== doc.sha256 || f.docSm3 !== doc.sm3) problems.push('文书内容与签名时不一致');
  if (f.status === 'signed') {
    if (!image || sha256Hex(image) !== f.imageSha256) problems.push('签名图像与签名时不一致');
    if (
      imageOnly(f) ? strokes !== null || f.strokesSha256 !== null : !strokes || sha256Hex(strokes) !== f.strokesSha256
    )
      problems.push('笔迹数据与签名时不一致');
  }
  const { bindingSha256, bindingSm3, ...fields } = f;
  const b = binding(fields);
  if (b.sha256 !== bindingSha256 || b.sm3 !== bindingSm3) problems.push('签名记录被改动');
  return problems;
}
