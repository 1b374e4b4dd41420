// Both digests in full, with the algorithm named, so they can be read out to the party on site:
// monospace, wrapped (never cut off), in groups of eight for reading aloud, copyable whole.
import { Typography } from 'antd';

const grouped = (hex: string) => hex.match(/.{1,8}/g)?.join(' ') ?? hex;

export function DigestBlock({ sha256, sm3 }: { sha256: string; sm3: string }) {
  const row = (label: string, value: string, testId: string) => (
    <div style={{ display: 'flex', gap: 8, alignItems: 'baseline' }}>
      <span style={{ width: 64, color: '#555', flex: 'none' }}>{label}</span>
      <Typography.Paragraph
        copyable={{ text: value }}
        style={{ margin: 0, fontFamily: 'monospace', fontSize: 13, wordBreak: 'break-all' }}
      >
        <span data-testid={testId} data-value={value}>
          {grouped(value)}
        </span>
      </Typography.Paragraph>
    </div>
  );
  return (
    <div>
      {row('SHA-256', sha256, 'digest-sha256')}
      {row('SM3', sm3, 'digest-sm3')}
    </div>
  );
}
