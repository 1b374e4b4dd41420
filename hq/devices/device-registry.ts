// Devices HQ knows: one-time enrollment codes, enrollment (the device proves it holds a code
// without sending it, HQ proves the same back, and the device's two public keys are registered),
// request authentication (each request signed with the device's Ed25519 key over method, path,
// HQ-corrected time and body hash), revocation.
import { randomBytes, randomUUID } from 'node:crypto';
import { ed25519Verify } from '../../protocol/crypto/ed25519.ts';
import {
  enrollmentProof,
  normaliseCode,
  proofMatches,
  REQUEST_WINDOW_MS,
  requestSigningText,
  type EnrollRequestBody,
  type EnrollResponseBody,
  type SignedReference,
} from '../../protocol/sync/protocol.ts';
import type { HqDb } from '../db/hq-database.ts';
import { mayAt, officesInScope, type Viewer } from '../db/scope.ts';
import { beijingTime, type EventLog } from '../events.ts';
import { fail } from '../hq-failure.ts';
import type { HqIdentity } from '../hq-identity.ts';
import type { RegisteredDevice } from '../ingest/verify-package.ts';

// Unambiguous characters (no 0/O, 1/I/L): 16 of them give 80 bits, typed in four groups.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_TTL_MS = 24 * 3600_000;

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

/** Who makes a code: the command line (any office), or a 管理员 of the office or one above it. */
export type CodeIssuer = Viewer | 'command-line' | 'test';

export class DeviceRegistry {
  private readonly db: HqDb;
  private readonly now: () => Date;
  private readonly identity: HqIdentity;
  private readonly log: EventLog;
  private readonly reference: () => Promise<SignedReference[]>;
  constructor(
    db: HqDb,
    now: () => Date,
    identity: HqIdentity,
    log: EventLog,
    reference: () => Promise<SignedReference[]>,
  ) {
    this.reference = reference;
    this.db = db;
    this.now = now;
    this.identity = identity;
    this.log = log;
  }

  /**
   * A one-time enrollment code for a device of `officeId` (the root office when not given). A staff
   * member needs the 管理员 role at that office or one above it (a 只读 or 审核 user is refused).
   */
  async createCode(
    by: CodeIssuer | string,
    note: string,
    casePrefix: string,
    officeId?: string,
  ): Promise<{ code: string; expiresAt: string; officeId: string; officeName: string }> {
    const prefix = casePrefix.trim() || '网信案';
    if (prefix.length > 12) throw fail(400, 'bad_request', '案号前缀最多12个字。');
    const office = await this.db
      .selectFrom('offices')
      .select(['id', 'name', 'path'])
      .where((eb) => (officeId ? eb('id', '=', officeId) : eb('parent_id', 'is', null)))
      .executeTakeFirst();
    if (!office) throw fail(404, 'not_found', '没有这个单位。');
    if (typeof by === 'object' && !mayAt(by, office.path, 'admin'))
      throw fail(403, 'bad_request', `只有「${office.name}」或其上级单位的管理员可以生成登记码。`);
    const createdBy = typeof by === 'object' ? by.username : by;
    const bytes = randomBytes(16);
    const raw = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
    const code = raw.match(/.{4}/g)!.join('-');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + CODE_TTL_MS).toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('enrollment_codes')
        .values({
          id: randomUUID(),
          code: normaliseCode(code),
          note: note.trim(),
          case_prefix: prefix,
          created_by: createdBy,
          created_at: now.toISOString(),
          expires_at: expiresAt,
          office_id: office.id,
        })
        .execute();
      await this.log(
        createdBy,
        'code',
        `登记码已生成（${office.name}，${note.trim() || '无备注'}，案号前缀 ${prefix}，有效至 ${beijingTime(expiresAt)}）`,
        trx,
        office.id,
      );
    });
    return { code, expiresAt, officeId: office.id, officeName: office.name };
  }

  /** The codes made for offices the viewer administers (all of them without a viewer: tools and tests). */
  async codes(v?: Viewer): Promise<
    {
      note: string;
      casePrefix: string;
      createdAt: string;
      expiresAt: string;
      usedAt: string | null;
      deviceId: string | null;
    }[]
  > {
    let q = this.db
      .selectFrom('enrollment_codes')
      .select(['note', 'case_prefix', 'created_at', 'expires_at', 'used_at', 'device_id']);
    if (v) q = q.where('office_id', 'in', officesInScope(this.db, v, 'admin'));
    const rows = await q.orderBy('created_at', 'desc').limit(50).execute();
    return rows.map((r) => ({
      note: r.note,
      casePrefix: r.case_prefix,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      usedAt: r.used_at,
      deviceId: r.device_id,
    }));
  }

  async enroll(
    body: EnrollRequestBody,
    proof: string,
    tlsFingerprint: string | null,
  ): Promise<EnrollResponseBody & { proof: string }> {
    if (
      !body ||
      typeof body.deviceId !== 'string' ||
      !/^[0-9a-f-]{36}$/.test(body.deviceId) ||
      typeof body.sm2PublicKey !== 'string' ||
      !/^04[0-9a-f]{128}$/.test(body.sm2PublicKey) ||
      typeof body.ed25519PublicKeyPem !== 'string' ||
      typeof body.nonce !== 'string'
    ) {
      throw fail(400, 'bad_request', '登记请求不完整。');
    }
    const now = this.now().toISOString();
    // A code already used by this very device still works until it expires: a device whose first
    // try lost HQ's answer (and so pinned nothing) can simply try again.
    const open = await this.db
      .selectFrom('enrollment_codes')
      .select(['id', 'code', 'case_prefix', 'office_id'])
      .where('expires_at', '>', now)
      .where((eb) => eb.or([eb('used_at', 'is', null), eb('device_id', '=', body.deviceId)]))
      .execute();
    const match = open.find((c) => proofMatches(c.code, body, proof));
    if (!match) throw fail(403, 'enrollment', '登记码无效、已使用或已过期。请向总部管理员索取新的登记码。');
    const existing = await this.get(body.deviceId);
    if (
      existing &&
      (existing.sm2_public !== body.sm2PublicKey || existing.ed25519_public_pem !== body.ed25519PublicKeyPem)
    )
      throw fail(409, 'conflict', '该设备编号已以其他密钥登记过，不能重新登记。');
    if (existing?.revoked_at) throw fail(403, 'revoked', '该设备已被总部吊销，不能重新登记。');
    await this.db.transaction().execute(async (trx) => {
      // Taken only if still open (or already this device's): two devices racing for one code, one wins.
      const taken = await trx
        .updateTable('enrollment_codes')
        .set((eb) => ({ used_at: eb.fn.coalesce('used_at', eb.val(now)), device_id: body.deviceId }))
        .where('id', '=', match.id)
        .where((eb) => eb.or([eb('used_at', 'is', null), eb('device_id', '=', body.deviceId)]))
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) !== 1)
        throw fail(403, 'enrollment', '登记码无效、已使用或已过期。请向总部管理员索取新的登记码。');
      if (!existing)
        await trx
          .insertInto('devices')
          .values({
            device_id: body.deviceId,
            name: String(body.deviceName ?? '').slice(0, 100),
            agency_name: String(body.agencyName ?? '').slice(0, 100),
            sm2_public: body.sm2PublicKey,
            ed25519_public_pem: body.ed25519PublicKeyPem,
            case_prefix: match.case_prefix,
            enrolled_at: now,
            code_id: match.id,
            last_seen_at: now,
            office_id: match.office_id,
          })
          .execute();
      await this.log(
        'device',
        'enroll',
        `设备 ${body.deviceId}（${String(body.deviceName)}，${String(body.agencyName)}）${existing ? '再次登记（同一密钥）' : '已登记'}`,
        trx,
        existing?.office_id ?? match.office_id,
      );
    });
    const res: EnrollResponseBody = {
      hq: this.identity.keys(),
      tlsFingerprint,
      deviceNonce: body.nonce,
      casePrefix: existing?.case_prefix ?? match.case_prefix,
      time: this.identity.signedTime(),
      reference: await this.reference(),
    };
    return { ...res, proof: enrollmentProof(match.code, res) };
  }

  async get(deviceId: string): Promise<DeviceRow | null> {
    return (
      (await this.db.selectFrom('devices').selectAll().where('device_id', '=', deviceId).executeTakeFirst()) ?? null
    );
  }

  /** Every device (tools and tests); staff see `visibleTo`. */
  async list(): Promise<DeviceRow[]> {
    return this.db.selectFrom('devices').selectAll().orderBy('enrolled_at', 'desc').execute();
  }

  /** The devices of the offices the viewer sees, with their office's name. */
  async visibleTo(v: Viewer): Promise<(DeviceRow & { office_name: string | null })[]> {
    return this.db
      .selectFrom('devices as d')
      .leftJoin('offices as o', 'o.id', 'd.office_id')
      .selectAll('d')
      .select('o.name as office_name')
      .where('d.office_id', 'in', officesInScope(this.db, v))
      .orderBy('d.enrolled_at', 'desc')
      .execute();
  }

  /** One device, when the viewer sees its office (else null: not found). */
  async getFor(v: Viewer, deviceId: string): Promise<DeviceRow | null> {
    return (
      (await this.db
        .selectFrom('devices')
        .selectAll()
        .where('device_id', '=', deviceId)
        .where('office_id', 'in', officesInScope(this.db, v))
        .executeTakeFirst()) ?? null
    );
  }

  registered(d: DeviceRow): RegisteredDevice {
    return { deviceId: d.device_id, sm2PublicKey: d.sm2_public, ed25519PublicKeyPem: d.ed25519_public_pem };
  }

  /**
   * The device a signed request comes from, from its headers alone; throws the precise refusal
   * otherwise. The signature covers the declared body SHA-256: the caller checks the body against
   * it as it reads it, so nothing of an unauthenticated body is read at all.
   */
  async authenticate(
    h: { deviceId?: string; time?: string; signature?: string; bodySha256?: string },
    method: string,
    pathAndQuery: string,
  ): Promise<DeviceRow> {
    if (!h.deviceId || !h.time || !h.signature || !h.bodySha256) throw fail(401, 'bad_signature', '请求缺少设备签名。');
    const d = await this.get(h.deviceId);
    if (!d) throw fail(401, 'unknown_device', '总部没有登记此设备。请先用登记码登记。');
    if (
      !ed25519Verify(
        new TextEncoder().encode(requestSigningText(method, pathAndQuery, h.time, h.bodySha256)),
        h.signature,
        d.ed25519_public_pem,
      )
    )
      throw fail(401, 'bad_signature', '设备签名无效。');
    if (d.revoked_at) {
      await this.flagRevokedAttempt(d.device_id);
      throw fail(
        403,
        'revoked',
        `此设备已于 ${d.revoked_at} 被总部吊销${d.revoke_reason ? `（${d.revoke_reason}）` : ''}，不能再同步。`,
      );
    }
    const skew = Math.abs(Date.parse(h.time) - this.now().getTime());
    if (!(skew <= REQUEST_WINDOW_MS)) throw fail(401, 'clock', '请求时间与总部时间相差过大。');
    // Noted to the minute: a write per request (a commit, so an fsync) cost every chunk and seal.
    const now = this.now();
    if (!d.last_seen_at || !(Math.abs(now.getTime() - Date.parse(d.last_seen_at)) < 60_000))
      await this.db
        .updateTable('devices')
        .set({ last_seen_at: now.toISOString() })
        .where('device_id', '=', d.device_id)
        .execute();
    return d;
  }

  private async flagRevokedAttempt(deviceId: string): Promise<void> {
    const open = await this.db
      .selectFrom('flags')
      .select('id')
      .where('device_id', '=', deviceId)
      .where('kind', '=', 'revoked')
      .where('resolved_at', 'is', null)
      .executeTakeFirst();
    if (!open)
      await this.db
        .insertInto('flags')
        .values({
          device_id: deviceId,
          seq: null,
          kind: 'revoked',
          detail: '已吊销的设备仍在尝试同步',
          created_at: this.now().toISOString(),
        })
        .execute();
  }

  /** Revokes a device: a 管理员 of its office or one above (a staff member who cannot see it: not found). */
  async revoke(deviceId: string, by: Viewer | string, reason: string): Promise<void> {
    const d = typeof by === 'object' ? await this.getFor(by, deviceId) : await this.get(deviceId);
    if (!d) throw fail(404, 'not_found', '没有这个设备。');
    if (typeof by === 'object') {
      const o = await this.db
        .selectFrom('offices')
        .select(['path', 'name'])
        .where('id', '=', d.office_id!)
        .executeTakeFirstOrThrow();
      if (!mayAt(by, o.path, 'admin'))
        throw fail(403, 'bad_request', `只有「${o.name}」或其上级单位的管理员可以吊销它的设备。`);
    }
    if (d.revoked_at) return;
    const actor = typeof by === 'object' ? by.username : by;
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('devices')
        .set({ revoked_at: this.now().toISOString(), revoked_by: actor, revoke_reason: reason.trim() })
        .where('device_id', '=', deviceId)
        .execute();
      await this.log(
        actor,
        'revoke',
        `设备 ${deviceId}（${d.name}）已吊销：${reason.trim() || '未说明原因'}`,
        trx,
        d.office_id,
      );
    });
  }
}
