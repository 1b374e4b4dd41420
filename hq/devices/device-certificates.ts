// HQ's certification of its devices (docs/SEAL-FORMAT.md, "The trust chain"): one certificate per
// device, signed with HQ's root keys (SM2 and Ed25519) over the device's id, office, public keys,
// validity and case-number prefix — issued at enrollment, or at the first sync of a device enrolled
// before certificates existed — and a status statement (not revoked as of now) signed at each sync.
// The device carries both in every bundle and seal folder (trust/), so that a verifier can tie the
// keys that signed a seal to the office's published root fingerprint.
import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import {
  CERT_FORMAT,
  CERT_VALIDITY_MS,
  ed25519KeyId,
  fingerprint,
  rootDocument,
  sm2KeyId,
  STATUS_FORMAT,
  type DeviceCertificate,
  type DeviceStatus,
  type SignedDoc,
} from '../../protocol/trust/trust-format.ts';
import type { HqDb } from '../db/hq-database.ts';
import type { HqIdentity } from '../hq-identity.ts';
import type { DeviceRow } from './device-row.ts';

export class DeviceCertificates {
  private readonly db: HqDb;
  private readonly identity: HqIdentity;
  private readonly now: () => Date;
  constructor(db: HqDb, identity: HqIdentity, now: () => Date) {
    this.db = db;
    this.identity = identity;
    this.now = now;
  }

  /** HQ's root public keys as a verifier gets them (trust/hq-root.json). */
  rootText(): string {
    return rootDocument(this.identity.keys());
  }

  /** The short fingerprint an office publishes (npm run hq -- fingerprint, the staff page). */
  fingerprint(): string {
    return fingerprint(this.rootText());
  }

  /** The device's certificate: the one issued before, or a new one (inside `trx` when given). */
  /**
   * `keysCreatedAt`: when the device made its keys, as it declares (the start of validity, so that
   * seals made before enrollment — offline, at the office — are covered; never later than HQ's
   * registration). The device's clock, as every seal's time is: HQ's receipts bound them from above.
   */
  async certificateFor(d: DeviceRow, keysCreatedAt: string, trx?: HqDb): Promise<SignedDoc> {
    const db = trx ?? this.db;
    const held = await db
      .selectFrom('device_certificates')
      .selectAll()
      .where('device_id', '=', d.device_id)
      .executeTakeFirst();
    if (held) return { json: held.json, sm2: held.sm2, ed25519: held.ed25519 };
    const k = this.identity.keys();
    const declared = Date.parse(keysCreatedAt);
    const registered = Date.parse(d.enrolled_at);
    const notBefore = new Date(
      Number.isFinite(declared) && declared < registered ? declared : registered,
    ).toISOString();
    const cert: DeviceCertificate = {
      format: CERT_FORMAT,
      serial: randomUUID(),
      hqId: k.hqId,
      hqKeyIds: { sm2: sm2KeyId(k.sm2PublicKey), ed25519: ed25519KeyId(k.ed25519PublicKeyPem) },
      deviceId: d.device_id,
      deviceName: d.name,
      office: d.agency_name,
      casePrefix: d.case_prefix,
      sm2PublicKey: d.sm2_public,
      ed25519PublicKeyPem: d.ed25519_public_pem,
      notBefore,
      notAfter: new Date(registered + CERT_VALIDITY_MS).toISOString(),
      issuedAt: this.now().toISOString(),
    };
    const signed = { json: canonicalJson(cert), ...this.identity.signJson(cert) };
    await db
      .insertInto('device_certificates')
      .values({ device_id: d.device_id, serial: cert.serial, ...signed, issued_at: cert.issuedAt })
      // Two syncs at once for a device without one: the first certificate stands.
      .onConflict((oc) => oc.column('device_id').doNothing())
      .execute();
    if (trx) return signed;
    return this.certificateFor(d, keysCreatedAt);
  }

  /** HQ's statement of the device's status as of now, for its certificate. */
  status(d: DeviceRow, certificate: SignedDoc): SignedDoc {
    const cert = JSON.parse(certificate.json) as DeviceCertificate;
    const st: DeviceStatus = {
      format: STATUS_FORMAT,
      hqId: this.identity.keys().hqId,
      deviceId: d.device_id,
      certSerial: cert.serial,
      status: d.revoked_at ? 'revoked' : 'good',
      revokedAt: d.revoked_at,
      asOf: this.now().toISOString(),
    };
    return { json: canonicalJson(st), ...this.identity.signJson(st) };
  }
}
