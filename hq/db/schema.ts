// HQ's tables as Kysely sees them: one schema for both engines (hq/db/migrations.ts makes it).
// Times are ISO-8601 text (they compare as text the same way in SQLite and PostgreSQL); counts,
// sizes and sequence numbers are integers (BIGINT on PostgreSQL, read back as numbers by
// hq/db/hq-database.ts); images are BLOB / BYTEA.
import type { Generated } from 'kysely';

export type FlagKind = 'conflict' | 'gap' | 'chain' | 'verification' | 'revoked' | 'ownership';

/** The kinds of id a device chooses and HQ records the owner of (table record_owners). */
export type OwnedKind = 'document' | 'case' | 'evidence' | 'officer' | 'signature';

export type OfficeLevel = 'province' | 'city' | 'district';
/** 管理员 (devices, codes, staff), 审核 (cases and documents), 只读. */
export type StaffRole = 'admin' | 'reviewer' | 'readonly';

export interface HqTables {
  offices: {
    id: string;
    name: string;
    level: OfficeLevel;
    parent_id: string | null;
    /** The ids from the root down to this office, each followed by '/' (hq/db/scope.ts). */
    path: string;
    created_at: string;
  };
  staff_roles: { admin_id: string; office_id: string; role: StaffRole; granted_by: string; granted_at: string };
  access_log: {
    id: Generated<number>;
    at: string;
    admin_id: string;
    username: string;
    office_id: string;
    action: string;
    case_id: string | null;
    document_id: string | null;
    detail: string;
  };
  hq_identity: {
    singleton: number;
    hq_id: string;
    name: string;
    created_at: string;
    sm2_public: string;
    /** AES-256-GCM under a key derived from HQ's master key (hq/keys/): never plaintext. */
    sm2_private_sealed: string;
    ed25519_public_pem: string;
    ed25519_private_sealed: string;
  };
  hq_counters: { name: string; value: number };
  admins: {
    id: string;
    username: string;
    password_hash: string;
    created_at: string;
    failed: Generated<number>;
    locked_until: string | null;
  };
  admin_sessions: { token_sha256: string; admin_id: string; created_at: string; expires_at: string };
  enrollment_codes: {
    id: string;
    code: string;
    note: string;
    case_prefix: string;
    created_by: string;
    created_at: string;
    expires_at: string;
    used_at: string | null;
    device_id: string | null;
    office_id: string | null;
  };
  devices: {
    device_id: string;
    name: string;
    agency_name: string;
    sm2_public: string;
    ed25519_public_pem: string;
    case_prefix: string;
    enrolled_at: string;
    code_id: string;
    revoked_at: string | null;
    revoked_by: string | null;
    revoke_reason: string | null;
    last_seen_at: string | null;
    last_sync_at: string | null;
    office_id: string | null;
  };
  blobs: { sha256: string; sm3: string; size: number; stored_at: string };
  /** HQ's signed certificate of each device's keys (migration 002_trust). */
  device_certificates: {
    device_id: string;
    serial: string;
    json: string;
    sm2: string;
    ed25519: string;
    issued_at: string;
  };
  /** Enrollment requests' nonces, so that a captured request cannot be replayed. */
  enrollment_nonces: { nonce: string; device_id: string; seen_at: string };
  seals: {
    device_id: string;
    seq: number;
    hq_seq: number;
    document_id: string;
    payload: string;
    hash_sha256: string;
    hash_sm3: string;
    prev_hash: string;
    sm2_signature: string;
    ed25519_signature: string;
    received_at: string;
    via: 'network' | 'bundle';
    receipt: string;
    receipt_ed25519: string;
    receipt_sm2: string;
    print_input: string | null;
  };
  seal_signatures: {
    device_id: string;
    seq: number;
    signature_id: string;
    record: string;
    image_png: Buffer | null;
    strokes: string | null;
  };
  /** Who each seal names as its officers, with the seal's case: the staff search's 执法人员 filter (migration 007_search). */
  seal_officers: {
    device_id: string;
    seq: number;
    officer_id: string;
    case_id: string;
    name: string;
    cert_no: string;
  };
  seal_evidence: {
    device_id: string;
    seq: number;
    evidence_id: string;
    sha256: string;
    file_name: string;
    category: string;
    size: number;
  };
  documents: {
    id: string;
    device_id: string;
    seq: number;
    case_id: string;
    type: string;
    doc_no: string;
    sealed_at: string;
  };
  cases: {
    id: string;
    case_no: string;
    party_name: string;
    matter_name: string;
    status: string;
    device_id: string;
    updated_at: string;
    /** '009_case_summary': the documents HQ holds of the case, kept by ingest (the list's 「文书最多」 and count). */
    document_count: Generated<number>;
    /** '009_case_summary': when the first and the last of them were sealed (ISO, UTC): the 封存日期 filter. */
    first_sealed_at: string | null;
    last_sealed_at: string | null;
  };
  record_owners: { kind: OwnedKind; id: string; device_id: string; first_seq: number; created_at: string };
  flags: {
    id: Generated<number>;
    device_id: string;
    seq: number | null;
    kind: FlagKind;
    detail: string;
    created_at: string;
    resolved_at: string | null;
  };
  reference_data: { kind: string; version: number; issued_at: string; data: string; ed25519: string };
  /** office_id: the office the act concerns; null for HQ-wide acts (shown to the root office's administrators). */
  events: {
    id: Generated<number>;
    at: string;
    actor: string;
    action: string;
    detail: string;
    office_id: string | null;
  };
  /** hq/admin/login-throttle.ts: `key` is a client, or a client and a user name. */
  login_throttle: {
    key: string;
    username: string;
    attempts: number;
    checked: number;
    last_at: string;
    locked_until: string | null;
  };
  request_nonces: { device_id: string; nonce: string; expires_at: string };
  /** '008_deadlines': when each device last reported its open deadlines (hq/deadlines/deadline-store.ts). */
  deadline_reports: { device_id: string; reported_at: string; device_today: string };
  /** A device's open deadlines as last reported (replaced whole by each report). */
  device_deadlines: {
    device_id: string;
    n: number;
    case_id: string;
    case_no: string;
    kind: string;
    label: string;
    due_date: string | null;
    earliest: string | null;
    status: 'overdue' | 'due' | 'uncertain';
    document_id: string | null;
    doc_no: string | null;
  };
}
