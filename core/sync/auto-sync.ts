// The automatic schedule: a try every interval while the device is enrolled and no run is going.
// Silent when HQ is unreachable (sync-run.ts): the next try comes.
export class AutoSync {
  private timer: NodeJS.Timeout | null = null;
  private readonly shouldTry: () => boolean;
  private readonly tryNow: () => void;
  constructor(deps: { shouldTry: () => boolean; tryNow: () => void }) {
    this.shouldTry = deps.shouldTry;
    this.tryNow = deps.tryNow;
  }

  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.shouldTry()) this.tryNow();
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
