// The tamper corpus (issue #17): from one genuine bundle, one tampered copy per class of attack,
// each with the checks it must fail and the words the report must use to name the item. Both
// verifiers (npm run verify and tools/verify-py/) are run over it by
// tests/integration/bundle-tamper.test.ts, and every copy is also extracted with GNU tar.
//
//   node tests/support/tamper-corpus.ts GENUINE.tar OUT_DIR     writes OUT_DIR/NAME.tar and cases.json
import { mkdirSync, readFileSync, truncateSync, writeFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { signatureLabel } from '../../protocol/seal/verify-seal-parts.ts';
import type { SealPayload } from '../../protocol/seal/seal-payload.ts';
import type { Manifest } from '../../protocol/bundle/bundle-format.ts';
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import {
  entriesOf,
  forge,
  freshKeys,
  get,
  json,
  put,
  putSigned,
  rewriteManifest,
  sha256,
  signerOf,
  writeEntries,
  type Entry,
  type Signer,
} from './bundle-tamper.ts';
import {
  CERT_FORMAT,
  ed25519KeyId,
  rootDocument,
  sm2KeyId,
  TRUST_ROOT,
  type DeviceCertificate,
} from '../../protocol/trust/trust-format.ts';

export interface CorpusCase {
  name: string;
  /** The class of attack, as the issue lists them. */
  attack: string;
  /** The check ids that must fail with the genuine HQ's root given (--hq-root; empty: the bundle passes). */
  fails: string[];
  /** The check ids that must fail without a root, when they differ (the anchor alone cannot fail then). */
  failsWithoutRoot?: string[];
  /** Text the report must contain, naming the item. */
  names: string[];
}

/**
 * Who else can sign, for the cases that need the genuine parties' keys (a test holds them through
 * their own code): the device (a holder of its keys after its certificate expired) and HQ (a
 * certificate HQ signed for other keys). Without them those cases are left out.
 */
export interface CorpusSigners {
  device: Signer;
  hq: Signer;
}

const flip = (b: Buffer, at: number) => {
  const c = Buffer.from(b);
  c[at] = c[at]! ^ 0x01;
  return c;
};

export async function buildCorpus(
  genuine: string,
  dir: string,
  signers?: CorpusSigners,
): Promise<(CorpusCase & { path: string })[]> {
  mkdirSync(dir, { recursive: true });
  const base = await entriesOf(genuine);
  const manifest = json<Manifest>(base, 'manifest.json');
  const seals = new Map(manifest.seals.map((s) => [s.seq, json<SealPayload>(base, `seals/${s.seq}/seal.json`)]));
  // The seal with signatures page by page (a 询问笔录), and one with evidence.
  const [k, pk] = [...seals].find(([, p]) => p.signatures.some((s) => s.page !== null && s.status === 'signed'))!;
  const paged = pk.signatures.find((s) => s.page !== null && s.status === 'signed')!;
  const [e, pe] = [...seals].find(([, p]) => p.evidence.length > 0)!;
  const ev = pe.evidence[0]!;
  const out: (CorpusCase & { path: string })[] = [];

  async function add(c: CorpusCase, change: (entries: Entry[]) => void | Entry[]) {
    const copy = base.map((x) => ({ ...x, bytes: Buffer.from(x.bytes) }));
    const entries = change(copy) ?? copy;
    const path = join(dir, `${c.name}.tar`);
    await writeEntries(path, entries);
    out.push({ ...c, path });
  }
  const docNo = (seq: number) => seals.get(seq)!.document.docNo;

  await add({ name: 'genuine', attack: '原样', fails: [], names: [] }, () => {});
  await add(
    {
      name: 'document',
      attack: '文书被改动',
      fails: ['members', `seal:${k}`],
      names: [`文书 ${docNo(k)} 的内容与封存时的校验值不符`],
    },
    (x) => put(x, `seals/${k}/document.json`, flip(get(x, `seals/${k}/document.json`).bytes, 40)),
  );
  await add(
    {
      name: 'signature-image',
      attack: '签名图像被改动',
      fails: ['members', `seal:${k}`],
      names: [`${signatureLabel(paged)}的图像被改动或缺失`],
    },
    (x) => put(x, `signatures/${paged.id}.png`, flip(get(x, `signatures/${paged.id}.png`).bytes, 60)),
  );
  await add(
    {
      name: 'strokes',
      attack: '笔迹数据被改动',
      fails: ['members', `seal:${k}`],
      names: [`${signatureLabel(paged)}的笔迹数据被改动或缺失`],
    },
    (x) => {
      const s = get(x, `signatures/${paged.id}.strokes.json`).bytes.toString('utf8');
      put(
        x,
        `signatures/${paged.id}.strokes.json`,
        s.replace(/(\d)(\d)/, (_m, a: string, b: string) => `${b}${a}`) + ' ',
      );
    },
  );
  await add(
    {
      name: 'evidence',
      attack: '电子数据被改动',
      fails: ['members', `seal:${e}`],
      names: [`电子数据「${ev.fileName}」的内容与封存时的校验值不符`],
    },
    (x) => put(x, `evidence/${ev.sha256}`, flip(get(x, `evidence/${ev.sha256}`).bytes, 100)),
  );
  await add(
    {
      name: 'digest',
      attack: '校验值被改写（电子数据换掉、清单的校验值随之改写）',
      fails: ['manifest', `seal:${e}`],
      names: ['清单的SM2签名无效', `电子数据「${ev.fileName}」的内容与封存时的校验值不符`],
    },
    (x) => {
      put(x, `evidence/${ev.sha256}`, flip(get(x, `evidence/${ev.sha256}`).bytes, 100));
      rewriteManifest(x);
    },
  );
  await add(
    {
      name: 'seal-signature',
      attack: '封存签名被改动',
      fails: ['members', `seal:${k}`],
      names: [`封存${k}`, 'SM2签名无效'],
    },
    (x) => put(x, `seals/${k}/seal.sm2.der`, flip(get(x, `seals/${k}/seal.sm2.der`).bytes, 20)),
  );
  await add(
    {
      name: 'seal-signature-ed25519',
      attack: '封存签名被改动',
      fails: ['members', `seal:${e}`],
      names: [`封存${e}`, 'Ed25519签名无效'],
    },
    (x) => put(x, `seals/${e}/seal.ed25519.sig`, flip(get(x, `seals/${e}/seal.ed25519.sig`).bytes, 5)),
  );
  await add(
    { name: 'manifest-signature', attack: '清单签名被改动', fails: ['manifest'], names: ['清单的Ed25519签名无效'] },
    (x) => put(x, 'manifest.ed25519.sig', flip(get(x, 'manifest.ed25519.sig').bytes, 7)),
  );
  // An audit row changed, the manifest made to agree (its signature then fails).
  const rows = json<{ seq: number; action: string; detail: string }[]>(base, 'audit.json');
  const row = rows.find((r) => r.action === 'document-create')!;
  await add(
    {
      name: 'audit-row',
      attack: '审计日志被改动',
      fails: ['manifest', 'audit'],
      names: [`审计日志第${row.seq}条内容被改动（document-create）`],
    },
    (x) => {
      const a = json<{ seq: number; detail: string }[]>(x, 'audit.json');
      a.find((r) => r.seq === row.seq)!.detail += '（改）';
      put(x, 'audit.json', canonicalJson(a));
      rewriteManifest(x);
    },
  );
  await add(
    {
      name: 'seal-removed',
      attack: '封存被移除（文件删去，清单未动）',
      fails: ['members', 'seal:2'],
      names: ['缺少文件 seals/2/seal.json'],
    },
    (x) => x.filter((m) => !m.name.startsWith('seals/2/')),
  );
  await add(
    {
      name: 'seal-removed-everywhere',
      attack: '封存被移除（连同其文件、清单条目和“导出所选”）',
      fails: ['manifest'],
      names: ['清单的SM2签名无效'],
    },
    (x) => {
      const p = seals.get(2)!;
      const own = new Set([
        ...p.signatures.flatMap((s) => [
          `signatures/${s.id}.json`,
          `signatures/${s.id}.png`,
          `signatures/${s.id}.strokes.json`,
        ]),
        ...p.evidence.map((v) => `evidence/${v.sha256}`),
      ]);
      const kept = x.filter(
        (m) => !m.name.startsWith('seals/2/') && !m.name.startsWith('trust/receipts/2.') && !own.has(m.name),
      );
      rewriteManifest(kept, (m) => {
        m.seals = m.seals.filter((s) => s.seq !== 2);
        m.requested = m.requested.filter((id) => id !== p.document.id);
      });
      return kept;
    },
  );
  await add(
    {
      name: 'seals-reordered',
      attack: '封存顺序被调换（seals/1 与 seals/2 互换）',
      fails: ['members', 'seal:1', 'seal:2', 'chain'],
      names: ['封存内容中的序号为2，与所在目录的序号1不符'],
    },
    (x) => {
      for (const m of x)
        if (/^seals\/[12]\//.test(m.name))
          m.name = m.name.replace(/^seals\/([12])\//, (_s, n: string) => `seals/${3 - Number(n)}/`);
    },
  );
  await add(
    {
      name: 'seal-duplicated',
      attack: '封存被复制（seals/1 另存为 seals/9）',
      fails: ['members'],
      names: ['文件 seals/9/seal.json 不在清单中', '属于清单未列出的封存9'],
    },
    (x) => {
      for (const m of x.filter((y) => y.name.startsWith('seals/1/')))
        x.push({ name: m.name.replace('seals/1/', 'seals/9/'), bytes: m.bytes });
    },
  );
  // The trust chain: whose keys these are.
  const cert = json<DeviceCertificate>(base, 'trust/device-cert.json');
  const edit = (f: string) => f.replace(paged.signerName, '王某某');
  await add(
    {
      name: 'forger',
      attack: '伪造者用自己的 SM2、Ed25519 密钥重做全部封存、签名绑定、审计日志和清单（沿用真包的总部证书）',
      fails: ['trust'],
      names: [
        '设备证书所证明的是其他公钥：与签名所用的设备公钥不符',
        `封存${k}的总部回执所记的封存校验值与包中的封存不符`,
      ],
    },
    (x) => {
      forge(x, { changeSeq: k, edit });
    },
  );
  await add(
    {
      name: 'forger-no-trust',
      attack: '伪造者重做全部内容并去掉总部证书（trust/）',
      fails: ['trust'],
      failsWithoutRoot: [],
      names: ['缺少 trust/hq-root.json'],
    },
    (x) => {
      const kept = x.filter((m) => !m.name.startsWith('trust/'));
      const keys = forge(kept, { changeSeq: k, edit });
      rewriteManifest(kept, () => {}, keys);
      return kept;
    },
  );
  await add(
    {
      name: 'another-root',
      attack: '伪造者自建“总部”根密钥，为自己的密钥签发设备证书',
      fails: ['trust'],
      failsWithoutRoot: [],
      names: ['证书来自另一个根'],
    },
    (x) => {
      const kept = x.filter((m) => !m.name.startsWith('trust/'));
      const keys = forge(kept, { changeSeq: k, edit });
      const root = freshKeys();
      const hqId = 'forged-hq';
      put(
        kept,
        TRUST_ROOT,
        rootDocument({
          hqId,
          name: '柳州市互联网信息办公室（示例总部）',
          sm2PublicKey: root.sm2.publicKey,
          ed25519PublicKeyPem: root.ed25519.publicKeyPem,
        }),
      );
      putSigned(
        kept,
        'device-cert',
        {
          ...cert,
          hqId,
          hqKeyIds: { sm2: sm2KeyId(root.sm2.publicKey), ed25519: ed25519KeyId(root.ed25519.publicKeyPem) },
          sm2PublicKey: keys.sm2.publicKey,
          ed25519PublicKeyPem: keys.ed25519.publicKeyPem,
        } satisfies DeviceCertificate,
        signerOf(root),
      );
      rewriteManifest(kept, () => {}, keys);
      return kept;
    },
  );
  if (signers) {
    await add(
      {
        name: 'cert-expired',
        attack: '设备证书已过期（总部签发，但封存时间在有效期之外）',
        fails: ['trust'],
        names: ['不在设备证书的有效期'],
      },
      (x) => {
        putSigned(
          x,
          'device-cert',
          { ...cert, notBefore: '2020-01-01T00:00:00.000Z', notAfter: '2021-01-01T00:00:00.000Z' },
          signers.hq,
        );
        rewriteManifest(x, () => {}, signers.device);
      },
    );
    const other = freshKeys();
    await add(
      {
        name: 'cert-other-keys',
        attack: '总部签发的证书，但证明的是另一对密钥',
        fails: ['trust'],
        names: ['设备证书所证明的是其他公钥'],
      },
      (x) => {
        putSigned(
          x,
          'device-cert',
          {
            ...cert,
            format: CERT_FORMAT,
            sm2PublicKey: other.sm2.publicKey,
            ed25519PublicKeyPem: other.ed25519.publicKeyPem,
          },
          signers.hq,
        );
        rewriteManifest(x, () => {}, signers.device);
      },
    );
  }
  // The archive itself.
  await add(
    {
      name: 'pax-path',
      attack: 'PAX 头改写路径（tar -xf 会用它覆盖真的文书）',
      fails: ['tar'],
      names: [`成员「seals/${k}/document.json」带有 PAX 扩展头（path=seals/${k}/document.json）`, '重复出现'],
    },
    (x) => {
      x.push({ name: `seals/${k}/document.json`, bytes: Buffer.from('{"forged":true}'), header: { pax: {} } });
    },
  );
  await add(
    {
      name: 'pax-size',
      attack: 'PAX 头改写大小（其他读取程序会吞掉下一个条目）',
      fails: ['tar'],
      names: ['带有 PAX 扩展头', 'size='],
    },
    (x) => {
      const i = x.findIndex((m) => m.name === `seals/${k}/document.json`);
      x[i] = { ...x[i]!, header: { pax: { size: String(x[i]!.bytes.length + 1024) } } };
    },
  );
  await add(
    {
      name: 'duplicate-member',
      attack: '重复的条目（tar -xf 以后一个覆盖前一个）',
      fails: ['tar'],
      names: [`成员「seals/${k}/document.json」重复出现`],
    },
    (x) => {
      x.push({ name: `seals/${k}/document.json`, bytes: flip(get(x, `seals/${k}/document.json`).bytes, 40) });
    },
  );
  await add(
    { name: 'symlink', attack: '符号链接', fails: ['tar'], names: ['成员「evidence/link」是符号链接'] },
    (x) => {
      x.push({ name: 'evidence/link', bytes: Buffer.alloc(0), header: { type: 'symlink', linkname: '/etc/passwd' } });
    },
  );
  await add({ name: 'hardlink', attack: '硬链接', fails: ['tar'], names: ['成员「audit-copy.json」是硬链接'] }, (x) => {
    x.push({ name: 'audit-copy.json', bytes: Buffer.alloc(0), header: { type: 'link', linkname: 'audit.json' } });
  });
  await add(
    { name: 'dotdot', attack: '含“..”的名称', fails: ['tar'], names: ['成员「../outside.json」的名称含“..”'] },
    (x) => {
      x.push({ name: '../outside.json', bytes: Buffer.from('{}') });
    },
  );
  await add(
    { name: 'absolute', attack: '绝对路径', fails: ['tar'], names: ['成员「/tmp/evil.json」的名称是绝对路径'] },
    (x) => {
      x.push({ name: '/tmp/evil.json', bytes: Buffer.from('{}') });
    },
  );
  await add(
    {
      name: 'not-in-manifest',
      attack: '清单未列出的文件',
      fails: ['members'],
      names: [`文件 signatures/${paged.id}.bak.json 不在清单中`],
    },
    (x) => {
      x.push({ name: `signatures/${paged.id}.bak.json`, bytes: get(x, `signatures/${paged.id}.json`).bytes });
    },
  );
  const stray = Buffer.from('一份与封存无关的文件\n');
  await add(
    {
      name: 'covered-by-no-seal',
      attack: '清单列出、却不属于任何封存的文件',
      fails: ['manifest', 'members'],
      names: [`文件 evidence/${sha256(stray)} 不是包中任何封存所列的电子数据`],
    },
    (x) => {
      x.push({ name: `evidence/${sha256(stray)}`, bytes: stray });
      rewriteManifest(x);
    },
  );
  await add(
    {
      name: 'unknown-kind',
      attack: '格式中没有的文件',
      fails: ['members'],
      names: ['文件 notes.txt 不属于封存包格式'],
    },
    (x) => {
      x.push({ name: 'notes.txt', bytes: Buffer.from('note') });
    },
  );

  // Raw edits of a written archive: a member after the end marker, a size past the end, a cut file.
  const raw = async (c: CorpusCase, edit: (path: string) => void) => {
    const path = join(dir, `${c.name}.tar`);
    await writeEntries(path, base);
    edit(path);
    out.push({ ...c, path });
  };
  const extra = join(dir, 'extra-member.part');
  await writeEntries(extra, [{ name: `seals/${k}/document.json`, bytes: Buffer.from('{"forged":true}') }]);
  await raw(
    {
      name: 'after-end',
      attack: '结束标记之后另藏条目',
      fails: ['tar'],
      names: [`成员「seals/${k}/document.json」位于归档结束标记（全零块）之后`],
    },
    (p) => writeFileSync(p, Buffer.concat([readFileSync(p), readFileSync(extra)])),
  );
  await raw(
    {
      name: 'size-past-end',
      attack: '条目声明的大小远超文件结尾',
      fails: ['tar'],
      names: ['成员「manifest.ed25519.sig」声明的大小（1073741824字节）超出文件结尾'],
    },
    (p) => {
      const b = readFileSync(p);
      // The last member's header: the block before its 64-byte signature, before the end marker.
      const h = b.length - 1024 - 512 - 512;
      b.write('10000000000\0', h + 124, 'latin1');
      b.fill(0x20, h + 148, h + 156);
      let sum = 0;
      for (let i = 0; i < 512; i++) sum += b[h + i]!;
      b.write(`${sum.toString(8).padStart(6, '0')}\0 `, h + 148, 'latin1');
      writeFileSync(p, b);
    },
  );
  await raw({ name: 'truncated', attack: '文件被截断', fails: ['tar'], names: ['超出文件结尾：文件被截断'] }, (p) =>
    truncateSync(p, Math.floor(statSync(p).size / 2) + 100),
  );
  writeFileSync(
    join(dir, 'cases.json'),
    JSON.stringify(
      out.map(({ path, ...c }) => ({ ...c, file: path.split('/').pop() })),
      null,
      2,
    ),
  );
  return out;
}

if (import.meta.main) {
  const [genuine, dir] = process.argv.slice(2);
  if (!genuine || !dir) {
    console.error('用法：node tests/support/tamper-corpus.ts 真实封存包.tar 输出目录');
    process.exit(2);
  }
  const cases = await buildCorpus(resolve(genuine), resolve(dir));
  console.log(`${cases.length}个样本已写入 ${resolve(dir)}`);
}
