// The device hash chain and each seal's own integrity (docs/SEAL-FORMAT.md): continuity, each
// seal's hash, its SM2 and Ed25519 signatures — on the seal records alone.
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import { ed25519Verify } from '../crypto/ed25519.ts';
import { sm2Verify } from '../crypto/sm2.ts';
import { dualHash } from './document-hash.ts';
import { SEAL_GENESIS, type SealPayload } from './seal-payload.ts';

/** A seal as the device keeps it and a bundle carries it: the signed text, its hashes, its link and signatures. */
export interface SealRecord {
  seq: number;
  payload: string;
  hash_sha256: string;
  hash_sm3: string;
  prev_hash: string;
  sm2_signature: string;
  ed25519_signature: string;
}

export interface ChainDevice {
  device_id: string;
  sm2_public: string;
  ed25519_public_pem: string;
}

export interface SealRowsCheck {
  chain: string[];
  perSeal: Map<number, { problems: string[]; payload: SealPayload | null }>;
}

/** The chain and each seal's own integrity: pure, on the rows alone (also used by the benchmark). */
export function verifySealRows(seals: SealRecord[], device: ChainDevice | undefined): SealRowsCheck {
  const perSeal = new Map<number, { problems: string[]; payload: SealPayload | null }>();
  for (const s of seals) perSeal.set(s.seq, checkSealRow(s, device));
  return { chain: chainProblems(seals), perSeal };
}

/** Continuity: numbered 1, 2, 3… and each seal linked to the one before. Sequential, and cheap. */
export function chainProblems(seals: SealRecord[]): string[] {
  const chain: string[] = [];
  let prev = SEAL_GENESIS;
  seals.forEach((s, i) => {
    if (s.seq !== i + 1) chain.push(`封存序号不连续：第${i + 1}个封存的序号为${s.seq}（中间的封存被删除或顺序被改动）`);
    if (s.prev_hash !== prev) chain.push(`封存${s.seq}的前一封存校验值与链上前一个不符（封存被删除、插入或调换）`);
    prev = s.hash_sha256;
  });
  return chain;
}

/** One seal on its own: canonical text, its hashes, its number and link, the device's keys, both signatures. */
export function checkSealRow(
  s: SealRecord,
  device: ChainDevice | undefined,
): { problems: string[]; payload: SealPayload | null } {
  const problems: string[] = [];
  let p: SealPayload | null = null;
  try {
    p = JSON.parse(s.payload) as SealPayload;
    if (canonicalJson(p) !== s.payload) problems.push('封存内容不是规范化JSON（RFC 8785）');
  } catch {
    problems.push('封存内容无法解析');
  }
  const h = dualHash(s.payload);
  if (h.sha256 !== s.hash_sha256 || h.sm3 !== s.hash_sm3) problems.push('封存内容与其校验值不符（封存内容被改动）');
  if (p) {
    if (p.device.seq !== s.seq || p.device.prev !== s.prev_hash)
      problems.push('封存内容中的序号或前一封存校验值与链不符');
    if (
      device &&
      (p.device.sm2PublicKey !== device.sm2_public ||
        p.device.ed25519PublicKeyPem !== device.ed25519_public_pem ||
        p.device.id !== device.device_id)
    )
      problems.push('封存所用密钥不是本机密钥');
    const bytes = new TextEncoder().encode(s.payload);
    if (!sm2Verify(bytes, s.sm2_signature, p.device.sm2PublicKey)) problems.push('SM2签名无效');
    if (!ed25519Verify(bytes, s.ed25519_signature, p.device.ed25519PublicKeyPem)) problems.push('Ed25519签名无效');
  }
  return { problems, payload: p };
}

/** The problems of each seal of a slice, in order (what a worker thread of seal-chain-parallel.ts runs). */
export function checkSealRowProblems(seals: SealRecord[], device: ChainDevice | undefined): string[][] {
  return seals.map((s) => checkSealRow(s, device).problems);
}
