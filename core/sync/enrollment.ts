// Enrollment with HQ: a one-time code, proved and never sent. The request carries HQ's time and a
// fresh nonce, so that a captured request cannot be replayed later (HQ refuses both). HQ proves it
// knows the same code over its keys, its TLS certificate, our nonce and the device certificate it
// signed for our keys; its keys and TLS certificate are pinned from then on, in one transaction
// with the device certificate (trust/ of every export), the case-number prefix HQ assigned, HQ's
// time, its reference data and the audit row. Then HQ's recovery copy of the device key is written
// (docs/SECURITY.md).
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { CoreError } from '../../protocol/runtime/core-error.ts';
import type { Log } from '../../protocol/runtime/log.ts';
import { HQ_ROUTES } from '../../protocol/sync/hq-api.ts';
import {
  API,
  enrollmentProof,
  proofMatches,
  type EnrollRequestBody,
  type EnrollResponseBody,
} from '../../protocol/sync/protocol.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { isoNow, type Clock } from '../clock.ts';
import type { InTransaction } from '../db/unit-of-work.ts';
import type { DeviceIdentity } from '../device/device-identity.ts';
import type { OfficeStore } from '../office/office-store.ts';
import type { TwoOfficerSession } from '../session/two-officer-session.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { KeyCustody } from '../vault/key-custody.ts';
import { HqClient, SyncFailure } from './hq-client.ts';
import { verifyHqTime } from './hq-connection.ts';
import type { HqLinkStore } from './hq-link-store.ts';
import type { ReferenceStore } from './reference-store.ts';
import type { TrustStore } from './trust-store.ts';
import { takeLawPackage, type LawIntakeDeps } from './law-intake.ts';

export interface EnrollmentDeps {
  clock: Clock;
  log: Log;
  links: HqLinkStore;
  settings: Pick<SettingsStore, 'setCaseNoPrefix' | 'noteHqTime'>;
  references: Pick<ReferenceStore, 'storeVerified'>;
  device: Pick<DeviceIdentity, 'public'>;
  office: Pick<OfficeStore, 'agencyName'>;
  session: Pick<TwoOfficerSession, 'signedInIds'>;
  audit: Pick<AuditLog, 'append'>;
  keys: Pick<KeyCustody, 'setHq'>;
  trust: Pick<TrustStore, 'store'>;
  inTransaction: InTransaction;
  /** HQ's law package, applied at enrollment (an act of the officers, as 立即同步 is). */
  law: LawIntakeDeps;
}

export async function enroll(d: EnrollmentDeps, urlText: string, code: string): Promise<void> {
  const linked = d.links.link();
  if (linked) throw new CoreError('conflict', `本机已登记到总部「${linked.hq_name}」，不能重复登记。`);
  let url: URL;
  try {
    url = new URL(urlText.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
  } catch {
    throw new CoreError('validation', '总部地址格式不对，应类似 https://hq.example.gov.cn:8443/ 。', {
      url: '总部地址格式不对，应以 https:// 或 http:// 开头。',
    });
  }
  const dev = d.device.public();
  const client = new HqClient({ baseUrl: url.href, tlsFingerprint: null });
  // HQ's time first: the request carries it, and HQ refuses a request outside its window (a
  // captured request replayed later), as it refuses a nonce it has seen.
  let requestedAt: string;
  try {
    requestedAt = (await client.call('GET', `${API}/hello`, undefined, false, HQ_ROUTES.hello.answer)).body.time.time;
  } catch (e) {
    throw asCoreError(e);
  }
  const request: EnrollRequestBody = {
    deviceId: dev.deviceId,
    deviceName: hostname(),
    agencyName: d.office.agencyName() ?? '',
    sm2PublicKey: dev.sm2PublicKey,
    ed25519PublicKeyPem: dev.ed25519PublicKeyPem,
    nonce: randomBytes(16).toString('hex'),
    requestedAt,
    keysCreatedAt: dev.keysCreatedAt,
  };
  let res: Awaited<ReturnType<HqClient['call']>>;
  try {
    res = await client.call<EnrollResponseBody & { proof: string }>(
      'POST',
      `${API}/enroll`,
      { request, proof: enrollmentProof(code, request) },
      false,
      HQ_ROUTES.enroll.answer,
    );
  } catch (e) {
    throw asCoreError(e);
  }
  const { proof, ...body } = res.body as EnrollResponseBody & { proof: string };
  // HQ proves it knows the same code over its keys, its certificate and our nonce: a server that
  // does not know the code (an impostor, a proxy in the middle) cannot produce this.
  if (!proofMatches(code, body, proof) || body.deviceNonce !== request.nonce)
    throw new CoreError('integrity', '总部的登记答复无法用该登记码验证：对方可能不是总部，或连接被拦截。未登记。');
  if (body.tlsFingerprint !== res.peerFingerprint)
    throw new CoreError('integrity', '总部声明的证书与本次连接所见的证书不符：连接可能被拦截（中间人）。未登记。');
  if (!verifyHqTime(body.time, body.hq)) throw new CoreError('integrity', '总部时间的签名无效。未登记。');
  const now = isoNow(d.clock);
  d.inTransaction(() => {
    d.links.insert({
      url: url.href,
      hq_id: body.hq.hqId,
      hq_name: body.hq.name,
      hq_ed25519_pem: body.hq.ed25519PublicKeyPem,
      hq_sm2_public: body.hq.sm2PublicKey,
      tls_fingerprint: body.tlsFingerprint,
      case_prefix: body.casePrefix,
      enrolled_at: now,
    });
    d.settings.setCaseNoPrefix(body.casePrefix);
    d.settings.noteHqTime(body.time.time);
    d.references.storeVerified(body.reference ?? [], body.hq, isoNow(d.clock));
    // HQ's certificate of our keys (covered by the proof above, and signed by HQ's keys).
    const bad = d.trust.store('certificate', body.certificate, body.hq, dev, now);
    if (bad) throw new CoreError('integrity', `${bad}。未登记。`);
    d.audit.append({
      action: 'enroll',
      officerIds: d.session.signedInIds(),
      detail: `登记到总部 ${body.hq.name}（${url.host}），案号前缀 ${body.casePrefix}`,
    });
  });
  // HQ's law package: applied now, or refused with its reason logged (the 同步 page's next 立即同步 says it again).
  const law = body.reference?.find((r) => r.ref.kind === 'catalog');
  if (law) takeLawPackage(d.law, law, body.hq);
  // HQ's recovery copy of the device key, encrypted to the SM2 key just pinned (docs/SECURITY.md).
  d.keys.setHq(body.hq.sm2PublicKey);
  d.log.info('enrolled with HQ', { hqId: body.hq.hqId, https: url.protocol === 'https:' });
}

function asCoreError(e: unknown): CoreError {
  if (e instanceof CoreError) return e;
  if (e instanceof SyncFailure)
    return new CoreError(
      e.kind === 'unreachable' ? 'io' : e.kind === 'enrollment' ? 'forbidden' : 'integrity',
      e.message,
    );
  return new CoreError('io', (e as Error).message);
}
