// HQ administrators (the clerks who use HQ's web page): scrypt password hashes, lockout after
// repeated failures, and server-side sessions identified by a random token (only its SHA-256 is
// stored). The first administrator is made from the command line (docs/HQ.md).
import { randomBytes, randomUUID } from 'node:crypto';
import { decoyHash, hashPassword, verifyPassword } from '../../protocol/runtime/password-hash.ts';
import { sha256Hex } from '../../protocol/sync/protocol.ts';
import type { HqDb } from '../db/hq-database.ts';
import { fail } from '../hq-failure.ts';

const SESSION_MS = 8 * 3600_000;
const MAX_FAILED = 5;
const LOCK_MS = 15 * 60_000;

export interface Admin {
  id: string;
  username: string;
}

export class AdminStore {
  private readonly db: HqDb;
  private readonly now: () => Date;
  constructor(db: HqDb, now: () => Date) {
    this.db = db;
    this.now = now;
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('admins')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async create(username: string, password: string): Promise<Admin> {
    const name = username.trim();
    if (!/^[\p{L}\p{N}_.-]{2,32}$/u.test(name)) throw fail(400, 'bad_request', '用户名须为2至32个字母、数字或 _ . -。');
    if (password.length < 10) throw fail(400, 'bad_request', '密码至少10个字符。');
    if (await this.db.selectFrom('admins').select('id').where('username', '=', name).executeTakeFirst())
      throw fail(409, 'conflict', `用户名「${name}」已存在。`);
    const id = randomUUID();
    await this.db
      .insertInto('admins')
      .values({ id, username: name, password_hash: await hashPassword(password), created_at: this.now().toISOString() })
      .execute();
    return { id, username: name };
  }

  /** Returns a session token, or throws with a Chinese message. */
  async login(username: string, password: string): Promise<{ token: string; admin: Admin }> {
    const r = await this.db.selectFrom('admins').selectAll().where('username', '=', username.trim()).executeTakeFirst();
    if (r?.locked_until && r.locked_until > this.now().toISOString())
      throw fail(403, 'bad_request', '该账号因多次密码错误已被暂时锁定，请15分钟后再试。');
    const ok = await verifyPassword(password, r?.password_hash ?? (await decoyHash()));
    if (!r || !ok) {
      if (r) {
        const failed = r.failed + 1;
        await this.db
          .updateTable('admins')
          .set({
            failed: failed >= MAX_FAILED ? 0 : failed,
            locked_until: failed >= MAX_FAILED ? new Date(this.now().getTime() + LOCK_MS).toISOString() : null,
          })
          .where('id', '=', r.id)
          .execute();
      }
      throw fail(401, 'bad_request', '用户名或密码错误。');
    }
    await this.db.updateTable('admins').set({ failed: 0, locked_until: null }).where('id', '=', r.id).execute();
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    await this.db
      .insertInto('admin_sessions')
      .values({
        token_sha256: sha256Hex(token),
        admin_id: r.id,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + SESSION_MS).toISOString(),
      })
      .execute();
    return { token, admin: { id: r.id, username: r.username } };
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
    return { id: r.id, username: r.username };
  }

  async logout(token: string): Promise<void> {
    await this.db.deleteFrom('admin_sessions').where('token_sha256', '=', sha256Hex(token)).execute();
  }
}
