import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared/api/result.ts';
import { createApiClient } from '../api/client.ts';
import { formatWait } from './format-wait.ts';

describe('the client tells listeners of every refusal (the lock screen follows app_locked)', () => {
  const locked: Result<unknown> = { ok: false, error: { kind: 'app_locked', message: '本机已锁定' } };
  it('calls and uploads, once per listener, until unsubscribed', async () => {
    const api = createApiClient(
      async (name) => (name === 'app.status' ? { ok: true, value: {} } : locked),
      async () => locked,
    );
    const seen: string[] = [];
    const stop = api.onFailure((e, name) => seen.push(`${name}:${e.kind}`));
    await api.call('app.status', {});
    await api.call('cases.list', {} as never);
    await api.uploadEvidence('t', new Blob([]), () => undefined, new AbortController().signal);
    expect(seen).toEqual(['cases.list:app_locked', 'upload:app_locked']);
    stop();
    await api.call('cases.list', {} as never);
    expect(seen).toHaveLength(2);
  });
});

describe('formatWait', () => {
  it('seconds, then minutes and seconds', () => {
    expect(formatWait(35)).toBe('35秒');
    expect(formatWait(60)).toBe('1分00秒');
    expect(formatWait(245)).toBe('4分05秒');
  });
});
