import type { Migration } from '../../../protocol/runtime/migrate.ts';

// How a slot was signed (issue #20): 签名, 捺指印 or 盖章, the capture (pad, camera, photo), for
// which organisation, in what position and on what authority (法定代表人 / 受委托人 with the
// 授权委托书 as evidence) — signatures.how_json, bound into the record's binding (format 2). NULL
// for records made before: they verify and print exactly as they always did. The immutability
// trigger is rebuilt to cover the new column too.
export const migration013: Migration = {
  version: 13,
  name: 'how a slot was signed',
  up: (db) => {
    db.exec(`
      ALTER TABLE signatures ADD COLUMN how_json TEXT CHECK (how_json IS NULL OR json_valid(how_json));
      DROP TRIGGER signatures_only_discard;
      CREATE TRIGGER signatures_only_discard BEFORE UPDATE ON signatures
      WHEN OLD.discarded_at IS NOT NULL OR NEW.discarded_at IS NULL
        OR NEW.id IS NOT OLD.id OR NEW.document_id IS NOT OLD.document_id OR NEW.ceremony_id IS NOT OLD.ceremony_id
        OR NEW.slot_id IS NOT OLD.slot_id OR NEW.page IS NOT OLD.page OR NEW.page_count IS NOT OLD.page_count
        OR NEW.status IS NOT OLD.status OR NEW.role IS NOT OLD.role OR NEW.signer_name IS NOT OLD.signer_name
        OR NEW.signer_id_number IS NOT OLD.signer_id_number OR NEW.officer_id IS NOT OLD.officer_id
        OR NEW.signed_at IS NOT OLD.signed_at OR NEW.doc_sha256 IS NOT OLD.doc_sha256 OR NEW.doc_sm3 IS NOT OLD.doc_sm3
        OR NEW.image_png IS NOT OLD.image_png OR NEW.image_sha256 IS NOT OLD.image_sha256
        OR NEW.strokes_json IS NOT OLD.strokes_json OR NEW.strokes_sha256 IS NOT OLD.strokes_sha256
        OR NEW.reason IS NOT OLD.reason OR NEW.confirmed_by IS NOT OLD.confirmed_by
        OR NEW.witness_signature_id IS NOT OLD.witness_signature_id
        OR NEW.binding_sha256 IS NOT OLD.binding_sha256 OR NEW.binding_sm3 IS NOT OLD.binding_sm3
        OR NEW.how_json IS NOT OLD.how_json
      BEGIN SELECT RAISE(ABORT, 'a signature can only be discarded, once'); END;
    `);
  },
};
