// An upload happens in two steps so that the contract's checks apply to it: `evidence.beginImport`
// (validated, two officers required) issues a one-time ticket; the shell then streams the bytes
// against that ticket. Tickets live in memory, expire, and are used once.
import { randomBytes } from 'node:crypto';
import type { EvidenceMetaInput } from '../../shared/evidence/evidence-schema.ts';
import type { Clock } from '../clock.ts';

export interface ImportTicket {
  caseId: string;
  documentId: string;
  fileName: string;
  sizeBytes: number;
  meta: EvidenceMetaInput;
  officerIds: string[];
  expiresAt: number;
}

const TTL_MS = 10 * 60_000;

export class ImportTickets {
  private readonly tickets = new Map<string, ImportTicket>();
  private readonly clock: Clock;
  constructor(clock: Clock) {
    this.clock = clock;
  }

  issue(t: Omit<ImportTicket, 'expiresAt'>): string {
    const id = randomBytes(24).toString('base64url');
    this.tickets.set(id, { ...t, expiresAt: this.clock.now().getTime() + TTL_MS });
    return id;
  }

  /** Returns and forgets the ticket; undefined if unknown, used or expired. */
  take(id: string): ImportTicket | undefined {
    const t = this.tickets.get(id);
    this.tickets.delete(id);
    return t && t.expiresAt > this.clock.now().getTime() ? t : undefined;
  }
}
