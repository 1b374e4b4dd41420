// The 签名情况记录 page (issue #20): printed after a document's own pages when a signature record
// of format 2 says more than an image in its slot can — a refusal, absence or inability (who, why,
// when, the two officers who noted it, the witness or the recording that backs it: 2017 reg.
// art. 30), a 捺指印 or 盖章, or a signer for an organisation (position and authority). At body size
// (小四), never shrunk into a footer; the slot itself says 「拒绝签名，见签名情况记录」. The page is
// not counted in the document's 「共N页」: the document's pages were frozen and hashed before
// signing, and this page records what happened at signing.
import { breakText } from './line-break.ts';
import type { PrintSignature } from './print-signature.ts';

export const RESOLVED_LABEL: Record<Exclude<PrintSignature['status'], 'signed'>, string> = {
  refused: '拒绝签名',
  absent: '不在场',
  unable: '无法签名',
};

/** 2026年12月7日10时05分, Beijing time. */
export function chineseMinute(iso: string): string {
  const local = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日${local.getUTCHours()}时${String(local.getUTCMinutes()).padStart(2, '0')}分`;
}

/** Whether the signature needs its paragraph on the 签名情况记录 page. */
export function needsRecord(s: PrintSignature): boolean {
  const d = s.detail;
  if (!d) return false;
  return (
    s.status !== 'signed' ||
    d.how.mark !== '签名' ||
    d.how.onBehalfOf !== '' ||
    d.offered ||
    (d.how.reusedOnPages && d.mirroredAs.length > 0)
  );
}

/**
 * Whether the document gets a 签名情况记录 page: only when some signature has something to state
 * there. Records of format 2 that are plain handwritten signatures (a 签收人 or an interviewee
 * signing for themself) state nothing; a page saying only what it is for would be a blank page
 * appended to the document.
 */
export function hasRecord(sigs: readonly PrintSignature[]): boolean {
  return sigs.some(needsRecord);
}

/** What the slot itself says for a refusal of format 2: short, at body size. */
export function slotNote(s: PrintSignature): string {
  return s.status === 'signed' ? '' : `${RESOLVED_LABEL[s.status]}，见签名情况记录`;
}

/** One paragraph per signature that needs it, in the order they were made. */
export function recordParagraphs(sigs: readonly PrintSignature[]): { text: string; witnessImage: Uint8Array | null }[] {
  // A witness of a refusal is printed with the refusal; one who backs none, on their own.
  const backing = new Set(sigs.map((s) => s.detail?.witness?.id).filter(Boolean));
  const shown = sigs.filter((s) => needsRecord(s) && !backing.has(s.detail!.id));
  // A witness who backs several refusals signed once: their signature is shown once, after the last.
  const lastFor = new Map(shown.map((s) => [s.detail!.witness?.id, s] as const));
  return shown.map((s) => {
    const d = s.detail!;
    const where = d.label;
    const when = chineseMinute(s.signedAt);
    // A slot offered besides the layout's has no place on the pages: its image is shown here.
    if (d.offered)
      return {
        text: `「${where}」：${s.signerName}于${when}在签名板上${d.role === '见证人' ? '签名' : '手写'}：`,
        witnessImage: s.image,
      };
    if (s.status !== 'signed') {
      // For an organisation: the person by name, their position there and their authority, when recorded.
      const h = d.how;
      const who = h.onBehalfOf
        ? `${d.role}${h.onBehalfOf}的${h.signerRole}${s.signerName}${h.authority ? `（${h.authority}）` : ''}`
        : s.signerName
          ? `${d.role}${s.signerName}`
          : d.role;
      const once = lastFor.get(d.witness?.id) === s;
      const backed = d.witness
        ? once
          ? `见证人${d.witness.name}在场见证，并于${chineseMinute(d.witness.signedAt)}签名：`
          : `见证人${d.witness.name}在场见证（其签名见下）。`
        : d.recording
          ? `以上过程有同步录音录像为证（电子数据编号${d.recording}）。`
          : '以上过程的同步录音录像尚未保存。';
      return {
        text: `「${where}」：${who}${RESOLVED_LABEL[s.status]}。理由：${s.reason}。记录时间：${when}。执法人员${d.notedBy.join('、')}当场记录并确认。${backed}`,
        witnessImage: once ? (d.witness?.image ?? null) : null,
      };
    }
    const h = d.how;
    if (h.reusedOnPages && d.mirroredAs.length) {
      const pages = d.mirroredAs.map((m) => m.page);
      const span = pages.length > 1 ? `第${pages[0]}至${pages.at(-1)}页` : `第${pages[0]}页`;
      return {
        text: `${span}「${d.mirroredAs[0]!.label}」栏所印的签名，系${s.signerName}于${when}在文末「${where}」栏所签，经其同意在各页复用，不是在各页分别所签。`,
        witnessImage: null,
      };
    }
    const forWhom = h.onBehalfOf
      ? `代表${h.onBehalfOf}（职务：${h.signerRole}；身份：${h.authority}${h.authorisationEvidenceId ? `，授权委托书见电子数据编号${h.authorisationEvidenceId}` : ''}）`
      : '';
    const how =
      h.mark === '签名'
        ? '签名'
        : `${h.mark}（${h.capture === 'camera' ? '现场拍摄' : '导入照片'}的${h.mark === '盖章' ? '印章' : '指印'}图像，与签名同样绑定文书校验值）`;
    return { text: `「${where}」：${s.signerName}${forWhom}于${when}${how}。`, witnessImage: null };
  });
}

/** The lines of the page(s): title and paragraphs broken to the width at `size`. */
export function recordLines(
  title: string,
  sigs: readonly PrintSignature[],
  width: number,
  advance: (ch: string) => number,
): { text: string; image: Uint8Array | null }[] {
  const out: { text: string; image: Uint8Array | null }[] = breakText(
    `本记录附于${title}之后，记载签名栏中的签名方式、拒绝签名等情况，不计入文书页数。`,
    width,
    advance,
  ).map((l) => ({ text: l.text, image: null }));
  for (const p of recordParagraphs(sigs)) {
    const lines = breakText(p.text, width, advance);
    lines.forEach((l, i) => out.push({ text: l.text, image: i === lines.length - 1 ? p.witnessImage : null }));
  }
  return out;
}
