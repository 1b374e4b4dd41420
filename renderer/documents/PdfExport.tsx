// 预览PDF and 保存PDF文件: the document as it prints (A4, fonts embedded, 草稿 watermark until it is ready),
// previewed in the browser's PDF viewer, saved as a file or printed from there.
import { FilePdfOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../app/api-context.tsx';

interface Printed {
  url: string;
  fileName: string;
  pages: number;
}

function toBlobUrl(base64: string): string {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

export function PdfExport({ documentId, beforeExport }: { documentId: string; beforeExport: () => Promise<void> }) {
  const { run } = useApi();
  const [busy, setBusy] = useState(false);
  const [printed, setPrinted] = useState<Printed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);

  useEffect(() => () => void (printed && URL.revokeObjectURL(printed.url)), [printed]);

  const open = async () => {
    setBusy(true);
    setError(null);
    await beforeExport(); // the PDF shows what is saved: flush the editor first
    const r = await run('documents.pdf', { id: documentId }, { quiet: true });
    setBusy(false);
    if (r.ok) setPrinted({ url: toBlobUrl(r.value.base64), fileName: r.value.fileName, pages: r.value.pages });
    else setError(r.error.message);
  };

  const save = (p: Printed | null = printed) => {
    if (!p) return;
    const a = document.createElement('a');
    a.href = p.url;
    a.download = p.fileName;
    a.click();
  };

  /** Straight to a file, without the preview. */
  const download = async () => {
    setBusy(true);
    await beforeExport();
    const r = await run('documents.pdf', { id: documentId });
    setBusy(false);
    if (!r.ok) return;
    const p = { url: toBlobUrl(r.value.base64), fileName: r.value.fileName, pages: r.value.pages };
    save(p);
    setTimeout(() => URL.revokeObjectURL(p.url), 60_000);
  };

  return (
    <>
      <Space.Compact>
        <Button icon={<FilePdfOutlined />} loading={busy} onClick={() => void open()} data-testid="doc-pdf">
          预览PDF
        </Button>
        <Button
          icon={<DownloadOutlined />}
          disabled={busy}
          onClick={() => void download()}
          data-testid="doc-pdf-download"
          title="保存PDF文件"
        />
      </Space.Compact>
      <Modal
        open={printed !== null || error !== null}
        title={printed ? `${printed.fileName}（共 ${printed.pages} 页）` : '无法生成PDF'}
        width={900}
        onCancel={() => {
          setPrinted(null);
          setError(null);
        }}
        footer={
          printed && (
            <Space>
              <Button
                icon={<PrinterOutlined />}
                disabled={!navigator.pdfViewerEnabled}
                onClick={() => frame.current?.contentWindow?.print()}
              >
                打印
              </Button>
              <Button type="primary" icon={<DownloadOutlined />} onClick={() => save()} data-testid="doc-pdf-save">
                保存PDF文件
              </Button>
            </Space>
          )
        }
        destroyOnHidden
      >
        {error && <Alert type="error" showIcon title={<span data-testid="doc-pdf-error">{error}</span>} />}
        {/* Without a built-in PDF viewer a frame would start a nameless download instead of showing it. */}
        {printed &&
          (navigator.pdfViewerEnabled ? (
            <iframe
              ref={frame}
              src={printed.url}
              title="PDF预览"
              style={{ width: '100%', height: '70vh', border: '1px solid #ddd' }}
              data-testid="doc-pdf-preview"
            />
          ) : (
            <Alert
              type="info"
              showIcon
              data-testid="doc-pdf-preview"
              title="此浏览器不能内嵌显示PDF。请点击「保存PDF文件」，再用PDF阅读器打开查看或打印。"
            />
          ))}
      </Modal>
    </>
  );
}
