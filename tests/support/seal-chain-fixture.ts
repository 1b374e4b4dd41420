// A genuine chain of seal rows (real SM2 and Ed25519 signatures over seal-shaped canonical payloads)
// and a tampered copy of it for each way a chain is attacked: for the parallel verifier's tests.
import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import { ed25519KeyPair, ed25519Sign } from '../../protocol/crypto/ed25519.ts';
import { sm2KeyPair, sm2Sign } from '../../protocol/crypto/sm2.ts';
import { dualHash } from '../../protocol/seal/document-hash.ts';
import { SEAL_GENESIS } from '../../protocol/seal/seal-payload.ts';
import type { ChainDevice, SealRecord } from '../../protocol/seal/seal-chain.ts';

const enc = new TextEncoder();

export function sealChain(n: number): { device: ChainDevice; rows: SealRecord[]; sign: (text: string) => SealRecord } {
  const sm2 = sm2KeyPair();
  const ed = ed25519KeyPair();
  const device = { device_id: randomUUID(), sm2_public: sm2.publicKey, ed25519_public_pem: ed.publicKeyPem };
  const sign = (payload: string, seq = 0, prev = ''): SealRecord => {
    const h = dualHash(payload);
    const bytes = enc.encode(payload);
    return {
      seq,
      payload,
      hash_sha256: h.sha256,
      hash_sm3: h.sm3,
      prev_hash: prev,
      sm2_signature: sm2Sign(bytes, sm2.privateKey, sm2.publicKey),
      ed25519_signature: ed25519Sign(bytes, ed.privateKeyPem),
    };
  };
  const rows: SealRecord[] = [];
  let prev = SEAL_GENESIS;
  for (let seq = 1; seq <= n; seq++) {
    const payload = canonicalJson({
      format: 'wangxin-field-seal/1',
      device: {
        id: device.device_id,
        seq,
        prev,
        sm2PublicKey: device.sm2_public,
        ed25519PublicKeyPem: device.ed25519_public_pem,
      },
      document: { docNo: `网信案询〔2026〕${seq}号`, text: '询问笔录：问：你是否知道…答：知道。张𠮷㵘 "引号" \\ \n' },
    });
    rows.push(sign(payload, seq, prev));
    prev = rows.at(-1)!.hash_sha256;
  }
  return { device, rows, sign: (text) => sign(text) };
}

/** One tampered copy of the chain per attack, by name. */
export function tamperedChains(n = 12): { device: ChainDevice; cases: Map<string, SealRecord[]> } {
  const { device, rows, sign } = sealChain(n);
  const copy = () => rows.map((r) => ({ ...r }));
  const cases = new Map<string, SealRecord[]>();
  const edit = (name: string, f: (rs: SealRecord[]) => void) => {
    const rs = copy();
    f(rs);
    cases.set(name, rs);
  };
  edit('genuine', () => {});
  edit('payload-char', (rs) => (rs[3]!.payload = rs[3]!.payload.replace('知道。', '不知')));
  edit('hash-sm3', (rs) => (rs[4]!.hash_sm3 = 'f'.repeat(64)));
  edit(
    'sm2-signature',
    (rs) => (rs[5]!.sm2_signature = rs[5]!.sm2_signature.replace(/.$/, (c) => (c === '0' ? '1' : '0'))),
  );
  edit('ed25519-signature', (rs) => (rs[6]!.ed25519_signature = '00'.repeat(64)));
  edit('removed', (rs) => rs.splice(2, 1));
  edit('reordered', (rs) => rs.splice(1, 2, rs[2]!, rs[1]!));
  edit('duplicated', (rs) => rs.splice(3, 0, { ...rs[3]! }));
  edit('not-canonical', (rs) => {
    // Re-signed, so that only the form is wrong: spaces after the colons.
    const text = rs[7]!.payload.replace(/":/g, '": ');
    rs[7] = { ...sign(text), seq: rs[7]!.seq, prev_hash: rs[7]!.prev_hash, hash_sha256: dualHash(text).sha256 };
  });
  edit('unparsable', (rs) => (rs[8]!.payload = rs[8]!.payload.slice(0, -1)));
  edit('float', (rs) => (rs[9]!.payload = rs[9]!.payload.replace(`"seq":${rs[9]!.seq},`, `"seq":${rs[9]!.seq}.5,`)));
  edit('other-device', (rs) => {
    const other = sealChain(1);
    rs[10] = { ...other.rows[0]!, seq: rs[10]!.seq, prev_hash: rs[10]!.prev_hash };
  });
  return { device, cases };
}
