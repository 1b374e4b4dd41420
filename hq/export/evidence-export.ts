// 导出证据包: one tar file for a court or examiner, for a case or one document, streamed to the
// browser as it is made (evidence straight from the blob store, decrypted piece by piece: never a
// whole file or the whole archive in memory). What it holds (docs/HQ.md「导出证据包」):
//  - 文书/NN-类型-文书编号/: each document's seal folder (docs/SEAL-FORMAT.md §8) — the seal as the
//    device signed it, both signatures, the device's keys, the document's signed form, and trust/:
//    HQ's root keys, the device certificate, HQ's status statement as of the export and HQ's receipt
//    for the seal — which `npm run verify -- FOLDER --hq-root FP` checks to exit 0 by itself;
//  - PDF/: the PDFs HQ prints (only when the print input reproduces the sealed hash);
//  - 电子数据/: the evidence files under their SHA-256 (named in the signed seal.json), with
//    SHA256SUMS for `sha256sum -c`; 签名/: signature records, images and strokes;
//  - 核验报告.txt: the verifier's own report on each folder, HQ's re-run of the full checks
//    (signatures, bindings, evidence digests, chain link), and each evidence file's SHA-256 as
//    recomputed while it was written into this archive — written last, when that is known;
//  - 说明.txt: what this is, HQ's root fingerprint and the exact commands to check it.
// Why not a sealed bundle (wangxin-field-bundle/2): its manifest is signed by the device and pins
// the device's audit log, neither of which HQ has; a seal folder is the format that HQ's copy of a
// seal can be checked in without trusting HQ (only HQ's published fingerprint).
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pack, type Pack } from 'tar-stream';
import { sm2PublicKeyPem } from '../../protocol/crypto/sm2.ts';
import { formatReport } from '../../protocol/seal/verify-report.ts';
import { verifySealFolder } from '../../protocol/seal/verify-seal-folder.ts';
import {
  fingerprint,
  rootDocument,
  TRUST_ROOT,
  trustMember,
  type TrustDoc,
} from '../../protocol/trust/trust-format.ts';
import type { ReceivedDocument } from '../browse/browse.ts';
import type { Viewer } from '../db/scope.ts';
import type { HqApp } from '../hq-app.ts';
import { reverifyDocument } from '../ingest/reverify.ts';
import { printReceived } from '../print/print-received.ts';
import { EXPORT_SCRATCH } from './export-scratch.ts';
import { documentTypeLabel, t } from '../http/web/pages/format.ts';

export interface EvidenceExport {
  /** The download's file name (证据包-案号.tar). */
  fileName: string;
  /** The archive, made as it is read. */
  stream: Readable;
}

/** A name safe as one path segment on Windows and Linux (document numbers carry 〔〕 and may carry /). */
const safe = (s: string) => s.replace(/[/\\:*?"<>|\s]+/g, '_').slice(0, 60) || '_';

/**
 * The export of a case (`caseId`) or of one document (`documentId`), as the viewer may read it:
 * null when it is outside their offices (404). The read is logged in the access log.
 */
export async function evidenceExport(
  hq: HqApp,
  v: Viewer,
  what: { caseId: string } | { documentId: string },
): Promise<EvidenceExport | null> {
  let caseNo: string;
  let ids: string[];
  if ('caseId' in what) {
    const c = await hq.cases.caseForExport(v, what.caseId);
    if (!c) return null;
    caseNo = c.c.case_no;
    ids = c.documents.map((d) => d.id);
  } else {
    const d = await hq.cases.document(v, what.documentId, 'export');
    if (!d) return null;
    caseNo = d.payload.document.caseNo;
    ids = [what.documentId];
  }
  const docs: ReceivedDocument[] = [];
  for (const id of ids) {
    const d = await hq.browse.document(id);
    if (d) docs.push(d);
  }
  const top = `证据包-${safe(caseNo)}${'documentId' in what && docs[0] ? `-${safe(docs[0].payload.document.docNo)}` : ''}`;
  const tar = pack();
  void write(hq, v, tar, top, caseNo, docs).then(
    () => tar.finalize(),
    (e: unknown) => {
      hq.log.error('evidence export failed', { kind: (e as Error).name });
      tar.destroy(e as Error); // the download breaks off: the browser shows it as failed, never as complete
    },
  );
  return { fileName: `${top}.tar`, stream: Readable.from(tar as AsyncIterable<Uint8Array>, { objectMode: false }) };
}

async function write(hq: HqApp, v: Viewer, tar: Pack, top: string, caseNo: string, docs: ReceivedDocument[]) {
  const mtime = hq.now();
  const add = (name: string, bytes: Uint8Array | string) =>
    new Promise<void>((resolve, reject) => {
      const b = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
      tar.entry({ name: `${top}/${name}`, size: b.length, mtime, mode: 0o644 }, b, (e) => (e ? reject(e) : resolve()));
    });
  const keys = hq.identity.keys();
  const rootText = rootDocument(keys);
  const fp = fingerprint(rootText);
  await add('hq-root.json', rootText);

  const report: string[] = [];
  const commands: string[] = [];
  const sums: string[] = [];
  const evidenceDone = new Map<string, string>(); // sha256 → the SHA-256 recomputed while writing
  const scratch = mkdtempSync(join(hq.dataDir, EXPORT_SCRATCH));
  try {
    for (const [i, d] of docs.entries()) {
      const p = d.payload;
      const label = documentTypeLabel(p.document.type);
      const folder = `文书/${String(i + 1).padStart(2, '0')}-${safe(label)}-${safe(p.document.docNo)}`;
      const signatures = `签名/${String(i + 1).padStart(2, '0')}-${safe(p.document.docNo)}`;
      const files = await sealFolderFiles(hq, d);
      // The verifier's own checks, on exactly these bytes, before they go out.
      const dir = join(scratch, String(i));
      for (const [name, bytes] of files) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), bytes, { mode: 0o600 });
        await add(`${folder}/${name}`, bytes);
      }
      const folderReport = verifySealFolder(dir, { fingerprint: fp });
      const problems = await reverifyDocument(hq, p.document.id);
      const nn = String(i + 1).padStart(2, '0');
      report.push(
        `文书${i + 1}：${label} ${p.document.docNo}（封存${p.device.seq}，设备 ${p.device.id}，封存时间 ${t(p.time.sealedAt)}，总部接收 ${t(d.receivedAt)}）`,
        `【1】封存文件夹 ${folder}/ 的核验（与 npm run verify 相同的程序与输出）：`,
        formatReport(folderReport),
        `【2】总部按所存全部内容重新核验（设备签名、文书、${p.signatures.length}个签名的绑定与图像、${p.evidence.length}件电子数据的校验值、与上一封存的衔接）：${problems.length ? `不通过：${problems.join('；')}` : '通过'}`,
      );
      commands.push(`npm run verify -- "${top}/${folder}/" --hq-root ${fp}`);

      const printed = await printReceived(hq, d);
      if (printed.ok) await add(`PDF/${nn}-${safe(printed.fileName)}`, printed.bytes);
      report.push(
        `【3】PDF：${printed.ok ? '已由总部按封存的文书打印（打印结果与封存校验值一致）' : `未附：${printed.reason}`}`,
      );

      for (const s of await hq.browse.sealSignatures(d.deviceId, d.seq)) {
        await add(`${signatures}/${s.signature_id}.json`, s.record);
        if (s.image_png) await add(`${signatures}/${s.signature_id}.png`, s.image_png);
        if (s.strokes) await add(`${signatures}/${s.signature_id}.strokes.json`, s.strokes);
      }
      const lines: string[] = [];
      for (const e of p.evidence) {
        if (!evidenceDone.has(e.sha256)) {
          evidenceDone.set(
            e.sha256,
            await addStream(tar, `${top}/电子数据/${e.sha256}`, e.sizeBytes, mtime, hq, e.sha256),
          );
          sums.push(`${e.sha256}  ${e.sha256}`);
        }
        const got = evidenceDone.get(e.sha256)!;
        lines.push(
          `    ${e.fileName}（${e.sizeBytes}字节）SHA-256 ${e.sha256}：${got === e.sha256 ? '导出时重新计算，与封存一致' : `导出时计算为 ${got}，与封存不符`}`,
        );
      }
      report.push(
        lines.length
          ? `【4】电子数据（${p.evidence.length}件，文件在 电子数据/ 下，以 SHA-256 命名）：`
          : '【4】电子数据：无',
        ...lines,
        '',
      );
    }
    if (sums.length) await add('电子数据/SHA256SUMS', `${sums.join('\n')}\n`);
    const ok = report.every((l) => !/不通过|不符/.test(l));
    await add(
      '核验报告.txt',
      [
        `证据包核验报告：案件 ${caseNo}`,
        `导出：${keys.name}，${t(mtime.toISOString())}（北京时间），导出人 ${v.username}`,
        `总部根密钥指纹：${fp}`,
        `结论：${ok ? `${docs.length}份文书全部核验通过。` : '有核验项不通过，见下文。'}`,
        '',
        ...report,
      ].join('\n'),
    );
    await add('说明.txt', readme(keys.name, caseNo, fp, commands, docs.length, sums.length > 0));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The six files of the seal folder and its trust/ documents, as the device's export writes them. */
async function sealFolderFiles(hq: HqApp, d: ReceivedDocument): Promise<[string, Uint8Array][]> {
  const p = d.payload;
  const files: [string, Uint8Array][] = [
    ['seal.json', Buffer.from(d.payloadText, 'utf8')],
    ['seal.sm2.der', Buffer.from(d.sm2Signature, 'hex')],
    ['seal.ed25519.sig', Buffer.from(d.ed25519Signature, 'hex')],
    ['device-sm2.pem', Buffer.from(sm2PublicKeyPem(p.device.sm2PublicKey))],
    ['device-ed25519.pem', Buffer.from(p.device.ed25519PublicKeyPem)],
    ['document.json', Buffer.from(p.document.signedForm, 'utf8')],
    [TRUST_ROOT, Buffer.from(hq.devices.certificates.rootText(), 'utf8')],
  ];
  const signed = (doc: TrustDoc, s: { json: string; sm2: string; ed25519: string }) => {
    files.push([trustMember(doc, 'json'), Buffer.from(s.json, 'utf8')]);
    files.push([trustMember(doc, 'sm2'), Buffer.from(s.sm2, 'hex')]);
    files.push([trustMember(doc, 'ed25519'), Buffer.from(s.ed25519, 'hex')]);
  };
  const cert = await hq.db
    .selectFrom('device_certificates')
    .select(['json', 'sm2', 'ed25519'])
    .where('device_id', '=', d.deviceId)
    .executeTakeFirst();
  const device = await hq.devices.get(d.deviceId);
  if (cert && device) {
    signed('device-cert', cert);
    signed('status', hq.devices.certificates.status(device, cert));
  }
  const r = await hq.db
    .selectFrom('seals')
    .select(['receipt', 'receipt_sm2', 'receipt_ed25519'])
    .where('device_id', '=', d.deviceId)
    .where('seq', '=', d.seq)
    .executeTakeFirstOrThrow();
  signed(`receipts/${d.seq}`, { json: r.receipt, sm2: r.receipt_sm2, ed25519: r.receipt_ed25519 });
  return files;
}

/** Streams a blob into the archive as it is decrypted; returns the SHA-256 of what was written. */
async function addStream(tar: Pack, name: string, size: number, mtime: Date, hq: HqApp, sha256: string) {
  const hash = createHash('sha256');
  let entryDone!: Promise<void>;
  const sink = await new Promise<NodeJS.WritableStream>((resolve) => {
    entryDone = new Promise<void>((ok, fail) => {
      resolve(tar.entry({ name, size, mtime, mode: 0o644 }, (e) => (e ? fail(e) : ok())));
    });
  });
  await pipeline(
    hq.storage.read(sha256),
    async function* (source: AsyncIterable<Buffer>) {
      for await (const c of source) {
        hash.update(c);
        yield c;
      }
    },
    sink,
  );
  await entryDone;
  return hash.digest('hex');
}

function readme(hqName: string, caseNo: string, fp: string, commands: string[], n: number, evidence: boolean) {
  return `证据包：案件 ${caseNo}（${n}份文书）
由 ${hqName} 的总部服务器导出。

一、内容
  文书/          每份文书一个封存文件夹：设备签名的封存（seal.json）及其 SM2、Ed25519 签名，
                 设备公钥，文书原文（document.json），trust/ 下为总部根公钥、总部为该设备签发的证书、
                 设备状态声明和总部对该封存的回执。
  PDF/           总部按封存的文书打印的 PDF（仅在打印结果与封存校验值一致时附上）。
  电子数据/      各文书所附电子数据原件，文件名为其 SHA-256；封存（seal.json 的 evidence）中列有
                 每件的原文件名、SHA-256 和 SM3。
  签名/          按文书分列的签名记录（与封存中的绑定对应）、签名图像和笔迹。
  核验报告.txt   导出时的核验结果。
  hq-root.json   总部根公钥。

二、总部根密钥指纹
  ${fp}
  请与网信办公布的指纹（公文、网站或案卷中）核对：指纹相同，才能证明签名密钥属于该网信办。

三、自行核验（需本程序，Node.js 24；在解包后的目录中运行）
  tar -xf "证据包文件.tar"
${commands.map((c) => `  ${c}`).join('\n')}
  每条命令退出码为 0 且输出“核验结论：全部通过”，即该份文书的封存、签名、文书原文及总部证书均完好${
    evidence ? '，\n  且该文书所附的电子数据（电子数据/ 中以 SHA-256 命名的文件）的 SHA-256、SM3 和大小与封存一致' : ''
  }。
${
  evidence
    ? `  不用本程序时的电子数据核验：cd 电子数据 && sha256sum -c SHA256SUMS（每行应为“成功/OK”），
  再与 seal.json 中 evidence 所列的 sha256 对照（seal.json 有设备签名，上面的命令已核验）；
  也可用 openssl dgst -sm3 文件 对照所列 SM3。`
    : '  本证据包没有电子数据。'
}
  不用本程序的手工核验方法见 docs/SEAL-FORMAT.md「Checking a seal by hand」。
`;
}
