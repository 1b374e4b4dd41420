// A throw-away PostgreSQL for the tests: Debian's server binaries (/usr/lib/postgresql/N/bin, the
// newest N), a cluster made by initdb in a temp folder, started by pg_ctl on a free loopback port
// with trust authentication and no Unix socket outside its folder, and removed when stopped. As
// root (CI), the cluster runs as the `postgres` system user (Debian's package makes it; created
// here when missing), since PostgreSQL refuses to run as root; the data folder is theirs.
// Started once per vitest run (pg-global-setup.ts); each HQ under test gets a fresh database
// (hq-engines.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres — a superuser connection, trust authentication. */
  adminUrl: string;
  stop(): void;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length)
    throw new Error(
      'PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin: apt-get install postgresql (.ci/run does this)',
    );
  return join(root, versions[0]!, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Runs a server binary as the cluster's user (`postgres` when this process is root). */
function asClusterUser(asUser: string | null, cmd: string, args: string[]): void {
  const r = asUser
    ? spawnSync('runuser', ['-u', asUser, '--', cmd, ...args], { encoding: 'utf8' })
    : spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
}

function clusterUser(): string | null {
  if (process.getuid?.() !== 0) return null;
  if (spawnSync('id', ['-u', 'postgres']).status !== 0)
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
  return 'postgres';
}

export interface StartOptions {
  /**
   * A folder to keep the cluster in (benchmarks cache a generated database there): made by initdb
   * when it holds none yet, started as it is otherwise, and left in place by stop().
   */
  keepIn?: string;
  /** PostgreSQL's own durability settings (fsync, synchronous commit): for benchmarks of writes. */
  durable?: boolean;
}

export async function startTestPostgres(o: StartOptions = {}): Promise<TestPostgres> {
  const bin = binDir();
  const user = clusterUser();
  if (o.keepIn) mkdirSync(o.keepIn, { recursive: true });
  const dir = o.keepIn ?? mkdtempSync(join(tmpdir(), 'field-pg-'));
  const data = join(dir, 'data');
  const fresh = !existsSync(join(data, 'PG_VERSION'));
  if (user) {
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const port = await freePort();
  let started = false;
  const stop = () => {
    if (started)
      spawnSync(
        user ? 'runuser' : join(bin, 'pg_ctl'),
        [
          ...(user ? ['-u', user, '--', join(bin, 'pg_ctl')] : []),
          '-D',
          data,
          '-m',
          o.keepIn ? 'fast' : 'immediate',
          '-w',
          'stop',
        ],
        { stdio: 'ignore' },
      );
    started = false;
    if (!o.keepIn) rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (fresh) rmSync(data, { recursive: true, force: true });
    if (fresh)
      asClusterUser(user, join(bin, 'initdb'), [
        '-D',
        data,
        '-U',
        'postgres',
        '--auth=trust',
        '-E',
        'UTF8',
        '--locale=C.UTF-8',
        '--no-sync',
      ]);
    asClusterUser(user, join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      // fsync off: a throw-away cluster (the engine's durability is not what these tests measure).
      `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories='${dir}'${o.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'} -c max_connections=200`,
      'start',
    ]);
    started = true;
  } catch (e) {
    stop();
    throw e;
  }
  return { adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}
