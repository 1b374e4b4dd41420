// 核验封存包: checks a sealed bundle file on this computer — one exported here, or one brought on a
// USB drive from another device — exactly as `npm run verify` does, and shows the report in Chinese.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space } from 'antd';
import { useState } from 'react';
import { useApi } from '../app/api-context.tsx';
import { VerifyReportModal, type Report } from './SealPanel.tsx';

/** Runs bundles.verify and shows the report; `error` is the refusal (no such file, not a full path). */
export function useBundleVerify() {
  const { run } = useApi();
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const verify = async (path: string) => {
    setBusy(true);
    setError(null);
    const r = await run('bundles.verify', { path }, { quiet: true });
    setBusy(false);
    if (r.ok) setReport(r.value);
    else setError(r.error.message);
  };
  const modal = <VerifyReportModal title="封存包核验报告" report={report} onClose={() => setReport(null)} />;
  return { verify, busy, error, modal };
}

export function BundleVerifyCard() {
  const [path, setPath] = useState('');
  const { verify, busy, error, modal } = useBundleVerify();
  return (
    <Card size="small" title="核验封存包" style={{ marginBottom: 16 }} data-testid="bundle-verify-card">
      <div className="field-hint" style={{ marginBottom: 8 }}>
        核验一个封存包文件（本机导出的，或其他设备导出、由移动存储介质带来的）：文件清单、每份封存的 SM2 和 Ed25519
        签名与封存链、文书、签名记录、电子数据（重新计算 SHA-256 和 SM3）以及审计日志。结果与 npm run verify 相同。
      </div>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          placeholder="封存包文件的完整路径，如 /media/U盘/封存包-20261130093000.tar 或 E:\封存包-20261130093000.tar"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          onPressEnter={() => void verify(path)}
          data-testid="bundle-verify-path"
        />
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          loading={busy}
          onClick={() => void verify(path)}
          data-testid="bundle-verify"
        >
          核验
        </Button>
      </Space.Compact>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title={<span data-testid="bundle-verify-error">{error}</span>}
        />
      )}
      {modal}
    </Card>
  );
}
