// HQ's staff accounts (table admins): scrypt password hashes, a throttle counted before each hash
// (login-throttle.ts), server-side sessions identified by a random token (only its SHA-256 is
// stored), and a role per office (staff_roles: 管理员, 审核, 只读 — hq/db/scope.ts says what each
// sees). The first account is made from the command line (docs/HQ.md); 管理员 make more from the staff app.
import { randomBytes, randomUUID } from 'node:crypto';
import { decoyHash, hashPassword, verifyPassword } from '../../protocol/runtime/password-hash.ts';
import { sha256Hex } from '../../protocol/sync/protocol.ts';
import type { HqDb } from '../db/hq-database.ts';
import { mayAt, officesInScope, type Grant, type Viewer } from '../db/scope.ts';
import type { StaffRole } from '../db/schema.ts';
import type { EventLog } from '../events.ts';
import { fail } from '../hq-failure.ts';
import { ROLE_LABELS, type OfficeStore } from '../offices/office-store.ts';
import { LoginThrottle } from './login-throttle.ts';

const SESSION_MS = 8 * 3600_000;
/** The one refusal for an unknown name and a wrong password alike. */
export const WRONG_LOGIN = '用户名或密码错误。';
const hhmmss = (d: Date) => d.toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });

/** A signed-in staff member: who, and their roles per office. */
export type Admin = Viewer;

export class AdminStore {
  private readonly db: HqDb;
  private readonly now: () => Date;
  private readonly offices: OfficeStore;
  private readonly log: EventLog;
  readonly throttle: LoginThrottle;
  constructor(db: HqDb, now: () => Date, offices: OfficeStore, log: EventLog) {
    this.db = db;
    this.now = now;
    this.offices = offices;
    this.log = log;
    this.throttle = new LoginThrottle(db);
  }

  /** A staff member's roles, with their offices. */
  async grants(adminId: string): Promise<Grant[]> {
    const rows = await this.db
      .selectFrom('staff_roles as r')
      .innerJoin('offices as o', 'o.id', 'r.office_id')
      .select(['o.id', 'o.name', 'o.level', 'o.path', 'r.role'])
      .where('r.admin_id', '=', adminId)
      .orderBy('o.path')
      .execute();
    return rows.map((r) => ({ officeId: r.id, officeName: r.name, level: r.level, path: r.path, role: r.role }));
  }

  async viewer(username: string): Promise<Viewer | null> {
    const r = await this.db
      .selectFrom('admins')
      .select(['id', 'username'])
      .where('username', '=', username)
      .executeTakeFirst();
    return r ? { id: r.id, username: r.username, grants: await this.grants(r.id) } : null;
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('admins')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /**
   * A new staff account with one role at one office (by default 管理员 of the root office: the
   * command line's first account). `by`: who makes it ('command-line' or a 管理员 of that office).
   */
  async create(
    username: string,
    password: string,
    role: { officeId?: string; role: StaffRole } = { role: 'admin' },
    by: Viewer | 'command-line' = 'command-line',
  ): Promise<Admin> {
    const name = username.trim();
    if (!/^[\p{L}\p{N}_.-]{2,32}$/u.test(name)) throw fail(400, 'bad_request', '用户名须为2至32个字母、数字或 _ . -。');
    if (password.length < 10) throw fail(400, 'bad_request', '密码至少10个字符。');
    const office = role.officeId ? await this.offices.get(role.officeId) : await this.offices.root();
    if (!office) throw fail(404, 'not_found', '没有这个单位。');
    if (by !== 'command-line' && !mayAt(by, office.path, 'admin'))
      throw fail(403, 'bad_request', `只有「${office.name}」或其上级单位的管理员可以为它添加人员。`);
    if (await this.db.selectFrom('admins').select('id').where('username', '=', name).executeTakeFirst())
      throw fail(409, 'conflict', `用户名「${name}」已存在。`);
    const id = randomUUID();
    const hash = await hashPassword(password);
    const actor = by === 'command-line' ? by : by.username;
    await this.db.transaction().execute(async (trx) => {
      const at = this.now().toISOString();
      await trx.insertInto('admins').values({ id, username: name, password_hash: hash, created_at: at }).execute();
      await trx
        .insertInto('staff_roles')
        .values({ admin_id: id, office_id: office.id, role: role.role, granted_by: actor, granted_at: at })
        .execute();
      await this.log(actor, 'staff', `新建人员 ${name}：${office.name} ${ROLE_LABELS[role.role]}`, trx, office.id);
    });
    return { id, username: name, grants: await this.grants(id) };
  }

  /** Gives (or changes) a staff member's role at an office; only a 管理员 of it or above. */
  async grant(by: Viewer | 'command-line', adminId: string, officeId: string, role: StaffRole): Promise<void> {
    const office = await this.offices.get(officeId);
    if (!office) throw fail(404, 'not_found', '没有这个单位。');
    if (by !== 'command-line' && !mayAt(by, office.path, 'admin'))
      throw fail(403, 'bad_request', `只有「${office.name}」或其上级单位的管理员可以设置它的人员角色。`);
    const who = await this.db.selectFrom('admins').select('username').where('id', '=', adminId).executeTakeFirst();
    if (!who) throw fail(404, 'not_found', '没有这个人员。');
    const actor = by === 'command-line' ? by : by.username;
    await this.db.transaction().execute(async (trx) => {
      const at = this.now().toISOString();
      await trx
        .insertInto('staff_roles')
        .values({ admin_id: adminId, office_id: officeId, role, granted_by: actor, granted_at: at })
        .onConflict((oc) =>
          oc.columns(['admin_id', 'office_id']).doUpdateSet({ role, granted_by: actor, granted_at: at }),
        )
        .execute();
      await this.log(actor, 'role', `${who.username}：${office.name} ${ROLE_LABELS[role]}`, trx, officeId);
    });
  }

  /**
   * Staff holding a role at an office the viewer administers, with those roles, and whether their
   * name is waiting at the login throttle now: the wait binds a client (its address) and the name
   * typed, never the account (hq/admin/login-throttle.ts), so this says until when and from how
   * many clients — admins.locked_until is no longer set by anything.
   */
  async staff(v: Viewer): Promise<
    {
      id: string;
      username: string;
      officeId: string;
      officeName: string;
      role: StaffRole;
      throttledUntil: string | null;
      throttledClients: number;
    }[]
  > {
    const rows = await this.db
      .selectFrom('staff_roles as r')
      .innerJoin('admins as a', 'a.id', 'r.admin_id')
      .innerJoin('offices as o', 'o.id', 'r.office_id')
      .select(['a.id', 'a.username', 'o.id as officeId', 'o.name as officeName', 'r.role', 'o.path'])
      .where('r.office_id', 'in', officesInScope(this.db, v, 'admin'))
      .orderBy('o.path')
      .orderBy('a.username')
      .execute();
    const now = this.now().toISOString();
    const waits = rows.length
      ? await this.db
          .selectFrom('login_throttle')
          .select(['username', 'locked_until'])
          .where(
            'username',
            'in',
            rows.map((r) => r.username),
          )
          .where('locked_until', '>', now)
          .execute()
      : [];
    return rows.map((r) => {
      const mine = waits.filter((w) => w.username === r.username).map((w) => w.locked_until!);
      return {
        id: r.id,
        username: r.username,
        officeId: r.officeId,
        officeName: r.officeName,
        role: r.role,
        throttledUntil: mine.length ? mine.sort().at(-1)! : null,
        throttledClients: mine.length,
      };
    });
  }

  /**
   * Returns a session token, or throws with a Chinese message that is the same for a name that
   * exists and one that does not. `client`: the address the attempt comes from (the throttle's key).
   */
  async login(username: string, password: string, client: string): Promise<{ token: string; admin: Admin }> {
    const name = username.trim();
    const now = this.now();
    const reserved = await this.throttle.reserve(client, name, now);
    if (!reserved.ok) {
      const s = Math.max(1, Math.ceil((reserved.until.getTime() - now.getTime()) / 1000));
      throw fail(429, 'bad_request', `登录尝试过多，请于 ${hhmmss(reserved.until)} 后再试（约${s}秒）。`);
    }
    const r = await this.db.selectFrom('admins').selectAll().where('username', '=', name).executeTakeFirst();
    const ok = await verifyPassword(password, r?.password_hash ?? (await decoyHash()));
    if (!r || !ok) throw fail(401, 'bad_request', WRONG_LOGIN);
    await this.throttle.succeeded(reserved.keys);
    const token = randomBytes(32).toString('base64url');
    await this.db
      .insertInto('admin_sessions')
      .values({
        token_sha256: sha256Hex(token),
        admin_id: r.id,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + SESSION_MS).toISOString(),
      })
      .execute();
    return { token, admin: { id: r.id, username: r.username, grants: await this.grants(r.id) } };
  }

  async session(token: string | undefined): Promise<Admin | null> {
    if (!token) return null;
    const r = await this.db
      .selectFrom('admin_sessions as s')
      .innerJoin('admins as a', 'a.id', 's.admin_id')
      .select(['a.id', 'a.username', 's.expires_at'])
      .where('s.token_sha256', '=', sha256Hex(token))
      .executeTakeFirst();
    if (!r || r.expires_at <= this.now().toISOString()) return null;
    return { id: r.id, username: r.username, grants: await this.grants(r.id) };
  }

  async logout(token: string): Promise<void> {
    await this.db.deleteFrom('admin_sessions').where('token_sha256', '=', sha256Hex(token)).execute();
  }
}
