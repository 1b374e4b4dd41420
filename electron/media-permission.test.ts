// Camera and microphone: only the app's page, only during a recorded signing ceremony.
import { afterEach, describe, expect, it } from 'vitest';
import { mediaGrantAllowed } from '../core/signatures/sitting.ts';
import { allowRecordingWhen, mayUseMedia } from './media-permission.ts';

afterEach(() => allowRecordingWhen(() => false));

describe('media permission', () => {
  it('is refused when no recorded ceremony is open', () => {
    expect(mayUseMedia('media', 'app://bundle/index.html', ['video', 'audio'])).toBe(false);
  });
  it('is granted to the app page during a recorded ceremony, and to nothing else', () => {
    allowRecordingWhen(() => true);
    expect(mayUseMedia('media', 'app://bundle/index.html', ['video', 'audio'])).toBe(true);
    expect(mayUseMedia('media', 'https://example.com/', ['video'])).toBe(false);
    expect(mayUseMedia('geolocation', 'app://bundle/index.html')).toBe(false);
    expect(mayUseMedia('notifications', 'app://bundle/index.html')).toBe(false);
  });
  it("follows the core's decision: a recorded sitting left open past the 60-minute limit grants nothing", () => {
    const now = new Date('2026-11-20T03:00:00.000Z');
    const started = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString();
    allowRecordingWhen(() => mediaGrantAllowed([{ startedAt: started(10), recording: true }], now));
    expect(mayUseMedia('media', 'app://bundle/index.html', ['video', 'audio'])).toBe(true);
    allowRecordingWhen(() => mediaGrantAllowed([{ startedAt: started(61), recording: true }], now));
    expect(mayUseMedia('media', 'app://bundle/index.html', ['video', 'audio'])).toBe(false);
  });
});
