// HQ's law announcement in the hello: valid only for the nonce the device sent and exactly the
// version and date HQ signed — a replayed or altered announcement cannot raise or silence the
// 工作台's warning.
import { describe, expect, it } from 'vitest';
import { ed25519KeyPair, ed25519Sign } from '../crypto/ed25519.ts';
import { LawAnnouncementSchema } from './hq-api.ts';
import { lawAnnouncementText, verifyLawAnnouncement, type HqKeys } from './protocol.ts';

describe('law announcement', () => {
  const pair = ed25519KeyPair();
  const other = ed25519KeyPair();
  const hq = { hqId: 'hq', name: '总部', ed25519PublicKeyPem: pair.publicKeyPem, sm2PublicKey: '04' } as HqKeys;
  const law = { version: '2027.3.1', date: '2027-02-20' };
  const nonce = 'a1'.repeat(16);
  const signed = (key = pair.privateKeyPem, n = nonce) => ({
    ...law,
    ed25519: ed25519Sign(new TextEncoder().encode(lawAnnouncementText(law, n)), key),
  });

  it('verifies for its nonce and HQ key only, and as signed', () => {
    expect(LawAnnouncementSchema.parse(signed())).toEqual(signed());
    expect(verifyLawAnnouncement(signed(), nonce, hq)).toBe(true);
    expect(verifyLawAnnouncement(signed(pair.privateKeyPem, 'b2'.repeat(16)), nonce, hq)).toBe(false);
    expect(verifyLawAnnouncement(signed(other.privateKeyPem), nonce, hq)).toBe(false);
    expect(verifyLawAnnouncement({ ...signed(), version: '2099.1.1' }, nonce, hq)).toBe(false);
    expect(verifyLawAnnouncement({ ...signed(), date: null }, nonce, hq)).toBe(false);
  });
});
