// A real core on a fresh temporary data folder, for integration tests. No mocks: real SQLite,
// real scrypt, the shipped catalog. Passwords are hashed at the shipped scrypt cost unless the test
// asks for `fastPasswords` (see FAST_PASSWORDS).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../core/api/dispatch.ts';
import { openCore, type AppCore } from '../../core/app-core.ts';
import { KeyCustody, newCustody, readKeyFile, unwrapForOfficer } from '../../core/vault/key-custody.ts';
import type { Clock } from '../../core/clock.ts';
import { silentLog } from '../../protocol/runtime/log.ts';
import type { Migration } from '../../protocol/runtime/migrate.ts';
import type { ScryptParams } from '../../protocol/runtime/password-hash.ts';
import type { CallName } from '../../shared/api/call-names.ts';
import type { CallInput, CallOutput } from '../../shared/api/contract.ts';
import type { Result } from '../../shared/api/result.ts';
import { creditCodeCheckChar } from '../../shared/validation/credit-code.ts';
import { residentIdCheckChar } from '../../shared/validation/resident-id.ts';

export const OFFICER_A = {
  name: '李明',
  certNo: '45020019001',
  unit: '柳州市柳南区互联网信息办公室',
  password: 'field2026a',
};
export const OFFICER_B = {
  name: '王芳',
  certNo: '45020019002',
  unit: '柳州市柳南区互联网信息办公室',
  password: 'field2026b',
};
export const AGENCY = '柳州市柳南区互联网信息办公室';

/** A valid 统一社会信用代码 built from 17 characters. */
export const creditCode = (first17 = '91450204MA5N8K2X7') => first17 + creditCodeCheckChar(first17);
/** A valid resident ID number built from 17 digits. */
export const residentId = (first17 = '45020319880512003') => first17 + residentIdCheckChar(first17);

export class FixedClock implements Clock {
  t: number;
  constructor(iso = '2026-11-20T02:00:00.000Z') {
    this.t = Date.parse(iso);
  }
  now = () => new Date(this.t);
  advanceMinutes(m: number) {
    this.t += m * 60_000;
  }
}

export interface TestCore {
  core: AppCore;
  dir: string;
  /** The device key of this data folder (the core opens with it, as the vault would after an unlock). */
  custody: KeyCustody;
  call<K extends CallName>(name: K, arg: CallInput<K>): Promise<Result<CallOutput<K>>>;
  /** Like call, but fails the test unless ok. */
  must<K extends CallName>(name: K, arg: CallInput<K>): Promise<CallOutput<K>>;
  reopen(): void;
  /** The data folder was replaced by a copy of another one: open it with that folder's key (officer A's copy). */
  adoptCopy(): Promise<void>;
  dispose(): void;
}

/**
 * The scrypt cost `makeCore({ fastPasswords: true })` hashes and wraps passwords at: 1/32 of the
 * shipped one (DEFAULT_SCRYPT, logN 15: ~80 ms of CPU a hash here; this ~2 ms). The same code
 * runs — hashing, wrapping, every check — and the cost is recorded beside each hash as always, so
 * processes that open the folder (the crash tests' children) check at this cost too. For tests
 * that do not test passwords; those that do (sign-in, lockout, key custody) keep the shipped cost.
 * Sign-ins, confirmations and signatures check passwords all the time: at the shipped cost they
 * were about a third of the unit tests' CPU time.
 */
export const FAST_PASSWORDS: ScryptParams = { logN: 10, r: 8, p: 1 };

/**
 * The fixtures' records are dated 2026-11-20 (scripts/demo-documents.ts); a test on the real clock
 * signs them weeks later, which the case timeline calls late (lateSignature) and refuses without a
 * reason. A sitting started without a `lateReason` key gets this one (ignored when in time); a test
 * of the rule passes its own, or '' for none (core/signatures/late-signing.test.ts).
 */
function withLateReason(name: CallName, arg: unknown): unknown {
  if (name !== 'signing.start' || typeof arg !== 'object' || arg === null || 'lateReason' in arg) return arg;
  return { ...arg, lateReason: '测试：示例文书的日期早于测试运行之日' };
}

export function makeCore(
  opts: {
    clock?: Clock;
    fastPasswords?: boolean;
    migrations?: readonly Migration[];
    syncBatchTarget?: { seals: number; bytes: number };
  } = {},
): TestCore {
  const dir = mkdtempSync(join(tmpdir(), 'field-core-'));
  const cost = opts.fastPasswords ? FAST_PASSWORDS : undefined;
  const open = () =>
    openCore({
      dataDir: dir,
      custody: t.custody,
      log: silentLog,
      ...(opts.clock ? { clock: opts.clock } : {}),
      ...(opts.migrations ? { migrations: opts.migrations } : {}),
      ...(opts.syncBatchTarget ? { syncBatchTarget: opts.syncBatchTarget } : {}),
      ...(cost ? { passwordCost: cost } : {}),
    });
  const t: TestCore = {
    core: undefined as unknown as AppCore,
    dir,
    custody: newCustody(dir, cost),
    call: (name, arg) => dispatch(t.core, name, withLateReason(name, arg)) as never,
    must: async (name, arg) => {
      const r = await t.call(name, arg);
      if (!r.ok)
        throw new Error(`${name} failed: ${r.error.kind}: ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
      return r.value;
    },
    reopen: () => {
      t.core.close();
      t.core = open();
    },
    adoptCopy: async () => {
      const file = readKeyFile(dir)!;
      const found = await unwrapForOfficer(file, OFFICER_A.certNo, OFFICER_A.password);
      if (!found) throw new Error('the copied folder has no key copy for officer A');
      t.custody = new KeyCustody(dir, found.master, file, cost);
      t.core = open();
    },
    dispose: () => {
      t.core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  t.core = open();
  return t;
}

/** Set up the office with officers A and B and sign both in. */
export async function setUpPair(t: TestCore): Promise<void> {
  await t.must('office.setup', { agencyName: AGENCY, officers: [OFFICER_A, OFFICER_B] });
  await t.must('session.signIn', { certNo: OFFICER_A.certNo, password: OFFICER_A.password });
  await t.must('session.signIn', { certNo: OFFICER_B.certNo, password: OFFICER_B.password });
}

export function orgCaseInput(officerIds: string[], matterId: string, over: Partial<Record<string, unknown>> = {}) {
  return {
    title: '某网络科技有限公司涉嫌未履行网络安全保护义务案',
    source: '监督检查发现' as const,
    sourceNote: '2026年11月专项检查中发现',
    party: {
      kind: 'organisation' as const,
      name: '柳州市星河网络科技有限公司',
      creditCode: creditCode(),
      legalRepresentative: '陈立新',
      address: '广西壮族自治区柳州市柳南区航五路12号',
      phone: '0772-3861234',
    },
    platform: {
      name: '星河资讯',
      domain: 'xinghe-news.cn',
      url: 'https://www.xinghe-news.cn/',
      icp: '桂ICP备20231234号-1',
    },
    // In 2026, before every fixed clock the tests use: the law as amended applies, no choice to make.
    conduct: { kind: 'day' as const, from: '2026-10-12', discoveredOn: '2026-10-20' },
    matterId,
    officerIds,
    summary: '',
    ...over,
  };
}
