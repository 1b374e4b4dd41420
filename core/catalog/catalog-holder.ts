// The catalog in use, replaceable while the app runs: a law package HQ publishes (docs/LAW.md,
// «Updates from HQ») is applied at a sync without a restart. Everything that reads the catalog
// (the API, the case store) holds this one object and reads the current catalog through it at each
// call, so a replacement takes effect at once and everywhere. Where the catalog came from is kept
// for the version display (法规库版本) and the 工作台's warning.
import type { CatalogQuery, CatalogService } from './catalog-service.ts';

export interface CatalogOrigin {
  /** shipped: the one in the app; hq: a package HQ published, applied at `appliedAt`. */
  origin: 'shipped' | 'hq';
  appliedAt: string | null;
}

export class CatalogHolder implements CatalogService {
  private current: CatalogService;
  private from: CatalogOrigin;
  constructor(initial: CatalogService, origin: CatalogOrigin) {
    this.current = initial;
    this.from = origin;
  }

  /** Takes a newer package into use (after it was stored: core/sync/law-intake.ts). */
  replace(next: CatalogService, origin: CatalogOrigin): void {
    this.current = next;
    this.from = origin;
  }

  origin(): CatalogOrigin {
    return this.from;
  }

  get version(): string {
    return this.current.version;
  }
  get date(): string | null {
    return this.current.date;
  }
  get data(): CatalogService['data'] {
    return this.current.data;
  }
  search(q: CatalogQuery): ReturnType<CatalogService['search']> {
    return this.current.search(q);
  }
  get(id: string): ReturnType<CatalogService['get']> {
    return this.current.get(id);
  }
  view(id: string): ReturnType<CatalogService['view']> {
    return this.current.view(id);
  }
  periods(id: string): ReturnType<CatalogService['periods']> {
    return this.current.periods(id);
  }
  summary(...args: Parameters<CatalogService['summary']>): ReturnType<CatalogService['summary']> {
    return this.current.summary(...args);
  }
}
