// A seal as the seals table holds it (written by seal-store.ts only): the payload exactly as
// signed, both signatures, the chain link. Its own module, so that readers of seals (the receipts'
// outbox, the bundle, sync) need not import the sealing service.
export interface SealRow {
  seq: number;
  document_id: string;
  payload: string;
  hash_sha256: string;
  hash_sm3: string;
  prev_hash: string;
  sm2_signature: string;
  ed25519_signature: string;
  sealed_at: string;
}
