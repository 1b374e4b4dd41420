// A province's HQ database for hq-cases-search: 100,000 cases and ~1,000,000 seals on PostgreSQL,
// generated in the database itself (INSERT … SELECT over generate_series: seconds per table where
// sending rows through the driver would take minutes). Generation BYPASSES INGEST — no seal is
// verified, signed or chained, and the rows the search never reads (signature records, evidence
// references, record owners, print inputs, device certificates) are left out; this is for
// measuring the search only. What the search reads is shaped like what ingest writes: HQ made the
// schema (its migrations, via openHq), one root office it made itself, 14 cities × 8 districts,
// 3 devices per district with 4 officers each, cases of 1 to 19 documents (10 on average) with
// each device's seals numbered without gaps, seal payloads as canonical JSON of the real seal
// format (two officers each, ~3 KB), seal_officers rows and each case's document count and first
// and last sealing times as ingest fills them, ~0.3% of seals with an open flag. Kept in .bench-cache/ (a PostgreSQL cluster folder, git-ignored), keyed by HQ's
// schema (hq/db/migration*.ts), this file and the sizes; delete .bench-cache/ to rebuild.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { canonicalJson } from '../shared/crypto/canonical-json.ts';
import { openHq } from '../hq/hq-app.ts';
import type { HqKeySource } from '../hq/keys/hq-keys.ts';
import { ROOT } from '../scripts/build.ts';
import { startTestPostgres, type TestPostgres } from '../tests/support/postgres.ts';
import { round } from './harness.ts';

const FORMAT = 1;
export const PROVINCE = '广西壮族自治区互联网信息办公室';
export const STAFF_PASSWORD = 'bench-staff-password';
/** The staff the benchmark searches as: the province, one city, one district. */
export const STAFF = [
  { user: 'sheng', office: PROVINCE, role: 'reviewer' as const },
  { user: 'liuzhou', office: '城市01互联网信息办公室', role: 'reviewer' as const },
  { user: 'liunan', office: '城市01区县02网信办', role: 'readonly' as const },
];

export interface SearchData {
  url: string;
  dataDir: string;
  key: HqKeySource;
  server: TestPostgres;
  counts: Record<string, number>;
  generatedMs: number;
  fresh: boolean;
}

const CITIES = 14;
const DISTRICTS = 8;
const DEVICES_PER_DISTRICT = 3;
const OFFICERS_PER_DEVICE = 4;

export const MATTERS = [
  '未履行网络安全保护义务',
  '违法违规收集使用个人信息',
  '未落实网络信息内容管理主体责任',
  '传播违法和不良信息',
  '未履行网络安全等级保护制度',
  '未按规定进行算法备案',
  '违规提供深度合成服务',
  '未落实实名制要求',
  '违规开展互联网新闻信息服务',
  '未按规定处置网络安全事件',
  '未经同意向他人提供个人信息',
  '违规发布网络直播营销信息',
];
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '梁',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '华',
  '建国',
];
const WORDS = [
  '星河',
  '蓝海',
  '云帆',
  '启明',
  '天衡',
  '博远',
  '新锐',
  '远航',
  '恒信',
  '华创',
  '瑞丰',
  '锦程',
  '融通',
  '汇智',
  '鼎盛',
  '宏图',
  '致远',
  '晨光',
  '聚力',
  '长青',
];
const KINDS = ['网络科技有限公司', '信息技术有限公司', '文化传媒有限公司', '电子商务有限公司', '数据服务有限公司'];
const TYPES = ['inquiry', 'scene', 'evidence', 'register'];

/** A SQL array literal of text values (generated from the constants above: no quotes in them). */
const arr = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(',')}]::text[]`;

/** A seal payload of the real format (docs/SEAL-FORMAT.md) with @TOKENS@ for each row's values. */
function payloadTemplate(): string {
  const signature = (n: number, role: string, officer: string | null) => ({
    id: `@DOC@-s${n}`,
    slotId: `slot-${n}`,
    page: 1,
    status: 'signed',
    role,
    signerName: role === 'officer' ? '@O1NAME@' : '当事人代表',
    signerIdNumber: '',
    officerId: officer,
    signedAt: '@AT@',
    imageSha256: 'a'.repeat(64),
    strokesSha256: 'b'.repeat(64),
    bindingSha256: 'c'.repeat(64),
    bindingSm3: 'd'.repeat(64),
    reason: '',
    witnessSignatureId: null,
    recordingEvidenceId: null,
  });
  return canonicalJson({
    format: 'wangxin-field-seal/1',
    device: {
      id: '@DEV@',
      seq: 987654321,
      prev: 'e'.repeat(64),
      sm2PublicKey: `04${'f'.repeat(128)}`,
      ed25519PublicKeyPem:
        '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA0000000000000000000000000000000000000000000=\n-----END PUBLIC KEY-----\n',
    },
    time: { sealedAt: '@AT@', deviceClock: '@AT@', notBefore: null },
    document: {
      id: '@DOC@',
      caseId: '@CASE@',
      caseNo: '@CASENO@',
      type: '@TYPE@',
      docNo: '@DOCNO@',
      templateVersion: '2026.1',
      regulation: '网信部门行政执法程序规定',
      pages: 3,
      sha256: '1'.repeat(64),
      sm3: '2'.repeat(64),
      // The signed form: the document's text, ~2 KB in a real 询问笔录.
      signedForm: JSON.stringify({
        content: '问：请介绍你单位的基本情况。答：我单位主要从事互联网信息服务。'.repeat(24),
      }),
    },
    evidence: [
      {
        id: '@DOC@-e1',
        fileName: '截图-1.png',
        category: '截图',
        sizeBytes: 65536,
        sha256: '3'.repeat(64),
        sm3: '4'.repeat(64),
      },
    ],
    signatures: [signature(1, 'officer', '@O1ID@'), signature(2, 'officer', '@O2ID@'), signature(3, 'party', null)],
    officers: [
      { id: '@O1ID@', name: '@O1NAME@', certNo: '@O1CERT@' },
      { id: '@O2ID@', name: '@O2NAME@', certNo: '@O2CERT@' },
    ],
    corrects: null,
    auditHead: { seq: 987654321, hash: '5'.repeat(64) },
  });
}

/** The statements that fill the database after HQ made its schema, root office and staff. */
function generation(cases: number, rootId: string, rootPath: string): { what: string; sql: string }[] {
  // The payload as one concatenation of the template's fixed parts and the row's values.
  const values: Record<string, string> = {
    '@DOC@': 's.doc_id',
    '@CASE@': 's.case_id',
    '@CASENO@': 's.case_no',
    '@DEV@': 's.device_id',
    '987654321': 's.seq::text',
    '@TYPE@': 's.type',
    '@DOCNO@': 's.doc_no',
    '@AT@': 's.sealed_at',
    '@O1ID@': 'o1.id',
    '@O1NAME@': 'o1.name',
    '@O1CERT@': 'o1.cert_no',
    '@O2ID@': 'o2.id',
    '@O2NAME@': 'o2.name',
    '@O2CERT@': 'o2.cert_no',
  };
  const payload = payloadTemplate()
    .split(/(@[A-Z0-9]+@|987654321)/)
    .map((part, i) => (i % 2 ? values[part]! : `'${part.replace(/'/g, "''")}'`))
    .join(' || ');
  const uuid = (expr: string) => `md5(${expr})::uuid::text`;
  const devices = CITIES * DISTRICTS * DEVICES_PER_DISTRICT;
  return [
    {
      what: 'offices',
      sql: `INSERT INTO offices (id, name, level, parent_id, path, created_at)
        SELECT ${uuid(`'city'||c`)}, '城市'||lpad(c::text,2,'0')||'互联网信息办公室', 'city', '${rootId}', '${rootPath}'||${uuid(`'city'||c`)}||'/', '2025-01-01T00:00:00.000Z'
        FROM generate_series(1, ${CITIES}) c;
        INSERT INTO offices (id, name, level, parent_id, path, created_at)
        SELECT ${uuid(`'dist'||c||'-'||d`)}, '城市'||lpad(c::text,2,'0')||'区县'||lpad(d::text,2,'0')||'网信办', 'district', ${uuid(`'city'||c`)},
               '${rootPath}'||${uuid(`'city'||c`)}||'/'||${uuid(`'dist'||c||'-'||d`)}||'/', '2025-01-01T00:00:00.000Z'
        FROM generate_series(1, ${CITIES}) c, generate_series(1, ${DISTRICTS}) d`,
    },
    {
      what: 'devices and officers',
      sql: `CREATE TABLE gen_devices AS
        SELECT row_number() OVER (ORDER BY c, d, k) - 1 AS idx, ${uuid(`'dev'||c||'-'||d||'-'||k`)} AS device_id,
               ${uuid(`'dist'||c||'-'||d`)} AS office_id, '城市'||lpad(c::text,2,'0')||'区县'||lpad(d::text,2,'0')||'网信办' AS office_name, c, d, k
        FROM generate_series(1, ${CITIES}) c, generate_series(1, ${DISTRICTS}) d, generate_series(1, ${DEVICES_PER_DISTRICT}) k;
        INSERT INTO devices (device_id, name, agency_name, sm2_public, ed25519_public_pem, case_prefix, enrolled_at, code_id, last_seen_at, last_sync_at, office_id)
        SELECT device_id, office_name||'终端'||k, office_name, '04'||md5(device_id)||md5(device_id||'x')||md5(device_id||'y')||md5(device_id||'z'),
               '-----BEGIN PUBLIC KEY-----'||chr(10)||'MCowBQYDK2VwAyEA'||md5(device_id)||chr(10)||'-----END PUBLIC KEY-----'||chr(10),
               '桂网信'||c||'-'||d, '2025-01-0'||k||'T08:00:00.000Z', ${uuid(`'code'||idx`)}, '2026-12-01T08:00:00.000Z', '2026-12-01T08:00:00.000Z', office_id
        FROM gen_devices;
        CREATE TABLE gen_officers AS
        SELECT g.idx AS device_idx, o, ${uuid(`'off'||g.idx||'-'||o`)} AS id,
               (${arr(SURNAMES)})[1 + (g.idx * 7 + o * 3) % ${SURNAMES.length}] || (${arr(GIVEN)})[1 + (g.idx * 11 + o * 5) % ${GIVEN.length}] AS name,
               '45'||lpad((g.idx * ${OFFICERS_PER_DEVICE} + o)::text, 9, '0') AS cert_no
        FROM gen_devices g, generate_series(0, ${OFFICERS_PER_DEVICE - 1}) o`,
    },
    {
      what: 'cases',
      // Case i belongs to device (i-1) % D, the k-th of that device; 1–19 documents (10 on average).
      sql: `CREATE TABLE gen_cases AS
        SELECT i, (i - 1) % ${devices} AS device_idx, (i - 1) / ${devices} AS k, 1 + abs(hashtext('n'||i)) % 19 AS n,
               ${uuid(`'case'||i`)} AS id,
               timestamp '2025-01-01' + ((abs(hashtext('t'||i)) % 690) || ' days')::interval + ((abs(hashtext('h'||i)) % 36000) || ' seconds')::interval AS opened
        FROM generate_series(1, ${cases}) i;
        ALTER TABLE gen_cases ADD COLUMN first_seq bigint;
        UPDATE gen_cases g SET first_seq = s.first_seq FROM (
          SELECT i, 1 + coalesce(sum(n) OVER (PARTITION BY device_idx ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS first_seq FROM gen_cases
        ) s WHERE s.i = g.i;
        CREATE TABLE gen_seals AS
        SELECT g.i AS case_i, g.id AS case_id, g.device_idx, d.device_id, g.first_seq + j AS seq, j,
               ${uuid(`'doc'||g.i||'-'||j`)} AS doc_id,
               to_char((g.opened + (j * 3 || ' days')::interval) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS sealed_at,
               (${arr(TYPES)})[1 + (g.i + j) % ${TYPES.length}] AS type,
               '桂网信'||d.c||'-'||d.d||'〔2026〕'||g.i||'-'||j||'号' AS doc_no,
               '桂网信'||d.c||'-'||d.d||'案〔'||(2025 + g.i % 2)||'〕'||g.k||'号' AS case_no
        FROM gen_cases g JOIN gen_devices d ON d.idx = g.device_idx, generate_series(0, g.n - 1) j;
        INSERT INTO cases (id, case_no, party_name, matter_name, status, device_id, updated_at, document_count, first_sealed_at, last_sealed_at)
        SELECT g.id, '桂网信'||d.c||'-'||d.d||'案〔'||(2025 + g.i % 2)||'〕'||g.k||'号',
               '城市'||lpad(d.c::text,2,'0')||(${arr(WORDS)})[1 + abs(hashtext('p'||g.i)) % ${WORDS.length}]||(${arr(WORDS)})[1 + abs(hashtext('q'||g.i)) % ${WORDS.length}]||(${arr(KINDS)})[1 + abs(hashtext('r'||g.i)) % ${KINDS.length}],
               (${arr(MATTERS)})[1 + abs(hashtext('m'||g.i)) % ${MATTERS.length}],
               (ARRAY['clue','filed','filed','closed'])[1 + abs(hashtext('s'||g.i)) % 4],
               d.device_id,
               to_char((g.opened + ((g.n - 1) * 3 || ' days')::interval + interval '2 hours') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               g.n, span.first_at, span.last_at
        FROM gen_cases g JOIN gen_devices d ON d.idx = g.device_idx
        JOIN (SELECT case_i, min(sealed_at) AS first_at, max(sealed_at) AS last_at FROM gen_seals GROUP BY case_i) span
          ON span.case_i = g.i`,
    },
    {
      what: 'seals',
      sql: `INSERT INTO seals (device_id, seq, hq_seq, document_id, payload, hash_sha256, hash_sm3, prev_hash, sm2_signature, ed25519_signature, received_at, via, receipt, receipt_ed25519, receipt_sm2, print_input)
        SELECT s.device_id, s.seq, row_number() OVER (ORDER BY s.sealed_at, s.device_id, s.seq), s.doc_id,
               ${payload},
               md5(s.doc_id)||md5(s.doc_id||'a'), md5(s.doc_id||'b')||md5(s.doc_id||'c'), md5(s.doc_id||'p')||md5(s.doc_id||'q'),
               md5(s.doc_id||'d')||md5(s.doc_id||'e')||md5(s.doc_id||'f')||md5(s.doc_id||'g'), md5(s.doc_id||'h')||md5(s.doc_id||'i')||'==',
               s.sealed_at, 'network',
               '{"chainComplete":true,"deviceId":"'||s.device_id||'","docNo":"'||s.doc_no||'","documentId":"'||s.doc_id||'","format":"wangxin-hq-receipt/1","hqSeq":0,"hqTime":"'||s.sealed_at||'","seq":'||s.seq||'}',
               md5(s.doc_id||'j')||md5(s.doc_id||'k')||'==', md5(s.doc_id||'l')||md5(s.doc_id||'m')||md5(s.doc_id||'n')||md5(s.doc_id||'o'), NULL
        FROM gen_seals s
        JOIN gen_officers o1 ON o1.device_idx = s.device_idx AND o1.o = s.seq % ${OFFICERS_PER_DEVICE}
        JOIN gen_officers o2 ON o2.device_idx = s.device_idx AND o2.o = (s.seq + 1 + s.case_i % ${OFFICERS_PER_DEVICE - 1}) % ${OFFICERS_PER_DEVICE}`,
    },
    {
      what: 'documents and seal_officers',
      sql: `INSERT INTO documents (id, device_id, seq, case_id, type, doc_no, sealed_at)
        SELECT doc_id, device_id, seq, case_id, type, doc_no, sealed_at FROM gen_seals;
        INSERT INTO seal_officers (device_id, seq, officer_id, case_id, name, cert_no)
        SELECT s.device_id, s.seq, o.id, s.case_id, o.name, o.cert_no
        FROM gen_seals s JOIN gen_officers o ON o.device_idx = s.device_idx
         AND o.o IN (s.seq % ${OFFICERS_PER_DEVICE}, (s.seq + 1 + s.case_i % ${OFFICERS_PER_DEVICE - 1}) % ${OFFICERS_PER_DEVICE})`,
    },
    {
      what: 'flags and counters',
      sql: `INSERT INTO flags (device_id, seq, kind, detail, created_at, resolved_at)
        SELECT device_id, seq, 'verification', '核验未通过：签名记录与文书不符', sealed_at,
               CASE WHEN abs(hashtext('x'||doc_id)) % 3 = 0 THEN sealed_at END
        FROM gen_seals WHERE abs(hashtext('f'||doc_id)) % 200 = 0;
        UPDATE hq_counters SET value = (SELECT count(*) FROM seals) WHERE name = 'hq_seq';
        DROP TABLE gen_seals, gen_cases, gen_officers, gen_devices`,
    },
  ];
}

/** The cache key: HQ's schema (migrations.ts and every migration-NNN file beside it), this generator and the size. */
function cacheKey(cases: number): string {
  const h = createHash('sha256');
  const dir = join(ROOT, 'hq', 'db');
  for (const f of readdirSync(dir)
    .filter((n) => /^migration.*\.ts$/.test(n) && !n.endsWith('.test.ts'))
    .sort())
    h.update(readFileSync(join(dir, f)));
  h.update(readFileSync(fileURLToPath(import.meta.url)));
  return `hq-search-v${FORMAT}-${h.digest('hex').slice(0, 12)}-${cases}cases`;
}

/** The generated database (made once, kept in .bench-cache/), its cluster started. */
export async function searchData(cases: number): Promise<SearchData> {
  const cache = join(ROOT, '.bench-cache');
  const key = cacheKey(cases);
  const dir = join(cache, key);
  const done = join(dir, 'generated.json');
  if (existsSync(done)) {
    const meta = JSON.parse(readFileSync(done, 'utf8')) as { ms: number; counts: Record<string, number>; key: string };
    const server = await startTestPostgres({ keepIn: join(dir, 'cluster') });
    const url = withDatabase(server.adminUrl, 'hq');
    return {
      url,
      dataDir: join(dir, 'hq'),
      key: { masterKey: Buffer.from(meta.key, 'hex') },
      server,
      counts: meta.counts,
      generatedMs: meta.ms,
      fresh: false,
    };
  }
  // Older generations (another schema or size) are stale: free their space.
  for (const e of existsSync(cache) ? readdirSync(cache) : [])
    if (e.startsWith('hq-search-v')) rmSync(join(cache, e), { recursive: true, force: true });
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true }); // the cluster's user (postgres) passes through it
  mkdirSync(join(building, 'hq'), { mode: 0o700 }); // HQ refuses a data folder others can read
  const server = await startTestPostgres({ keepIn: join(building, 'cluster') });
  try {
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE hq');
    await admin.end();
    const url = withDatabase(server.adminUrl, 'hq');
    const masterKey = randomBytes(32);
    const t0 = performance.now();
    // HQ makes its schema, identity and root office, and the staff (their roles at their offices).
    const hq = await openHq({ dataDir: join(building, 'hq'), key: { masterKey }, db: url, name: PROVINCE });
    const root = (await hq.offices.root())!;
    await hq.close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      for (const step of generation(cases, root.id, root.path)) {
        const s0 = performance.now();
        await c.query(step.sql);
        console.log(`    generated ${step.what} in ${round((performance.now() - s0) / 1000, 1)} s`);
      }
      await c.query('VACUUM ANALYZE');
    } finally {
      await c.end();
    }
    const staff = await openHq({ dataDir: join(building, 'hq'), key: { masterKey }, db: url });
    try {
      for (const s of STAFF) {
        const office = await staff.db
          .selectFrom('offices')
          .select('id')
          .where('name', '=', s.office)
          .executeTakeFirstOrThrow();
        await staff.admins.create(s.user, STAFF_PASSWORD, { officeId: office.id, role: s.role });
      }
    } finally {
      await staff.close();
    }
    const counts = await tableCounts(url);
    const ms = performance.now() - t0;
    writeFileSync(
      join(building, 'generated.json'),
      JSON.stringify({ ms: Math.round(ms), counts, key: masterKey.toString('hex') }, null, 2) + '\n',
    );
    server.stop();
    renameSync(building, dir);
  } catch (e) {
    server.stop();
    throw e;
  }
  const again = await startTestPostgres({ keepIn: join(dir, 'cluster') });
  const meta = JSON.parse(readFileSync(done, 'utf8')) as { ms: number; counts: Record<string, number>; key: string };
  return {
    url: withDatabase(again.adminUrl, 'hq'),
    dataDir: join(dir, 'hq'),
    key: { masterKey: Buffer.from(meta.key, 'hex') },
    server: again,
    counts: meta.counts,
    generatedMs: meta.ms,
    fresh: true,
  };
}

function withDatabase(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function tableCounts(url: string): Promise<Record<string, number>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const out: Record<string, number> = {};
    for (const t of ['offices', 'devices', 'cases', 'seals', 'documents', 'seal_officers', 'flags'])
      out[t] = Number((await c.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n);
    return out;
  } finally {
    await c.end();
  }
}
