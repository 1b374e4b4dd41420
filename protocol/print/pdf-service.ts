// Printing a document: its template version's layout (forms/layout-spec.ts), pagination (paginate.ts), the coverage check, the PDF
// (write-pdf.ts). The fonts are loaded on first use: most sessions never print.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { DocumentDetail } from '../../shared/documents/document-api.ts';
import { descriptorOf } from '../../shared/documents/types/registry.ts';
import { CoreError } from '../runtime/core-error.ts';
import { FontSet } from './fonts.ts';
import { layoutSpec } from './forms/layout-spec.ts';
import type { LaidOutDocument } from './layout-model.ts';
import { paginate } from './paginate.ts';
import { writePdf, type PrintSignature, type WriteOptions } from './write-pdf.ts';

export const SHIPPED_FONTS = fileURLToPath(new URL('../../assets/fonts/', import.meta.url));

export interface PrintedDocument {
  fileName: string;
  bytes: Uint8Array;
  pages: number;
}

export class PdfService {
  private fontSet: FontSet | null = null;
  private readonly fontsDir: string;

  constructor(fontsDir: string = SHIPPED_FONTS) {
    this.fontsDir = fontsDir;
  }

  get fonts(): FontSet {
    return (this.fontSet ??= FontSet.load(this.fontsDir));
  }

  /**
   * The pages exactly as they print: a pure function of the document (and the bundled fonts).
   * Being pure, it is memoised on the document's serialisation: signing asks for the same
   * document's pages several times per signature.
   */
  layout(doc: DocumentDetail): LaidOutDocument {
    const key = createHash('sha256').update(JSON.stringify(doc)).digest('hex');
    let laid = this.cache.get(key);
    if (!laid) {
      laid = paginate(layoutSpec(doc), { advance: (ch) => this.fonts.advance(ch.codePointAt(0)!) });
      this.cache.set(key, laid);
      if (this.cache.size > 16) this.cache.delete(this.cache.keys().next().value!);
    }
    return laid;
  }
  private readonly cache = new Map<string, LaidOutDocument>();

  async print(
    doc: DocumentDetail,
    opts: { subset?: boolean; sealHash?: string; signatures?: PrintSignature[]; seal?: WriteOptions['seal'] } = {},
  ): Promise<PrintedDocument> {
    const laid = this.layout(doc);
    const missing = this.fonts.missing(laid.text + (opts.signatures ?? []).map((s) => s.reason).join(''));
    if (missing.length) {
      const list = missing
        .map((ch) => `「${ch}」（U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}）`)
        .join('、');
      throw new CoreError(
        'validation',
        `文书中有程序所带字体均无法显示的字符：${list}。为免打印成空白方框，已停止生成PDF。请核对这些字符是否录入有误；确属生僻字的，请改用通用写法并在括号内注明。`,
      );
    }
    const label = descriptorOf(doc.type).pdfTitle;
    const bytes = await writePdf(
      laid,
      this.fonts,
      {
        title: `${label} ${doc.docNo}`,
        author: doc.context.agency,
        subject: doc.context.caseTitle,
        createdAt: new Date(doc.updatedAt),
        keywords: [doc.context.caseNo, doc.docNo, label],
        ...(opts.sealHash ? { sealHash: opts.sealHash } : {}),
      },
      {
        draft: doc.state === 'draft',
        subset: opts.subset ?? true,
        signatures: opts.signatures ?? [],
        ...(opts.seal ? { seal: opts.seal } : {}),
      },
    );
    return { fileName: `${doc.docNo}-${label}.pdf`, bytes, pages: laid.pages.length };
  }
}
