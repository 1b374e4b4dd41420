// The signing surface: signature_pad on a canvas large enough for a finger or a pen on a laptop
// touchscreen; records every point with its time and pressure. Clear and sign again at will.
import { Button, Space } from 'antd';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import SignaturePad from 'signature_pad';
import type { Strokes } from '../../shared/signatures/signature-api.ts';
import { toStrokes } from './strokes.ts';

export interface PadHandle {
  isEmpty(): boolean;
  clear(): void;
  /** The PNG (base64, no data: prefix) and the strokes as integers (x, y, ms since the first pen-down, pressure ×1000). */
  read(): { imagePngBase64: string; strokes: Strokes };
}

export function SignaturePadField({ ref, onChange }: { ref: Ref<PadHandle>; onChange?: (empty: boolean) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  // The latest onChange, read when a stroke ends: the pad is made once per mount and never
  // remade because a parent passed a new function (a new pad on the same canvas starts empty).
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const c = canvas.current!;
    const p = new SignaturePad(c, { minWidth: 1, maxWidth: 3.2, penColor: '#111', backgroundColor: 'rgba(0,0,0,0)' });
    pad.current = p;
    // The canvas's pixel size follows its laid-out size (the dialog opens with an animation, and
    // windows resize); strokes already made are redrawn from their data. Never while a stroke is
    // being drawn: signature_pad's clear() forgets the pointer of the stroke in progress while
    // still counting it as drawing, so the rest of that stroke and every later one were ignored —
    // on a busy machine the dialog's first resize came while the signer was already writing, and
    // a signature was stored as its first stroke only. The resize waits for the pen-up.
    let drawing = false;
    let pending = false;
    const fit = () => {
      if (drawing) {
        pending = true;
        return;
      }
      pending = false;
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const [w, h] = [Math.round(c.offsetWidth * ratio), Math.round(c.offsetHeight * ratio)];
      if (w === 0 || (c.width === w && c.height === h)) return;
      const data = p.toData();
      c.width = w;
      c.height = h;
      c.getContext('2d')!.scale(ratio, ratio);
      p.clear();
      if (data.length) p.fromData(data);
    };
    p.addEventListener('beginStroke', () => {
      drawing = true;
    });
    p.addEventListener('endStroke', () => {
      drawing = false;
      if (pending) fit();
      changed.current?.(p.isEmpty());
    });
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(c);
    return () => {
      observer.disconnect();
      p.off();
    };
  }, []);

  useImperativeHandle(ref, () => ({
    isEmpty: () => pad.current?.isEmpty() ?? true,
    clear: () => {
      pad.current?.clear();
      changed.current?.(true);
    },
    read: () => {
      const p = pad.current!;
      const strokes = toStrokes(p.toData());
      return { imagePngBase64: p.toDataURL('image/png').replace(/^data:image\/png;base64,/, ''), strokes };
    },
  }));

  return (
    <div>
      <canvas
        ref={canvas}
        data-testid="signature-pad"
        style={{
          width: '100%',
          height: 220,
          border: '1px dashed #8aa',
          borderRadius: 6,
          background: '#fcfcfa',
          touchAction: 'none',
          cursor: 'crosshair',
        }}
      />
      <Space style={{ marginTop: 6 }}>
        <Button
          size="small"
          onClick={() => pad.current && (pad.current.clear(), onChange?.(true))}
          data-testid="signature-clear"
        >
          清除重签
        </Button>
        <span className="field-hint">请在框内签名（鼠标、触控笔或手指均可）。</span>
      </Space>
    </div>
  );
}
