// The office tree (省 → 市 → 区/县): the root office is HQ's own (named after HQ, made at first
// start), every other one is made under a parent one level up. Devices belong to the office their
// enrollment code was issued for; staff hold a role per office (hq/admin/admin-store.ts); what a
// staff member sees is limited by hq/db/scope.ts.
import { randomUUID } from 'node:crypto';
import type { HqDb } from '../db/hq-database.ts';
import { officesInScope, type Viewer } from '../db/scope.ts';
import type { OfficeLevel, StaffRole } from '../db/schema.ts';
import type { EventLog } from '../events.ts';
import { fail } from '../hq-failure.ts';

export interface Office {
  id: string;
  name: string;
  level: OfficeLevel;
  parent_id: string | null;
  path: string;
}

export const LEVEL_LABELS: Record<OfficeLevel, string> = { province: '省级', city: '市级', district: '区县级' };
export const ROLE_LABELS: Record<StaffRole, string> = { admin: '管理员', reviewer: '审核', readonly: '只读' };
const LEVEL_RANK: Record<OfficeLevel, number> = { province: 0, city: 1, district: 2 };

/** A role as typed on the command line or sent by the staff app: 管理员/审核/只读 or admin/reviewer/readonly. */
export function parseRole(s: string): StaffRole | null {
  const t = s.trim();
  const found = (Object.entries(ROLE_LABELS) as [StaffRole, string][]).find(([k, v]) => k === t || v === t);
  return found ? found[0] : null;
}

/** A level: 省/市/区县 (or 省级…) or province/city/district. */
export function parseLevel(s: string): OfficeLevel | null {
  const t = s.trim().replace(/级$/, '');
  if (t === 'province' || t === '省') return 'province';
  if (t === 'city' || t === '市') return 'city';
  if (t === 'district' || t === '区县' || t === '区' || t === '县') return 'district';
  return null;
}

/**
 * The root office's level when HQ was not told (`--level`): from its name — 省/自治区 without 市 is
 * a province, a 区/县/旗 after the 市 (or without one) a district, otherwise a city.
 */
export function guessLevel(name: string): OfficeLevel {
  if (/省|自治区/.test(name) && !/市/.test(name)) return 'province';
  if (/市.*(区|县|旗)|^[^市]*(区|县|旗)/.test(name)) return 'district';
  return 'city';
}

export class OfficeStore {
  private readonly db: HqDb;
  private readonly now: () => Date;
  private readonly log: EventLog;
  constructor(db: HqDb, now: () => Date, log: EventLog) {
    this.db = db;
    this.now = now;
    this.log = log;
  }

  /**
   * The root office, made at HQ's first start after this version. Devices and codes made before
   * offices existed belong to it, and administrators made before are its 管理员 (what they could
   * do before). Two processes starting at once: the first one's root stands.
   */
  async ensureRoot(name: string, level?: OfficeLevel): Promise<Office> {
    const existing = await this.root();
    if (existing) return existing;
    const id = randomUUID();
    const at = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('offices')
        .values({ id, name, level: level ?? guessLevel(name), parent_id: null, path: `${id}/`, created_at: at })
        .onConflict((oc) => oc.column('name').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return;
      await trx.updateTable('devices').set({ office_id: id }).where('office_id', 'is', null).execute();
      await trx.updateTable('enrollment_codes').set({ office_id: id }).where('office_id', 'is', null).execute();
      const admins = await trx.selectFrom('admins').select('id').execute();
      for (const a of admins)
        await trx
          .insertInto('staff_roles')
          .values({ admin_id: a.id, office_id: id, role: 'admin', granted_by: 'upgrade', granted_at: at })
          .execute();
    });
    return (await this.root())!;
  }

  async root(): Promise<Office | null> {
    return (
      (await this.db
        .selectFrom('offices')
        .select(['id', 'name', 'level', 'parent_id', 'path'])
        .where('parent_id', 'is', null)
        .executeTakeFirst()) ?? null
    );
  }

  async get(id: string): Promise<Office | null> {
    return (
      (await this.db
        .selectFrom('offices')
        .select(['id', 'name', 'level', 'parent_id', 'path'])
        .where('id', '=', id)
        .executeTakeFirst()) ?? null
    );
  }

  async byName(name: string): Promise<Office | null> {
    return (
      (await this.db
        .selectFrom('offices')
        .select(['id', 'name', 'level', 'parent_id', 'path'])
        .where('name', '=', name.trim())
        .executeTakeFirst()) ?? null
    );
  }

  /** Every office (the command line, HQ-wide tools); staff see `visible`. */
  list(): Promise<Office[]> {
    return this.db.selectFrom('offices').select(['id', 'name', 'level', 'parent_id', 'path']).orderBy('path').execute();
  }

  /** The offices the viewer sees (with at least `least`), in tree order. */
  visible(v: Viewer, least: StaffRole = 'readonly'): Promise<Office[]> {
    return this.db
      .selectFrom('offices')
      .select(['id', 'name', 'level', 'parent_id', 'path'])
      .where('id', 'in', officesInScope(this.db, v, least))
      .orderBy('path')
      .execute();
  }

  /** A new office under `parentId`, one level below it (省 → 市 → 区/县). */
  async create(actor: string, o: { name: string; level: OfficeLevel; parentId: string }): Promise<Office> {
    const name = o.name.trim();
    if (name.length < 2 || name.length > 60) throw fail(400, 'bad_request', '单位名称须为2至60个字。');
    const parent = await this.get(o.parentId);
    if (!parent) throw fail(404, 'not_found', '没有这个上级单位。');
    if (LEVEL_RANK[o.level] <= LEVEL_RANK[parent.level])
      throw fail(
        400,
        'bad_request',
        `「${parent.name}」是${LEVEL_LABELS[parent.level]}单位，其下级须低于${LEVEL_LABELS[parent.level]}（省 → 市 → 区县）。`,
      );
    if (await this.byName(name)) throw fail(409, 'conflict', `单位「${name}」已存在。`);
    const id = randomUUID();
    const office: Office = { id, name, level: o.level, parent_id: parent.id, path: `${parent.path}${id}/` };
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('offices')
        .values({ ...office, created_at: this.now().toISOString() })
        .execute();
      await this.log(actor, 'office', `新建单位「${name}」（${LEVEL_LABELS[o.level]}，上级：${parent.name}）`, trx, id);
    });
    return office;
  }
}
