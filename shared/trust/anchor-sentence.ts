// What a verification report concludes when every check passes but the keys are not tied to a
// trusted HQ root (docs/SEAL-FORMAT.md, "The trust chain"): one plain sentence, the same in
// npm run verify, the app and HQ. Never 全部通过 then.
export interface AnchorInfo {
  fingerprint: string | null;
  hqName: string | null;
  anchored: boolean;
}

export function notAnchoredSentence(a: AnchorInfo): string {
  return a.fingerprint
    ? `其余各项核验通过，但尚未证明这些签名密钥属于哪个网信办：包中总部根密钥的指纹是 ${a.fingerprint}（${a.hqName ?? ''}），请与该网信办公布的总部指纹核对，一致后加上 --hq-root ${a.fingerprint} 重新核验。`
    : '其余各项核验通过，但包中没有总部证书，无法证明这些签名密钥属于哪个网信办：请向出具该封存包的网信办取得附有总部证书的封存包，或向其核实设备公钥。';
}
