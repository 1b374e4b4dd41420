// One page exactly as it prints: the same positioned text, rules and slots as the PDF (from the
// core's pagination), drawn at scale; signatures already made appear in their slots.
import {
  RESOLUTION_LABELS,
  type ReviewPage as Page,
  type SignatureRecord,
} from '../../shared/signatures/signature-api.ts';

const FONT = '"Droid Sans Fallback", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif';

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
                  <span key={i} style={{ fontSize: 7 * k, color: '#a8071a' }} data-testid="slot-resolved">
                    {sig.status === 'signed' ? '' : RESOLUTION_LABELS[sig.status]}（{sig.reason}）
                  </span>
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
