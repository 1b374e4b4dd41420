// One page exactly as it prints: the same positioned text, rules and slots as the PDF (from the
// core's pagination), drawn at scale; signatures already made appear in their slots.
import { formatMinuteChinese, toLocalMinute } from '../../shared/documents/local-time.ts';
import {
  RESOLUTION_LABELS,
  type ReviewPage as Page,
  type SignatureRecord,
  type SigningState,
} from '../../shared/signatures/signature-api.ts';

const FONT =
  '"HanaMinB", "Droid Sans Fallback", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif';

/** Body size (小四, 12 pt), as the PDF prints a refusal in its slot (protocol/print/write-pdf.ts). */
const BODY = 12;

/**
 * What the slot says for a refusal, absence or inability, as the PDF prints it: a record of format 2
 * 「拒绝签名，见签名情况记录」 at body size (only 「拒绝签名」 where the slot is too narrow — a CJK
 * character is one em wide); an older record its label and reason, fitted into the slot.
 */
export function resolvedSlotText(sig: SignatureRecord, slotWidth: number): { text: string; size: number } {
  if (sig.status === 'signed') return { text: '', size: BODY };
  const label = RESOLUTION_LABELS[sig.status];
  if (sig.how) {
    const note = `${label}，见签名情况记录`;
    return { text: [...note].length * BODY <= slotWidth - 4 ? note : label, size: BODY };
  }
  const old = `${label}（${sig.reason}）`;
  return { text: old, size: Math.min(7, (slotWidth - 4) / Math.max(1, [...old].length)) };
}

export function ReviewPage({
  page,
  size,
  width,
  signatures,
  images,
  highlight,
}: {
  page: Page;
  size: { width: number; height: number };
  width: number;
  signatures: SignatureRecord[];
  images: Record<string, string>;
  highlight?: string | null;
}) {
  const k = width / size.width;
  const sigFor = (slotId: string, perPage: boolean, mirror: string[]) =>
    mirror.length
      ? mirror.map((id) => signatures.find((s) => s.slotId === id && s.page === null))
      : [signatures.find((s) => s.slotId === slotId && s.page === (perPage ? page.number : null))];
  return (
    <div
      className="review-page"
      data-testid="review-page"
      data-page={page.number}
      style={{
        width,
        height: size.height * k,
        position: 'relative',
        background: '#fff',
        boxShadow: '0 1px 6px rgba(0,0,0,.2)',
        overflow: 'hidden',
        fontFamily: FONT,
      }}
    >
      <svg width={width} height={size.height * k} style={{ position: 'absolute', inset: 0 }} aria-hidden>
        {page.rules.map((r, i) => (
          <line
            key={i}
            x1={r.x1 * k}
            y1={r.y1 * k}
            x2={r.x2 * k}
            y2={r.y2 * k}
            stroke="#000"
            strokeWidth={Math.max(0.5, r.width * k)}
          />
        ))}
        {page.boxes.map((b, i) => (
          <rect
            key={i}
            x={b.x * k}
            y={b.y * k}
            width={b.w * k}
            height={b.h * k}
            fill="none"
            stroke="#000"
            strokeWidth={0.5}
          />
        ))}
      </svg>
      {page.texts.map((t, i) => (
        <span
          key={i}
          className="review-line"
          style={{
            position: 'absolute',
            left: t.x * k,
            top: (t.y - t.size * 0.88) * k,
            fontSize: t.size * k,
            lineHeight: 1,
            whiteSpace: 'pre',
            letterSpacing: t.spacing ? t.spacing * k : undefined,
            fontWeight: t.bold ? 700 : 400,
            color: t.gray ? '#555' : '#000',
          }}
        >
          {t.text}
        </span>
      ))}
      {page.slots.map((s) => {
        const shown = sigFor(s.slotId, s.perPage, s.mirror);
        const w = (s.w * k) / Math.max(1, shown.length);
        return (
          <div
            key={`${s.slotId}-${s.perPage}`}
            style={{
              position: 'absolute',
              left: s.x * k,
              top: s.y * k,
              width: s.w * k,
              height: s.h * k,
              outline: highlight === s.slotId ? '2px solid #1d4e89' : undefined,
              display: 'flex',
            }}
            data-testid={`slot-${s.slotId}`}
          >
            {shown.map((sig, i) =>
              sig ? (
                sig.status === 'signed' && images[sig.id] ? (
                  <img
                    key={i}
                    alt={`${sig.role}${sig.signerName}的签名`}
                    src={`data:image/png;base64,${images[sig.id]}`}
                    style={{ maxWidth: w - 4, maxHeight: s.h * k - 2, objectFit: 'contain' }}
                    data-testid="slot-signature"
                  />
                ) : (
                  <ResolvedInSlot key={i} sig={sig} width={w / k} height={s.h} k={k} offset={i * w} />
                )
              ) : (
                <span key={i} style={{ width: w }} />
              ),
            )}
          </div>
        );
      })}
    </div>
  );
}

/** A refusal in its slot, drawn where and as large as the PDF draws it (black, body size). */
function ResolvedInSlot({
  sig,
  width,
  height,
  k,
  offset,
}: {
  sig: SignatureRecord;
  width: number;
  height: number;
  k: number;
  offset: number;
}) {
  const { text, size } = resolvedSlotText(sig, width);
  const baseline = sig.how ? Math.min(height - 3, BODY + 3) : height - 6;
  return (
    <span
      style={{
        position: 'absolute',
        left: offset + 2 * k,
        top: (baseline - size * 0.88) * k,
        fontSize: size * k,
        lineHeight: 1,
        whiteSpace: 'pre',
        color: '#000',
      }}
      title={`${RESOLUTION_LABELS[sig.status as keyof typeof RESOLUTION_LABELS]}：${sig.reason}`}
      data-testid="slot-resolved"
    >
      {text}
    </span>
  );
}

/**
 * Under the pages: each refusal, absence or inability as the PDF's 签名情况记录 page states it (that
 * page prints after the document's own, frozen, pages) — who, in which slot, why, when, noted by
 * both officers, backed by the witness or the recording — at body size, never a small red line.
 */
export function ResolvedRecord({ state }: { state: Pick<SigningState, 'signatures' | 'required' | 'offered'> }) {
  const resolved = state.signatures.filter((s) => s.status !== 'signed');
  if (resolved.length === 0) return null;
  const slotLabel = (s: SignatureRecord) =>
    [...state.required, ...state.offered].find((r) => r.slotId === s.slotId && r.page === s.page)?.label ?? s.role;
  return (
    <div className="signing-record" data-testid="signing-record" style={{ fontFamily: FONT }}>
      <div className="signing-record-title">签名情况记录（打印在文书各页之后）</div>
      {resolved.map((s) => (
        <p key={s.id}>
          「{slotLabel(s)}」：{s.role}
          {s.how?.onBehalfOf
            ? `${s.how.onBehalfOf}的${s.how.signerRole}${s.signerName}${s.how.authority ? `（${s.how.authority}）` : ''}`
            : s.signerName}
          于{formatMinuteChinese(toLocalMinute(new Date(s.signedAt)))}
          {RESOLUTION_LABELS[s.status as keyof typeof RESOLUTION_LABELS]}，理由：{s.reason || '（未填写）'}。
          {s.confirmedBy.length >= 2 ? '两名执法人员确认并注明。' : ''}
          {s.witnessSignatureId ? '见证人在场并签名见证。' : s.recordingEvidenceId ? '以同步录像为据。' : ''}
        </p>
      ))}
    </div>
  );
}
