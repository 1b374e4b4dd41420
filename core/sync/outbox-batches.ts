// The outbox cut into batches for HQ (docs/SYNC.md "Batches"): consecutive seals in chain order,
// each batch's body serialized once, up to BATCH_TARGET seals or bytes. Built one batch ahead of
// the request in flight (sync-run.ts), so that reading, canonicalising and serializing the next
// packages happens while HQ verifies and commits the current batch. A package too large for a
// batch of its own goes alone to POST /seals, as it always could.
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import { SEAL_BATCH_MAX } from '../../protocol/sync/hq-api.ts';
import type { SealRow } from '../seals/seal-row.ts';
import { sealPackage, type SealPackageDeps } from './seal-package.ts';

/**
 * What the device puts in one batch: well under HQ's limits (SEAL_BATCH_MAX), small enough that
 * the next batch is ready before HQ answers the current one and that an interrupted batch costs
 * little to send again.
 */
export const BATCH_TARGET = { seals: 100, bytes: 8 * 1024 * 1024 } as const;

export interface OutboxItem {
  row: SealRow;
  payload: SealPayload;
}

export interface PreparedBatch {
  items: OutboxItem[];
  /** The request body, JSON: a SealBatch, or for `single` the one SealPackage. */
  body: Buffer;
  /** One package larger than a batch takes: sent to POST /seals. */
  single: boolean;
}

const HEAD = Buffer.from('{"format":"wangxin-sync-batch/1","packages":[');
const TAIL = Buffer.from(']}');
const COMMA = Buffer.from(',');

export class OutboxBatches {
  private readonly d: SealPackageDeps;
  private readonly items: OutboxItem[];
  private at = 0;
  /** A package built but left for the next batch (it did not fit the current one). */
  private carried: Buffer | null = null;
  private readonly target: { seals: number; bytes: number };
  constructor(d: SealPackageDeps, items: OutboxItem[], target: { seals: number; bytes: number } = BATCH_TARGET) {
    this.d = d;
    this.items = items;
    this.target = target;
  }

  /** The next batch (its packages read and serialized now), or null at the end. */
  next(): PreparedBatch | null {
    return this.from(this.at);
  }

  /** A batch of these items (a refused batch's seals before the refused one, sent again on their own). */
  again(items: OutboxItem[]): PreparedBatch {
    const parts = items.map((i) => this.serialize(i));
    return {
      items,
      body: Buffer.concat([HEAD, ...parts.flatMap((p, k) => (k ? [COMMA, p] : [p])), TAIL]),
      single: false,
    };
  }

  private from(start: number): PreparedBatch | null {
    if (start >= this.items.length) return null;
    const parts: Buffer[] = [];
    let bytes = HEAD.length + TAIL.length;
    let i = start;
    while (i < this.items.length && parts.length < this.target.seals) {
      const part = this.carried ?? this.serialize(this.items[i]!);
      this.carried = null;
      if (parts.length === 0 && part.length + HEAD.length + TAIL.length > SEAL_BATCH_MAX.bytes) {
        this.at = i + 1;
        return { items: [this.items[i]!], body: part, single: true };
      }
      if (parts.length > 0 && bytes + part.length + 1 > this.target.bytes) {
        this.carried = part;
        break;
      }
      parts.push(part);
      bytes += part.length + (parts.length > 1 ? 1 : 0);
      i++;
    }
    this.at = i;
    return {
      items: this.items.slice(start, i),
      body: Buffer.concat([HEAD, ...parts.flatMap((p, k) => (k ? [COMMA, p] : [p])), TAIL]),
      single: false,
    };
  }

  private serialize(i: OutboxItem): Buffer {
    return Buffer.from(JSON.stringify(sealPackage(this.d, i.row, i.payload)), 'utf8');
  }
}
