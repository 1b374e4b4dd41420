// A device as HQ records it (table devices): apart from the registry so that the certificates
// module can name it without importing the registry that uses it.
export interface DeviceRow {
  device_id: string;
  name: string;
  agency_name: string;
  sm2_public: string;
  ed25519_public_pem: string;
  case_prefix: string;
  enrolled_at: string;
  revoked_at: string | null;
  revoke_reason: string | null;
  last_seen_at: string | null;
  last_sync_at: string | null;
  office_id: string | null;
}
