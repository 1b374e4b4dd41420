// HQ administrators (the clerks who use HQ's web page): scrypt password hashes, lockout after
// repeated failures, and server-side sessions identified by a random token (only its SHA-256 is
// stored). The first administrator is made from the command line (docs/HQ.md).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { randomBytes, randomUUID } from 'node:crypto';
import { decoyHash, hashPassword, verifyPassword } from '../../protocol/runtime/password-hash.ts';
import { sha256Hex } from '../../protocol/sync/protocol.ts';
import { fail } from '../hq-failure.ts';

const SESSION_MS = 8 * 3600_000;
const MAX_FAILED = 5;
const LOCK_MS = 15 * 60_000;

export interface Admin {
  id: string;
  username: string;
}

export class AdminStore {
  private readonly db: Database;
  private readonly now: () => Date;
  constructor(db: Database, now: () => Date) {
    this.db = db;
    this.now = now;
  }

  count(): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM admins`).get() as { n: number }).n;
  }

  async create(username: string, password: string): Promise<Admin> {
    const name = username.trim();
    if (!/^[\p{L}\p{N}_.-]{2,32}$/u.test(name)) throw fail(400, 'bad_request', '用户名须为2至32个字母、数字或 _ . -。');
    if (password.length < 10) throw fail(400, 'bad_request', '密码至少10个字符。');
    if (this.db.prepare(`SELECT 1 FROM admins WHERE username = ?`).get(name))
      throw fail(409, 'conflict', `用户名「${name}」已存在。`);
    const id = randomUUID();
    this.db
      .prepare(`INSERT INTO admins (id, username, password_hash, created_at) VALUES (?, ?, ?, ?)`)
      .run(id, name, await hashPassword(password), this.now().toISOString());
    return { id, username: name };
  }

  /** Returns a session token, or throws with a Chinese message. */
  async login(username: string, password: string): Promise<{ token: string; admin: Admin }> {
    const r = this.db.prepare(`SELECT * FROM admins WHERE username = ?`).get(username.trim()) as
      { id: string; username: string; password_hash: string; failed: number; locked_until: string | null } | undefined;
    if (r?.locked_until && r.locked_until > this.now().toISOString())
      throw fail(403, 'bad_request', '该账号因多次密码错误已被暂时锁定，请15分钟后再试。');
    const ok = await verifyPassword(password, r?.password_hash ?? (await decoyHash()));
    if (!r || !ok) {
      if (r) {
        const failed = r.failed + 1;
        this.db
          .prepare(`UPDATE admins SET failed = ?, locked_until = ? WHERE id = ?`)
          .run(
            failed >= MAX_FAILED ? 0 : failed,
            failed >= MAX_FAILED ? new Date(this.now().getTime() + LOCK_MS).toISOString() : null,
            r.id,
          );
      }
      throw fail(401, 'bad_request', '用户名或密码错误。');
    }
    this.db.prepare(`UPDATE admins SET failed = 0, locked_until = NULL WHERE id = ?`).run(r.id);
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    this.db
      .prepare(`INSERT INTO admin_sessions (token_sha256, admin_id, created_at, expires_at) VALUES (?, ?, ?, ?)`)
      .run(sha256Hex(token), r.id, now.toISOString(), new Date(now.getTime() + SESSION_MS).toISOString());
    return { token, admin: { id: r.id, username: r.username } };
  }

  session(token: string | undefined): Admin | null {
    if (!token) return null;
    const r = this.db
      .prepare(
        `SELECT a.id, a.username, s.expires_at FROM admin_sessions s JOIN admins a ON a.id = s.admin_id WHERE s.token_sha256 = ?`,
      )
      .get(sha256Hex(token)) as { id: string; username: string; expires_at: string } | undefined;
    if (!r || r.expires_at <= this.now().toISOString()) return null;
    return { id: r.id, username: r.username };
  }

  logout(token: string): void {
    this.db.prepare(`DELETE FROM admin_sessions WHERE token_sha256 = ?`).run(sha256Hex(token));
  }
}
