// What the query builder costs HQ (docs/HQ.md "Why Kysely"): a primary-key lookup, raw driver
// against Kysely, on SQLite (SQLCipher, as HQ opens it) and on a throw-away PostgreSQL over
// loopback (tests/support/postgres.ts). Standalone: node bench/hq-query-layer.ts
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startTestPostgres } from '../tests/support/postgres.ts';
interface Tables {
  blobs: { sha256: string; sm3: string; size: number };
}
const N = 20000;
const dir = mkdtempSync(join(tmpdir(), 'qb-'));
const raw = new Database(join(dir, 'a.db'));
raw.pragma(`cipher='sqlcipher'`);
raw.pragma(`key="x'${randomBytes(32).toString('hex')}'"`);
raw.pragma('journal_mode = WAL');
raw.exec(`CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, sm3 TEXT NOT NULL, size INTEGER NOT NULL)`);
const shas: string[] = [];
const ins = raw.prepare(`INSERT INTO blobs VALUES (?, ?, ?)`);
raw.transaction(() => {
  for (let i = 0; i < 5000; i++) {
    const s = randomBytes(32).toString('hex');
    shas.push(s);
    ins.run(s, s, i);
  }
})();
const sel = raw.prepare(`SELECT sha256, sm3, size FROM blobs WHERE sha256 = ?`);
let t = performance.now();
for (let i = 0; i < N; i++) sel.get(shas[i % shas.length]!);
const rawUs = ((performance.now() - t) * 1000) / N;
const k = new Kysely<Tables>({ dialect: new SqliteDialect({ database: raw }) });
t = performance.now();
for (let i = 0; i < N; i++)
  await k
    .selectFrom('blobs')
    .select(['sha256', 'sm3', 'size'])
    .where('sha256', '=', shas[i % shas.length]!)
    .executeTakeFirst();
const kUs = ((performance.now() - t) * 1000) / N;
console.log(`sqlite select by key: raw better-sqlite3 ${rawUs.toFixed(1)} µs, Kysely ${kUs.toFixed(1)} µs`);
const server = await startTestPostgres();
try {
  const url = server.adminUrl;
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  await pool.query(
    `CREATE TABLE IF NOT EXISTS blobs (sha256 TEXT PRIMARY KEY, sm3 TEXT NOT NULL, size BIGINT NOT NULL)`,
  );
  await pool.query(
    `INSERT INTO blobs SELECT md5(g::text)||md5(g::text), 'x', g FROM generate_series(1,5000) g ON CONFLICT DO NOTHING`,
  );
  const keys = (await pool.query(`SELECT sha256 FROM blobs`)).rows.map((r: { sha256: string }) => r.sha256);
  const M = 5000;
  t = performance.now();
  for (let i = 0; i < M; i++)
    await pool.query(`SELECT sha256, sm3, size FROM blobs WHERE sha256 = $1`, [keys[i % keys.length]]);
  const pgRaw = ((performance.now() - t) * 1000) / M;
  const kp = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  t = performance.now();
  for (let i = 0; i < M; i++)
    await kp
      .selectFrom('blobs')
      .select(['sha256', 'sm3', 'size'])
      .where('sha256', '=', keys[i % keys.length]!)
      .executeTakeFirst();
  const pgK = ((performance.now() - t) * 1000) / M;
  console.log(
    `postgres select by key (loopback, 1 connection): raw pg ${pgRaw.toFixed(1)} µs, Kysely ${pgK.toFixed(1)} µs`,
  );
  await pool.end();
} finally {
  server.stop();
}
