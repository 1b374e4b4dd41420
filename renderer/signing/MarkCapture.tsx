// A 捺指印 or 盖章 as an image: taken with the camera, or imported from a photo. The image is
// scaled to at most 800 px and stored as PNG, bound to the slot and hashed like a signature.
import { Alert, Button, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { mediaFailureReason } from './recording-errors.ts';

export interface MarkImage {
  imagePngBase64: string;
  capture: 'camera' | 'photo';
}

const MAX = 800;

/** The image drawn on a canvas no larger than MAX, as PNG base64 (no data: prefix). */
function toPng(src: CanvasImageSource, w: number, h: number): string {
  const k = Math.min(1, MAX / Math.max(w, h));
  const c = document.createElement('canvas');
  c.width = Math.max(1, Math.round(w * k));
  c.height = Math.max(1, Math.round(h * k));
  c.getContext('2d')!.drawImage(src, 0, 0, c.width, c.height);
  return c.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}

export function MarkCapture({ what, onImage }: { what: string; onImage: (m: MarkImage | null) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [image, setImage] = useState<MarkImage | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (video.current && stream) video.current.srcObject = stream;
    return () => stream?.getTracks().forEach((t) => t.stop());
  }, [stream]);

  const set = (m: MarkImage | null) => {
    setImage(m);
    onImage(m);
  };
  const openCamera = async () => {
    setError(null);
    try {
      setStream(await navigator.mediaDevices.getUserMedia({ video: { width: 1280, height: 960 } }));
    } catch (e) {
      setError(`无法打开摄像头：${mediaFailureReason(e)}。可改为导入照片。`);
    }
  };
  const shoot = () => {
    const v = video.current;
    if (!v || !v.videoWidth) return setError('摄像头画面尚未就绪，请稍候再拍。');
    set({ imagePngBase64: toPng(v, v.videoWidth, v.videoHeight), capture: 'camera' });
    stream?.getTracks().forEach((t) => t.stop());
    setStream(null);
  };
  const importPhoto = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    try {
      const bmp = await createImageBitmap(file);
      set({ imagePngBase64: toPng(bmp, bmp.width, bmp.height), capture: 'photo' });
    } catch {
      setError(`「${file.name}」不是可以读取的图片，请选择 JPG 或 PNG 照片。`);
    }
  };

  return (
    <div data-testid="mark-capture">
      {image ? (
        <img
          src={`data:image/png;base64,${image.imagePngBase64}`}
          alt={what}
          data-testid="mark-preview"
          style={{ maxWidth: '100%', maxHeight: 220, border: '1px dashed #8aa', borderRadius: 6 }}
        />
      ) : stream ? (
        <video ref={video} autoPlay muted playsInline style={{ width: '100%', maxHeight: 260, background: '#000' }} />
      ) : (
        <div className="field-hint" style={{ padding: 24, border: '1px dashed #8aa', borderRadius: 6 }}>
          请用摄像头拍摄{what}，或导入{what}的照片（拍摄时{what}应清晰、完整）。
        </div>
      )}
      <Space style={{ marginTop: 6 }}>
        {stream ? (
          <Button size="small" type="primary" onClick={shoot} data-testid="mark-shoot">
            拍摄
          </Button>
        ) : (
          <Button size="small" onClick={() => void openCamera()} data-testid="mark-camera">
            {image ? '重新拍摄' : '用摄像头拍摄'}
          </Button>
        )}
        <label className="ant-btn ant-btn-default ant-btn-sm" style={{ cursor: 'pointer' }}>
          导入照片
          <input
            type="file"
            accept="image/png,image/jpeg"
            hidden
            data-testid="mark-file"
            onChange={(e) => void importPhoto(e.target.files?.[0])}
          />
        </label>
        {image && (
          <Button size="small" onClick={() => set(null)}>
            清除
          </Button>
        )}
      </Space>
      {error && <Alert type="warning" showIcon style={{ marginTop: 8 }} title={error} />}
    </div>
  );
}
