// The connection to the enrolled HQ: requests signed with the device's Ed25519 key, over the TLS
// certificate pinned at enrollment, and the hello that opens every run — HQ must show the keys
// pinned at enrollment and sign the time with our nonce; the offset to HQ's clock is kept for
// the request signatures, and HQ's signed time as the earliest bound of what is sealed next.
import { randomBytes } from 'node:crypto';
import { ed25519Verify } from '../../protocol/crypto/ed25519.ts';
import { HQ_ROUTES } from '../../protocol/sync/hq-api.ts';
import {
  API,
  timeSigningText,
  verifyLawAnnouncement,
  type HqKeys,
  type LawAnnouncement,
  type SignedTime,
} from '../../protocol/sync/protocol.ts';
import type { DeviceIdentity } from '../device/device-identity.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import { HqClient, SyncFailure } from './hq-client.ts';
import { keysOf, type LinkRow } from './hq-link-store.ts';

/** HQ's signature over its time (and our nonce, when we sent one). */
export function verifyHqTime(t: SignedTime, hq: HqKeys, nonce?: string): boolean {
  return (
    (nonce === undefined || t.nonce === nonce) &&
    ed25519Verify(new TextEncoder().encode(timeSigningText(t.time, t.nonce)), t.ed25519, hq.ed25519PublicKeyPem)
  );
}

export class HqConnection {
  private readonly device: Pick<DeviceIdentity, 'public' | 'signEd25519'>;
  private readonly settings: Pick<SettingsStore, 'noteHqTime' | 'noteHqLaw'>;
  private clockOffsetMs = 0;
  constructor(deps: {
    device: Pick<DeviceIdentity, 'public' | 'signEd25519'>;
    settings: Pick<SettingsStore, 'noteHqTime' | 'noteHqLaw'>;
  }) {
    this.device = deps.device;
    this.settings = deps.settings;
  }

  client(l: LinkRow): HqClient {
    const dev = this.device;
    return new HqClient({
      baseUrl: l.url,
      tlsFingerprint: l.tls_fingerprint,
      deviceId: dev.public().deviceId,
      sign: (text) => dev.signEd25519(new TextEncoder().encode(text)),
      clockOffsetMs: () => this.clockOffsetMs,
    });
  }

  /** HQ shows the keys pinned at enrollment and signs its time with our nonce; nothing is sent before this holds. */
  async hello(client: HqClient, l: LinkRow): Promise<void> {
    const nonce = randomBytes(16).toString('hex');
    const before = Date.now();
    const res = await client.call<{ hq: HqKeys; time: SignedTime; law?: LawAnnouncement | null | undefined }>(
      'GET',
      `${API}/hello?nonce=${nonce}`,
      undefined,
      false,
      HQ_ROUTES.hello.answer,
    );
    if (
      res.body.hq.hqId !== l.hq_id ||
      res.body.hq.ed25519PublicKeyPem !== l.hq_ed25519_pem ||
      res.body.hq.sm2PublicKey !== l.hq_sm2_public
    ) {
      throw new SyncFailure(
        'hq_key',
        '总部的密钥与登记时记录的不符：对方可能不是登记的总部。已停止同步，未发送任何数据。请联系总部核实。',
      );
    }
    if (!verifyHqTime(res.body.time, keysOf(l), nonce))
      throw new SyncFailure('hq_key', '总部时间的签名无效：对方可能不是登记的总部。已停止同步。');
    this.clockOffsetMs = Date.parse(res.body.time.time) - (before + Date.now()) / 2;
    this.settings.noteHqTime(res.body.time.time);
    // HQ's current law package (an HQ before law packages says nothing: what we knew stays).
    const law = res.body.law;
    if (law === null) this.settings.noteHqLaw(null);
    else if (law !== undefined) {
      if (!verifyLawAnnouncement(law, nonce, keysOf(l)))
        throw new SyncFailure('hq_key', '总部法规库通告的签名无效：对方可能不是登记的总部。已停止同步。');
      this.settings.noteHqLaw({ version: law.version, date: law.date, seenAt: res.body.time.time });
    }
  }
}
