// Sealing a signed document (both officers with their passwords), and, once sealed, its seal
// shown read-only with a verification report in Chinese.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Form, Input, List, Modal, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../app/api-context.tsx';
import { formatTime } from '../app/format.ts';
import { notAnchoredSentence, type AnchorInfo } from '../../shared/trust/anchor-sentence.ts';

type SealInfo = {
  seq: number;
  hashSha256: string;
  hashSm3: string;
  prevHash: string;
  sealedAt: string;
  deviceId: string;
  officers: { name: string; certNo: string }[];
  notBefore: string | null;
};
export type Report = {
  ok: boolean;
  checks: { what: string; ok: boolean; detail: string }[];
  anchor?: AnchorInfo | undefined;
};

export function SealButton({ documentId, onSealed }: { documentId: string; onSealed: () => void }) {
  const { run, status } = useApi();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ pw0: string; pw1: string }>();
  const officers = status?.session.officers ?? [];
  const submit = async () => {
    const v = form.getFieldsValue(true);
    setBusy(true);
    setError(null);
    const r = await run('seals.seal', { documentId, officerPasswords: [v.pw0 ?? '', v.pw1 ?? ''] }, { quiet: true });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setOpen(false);
    message.success(`已封存（封存序号 ${r.value.seq}）`);
    onSealed();
  };
  return (
    <>
      <Button
        type="primary"
        icon={<SafetyCertificateOutlined />}
        onClick={() => setOpen(true)}
        disabled={officers.length !== 2}
        data-testid="doc-seal"
      >
        封存
      </Button>
      <Modal
        open={open}
        title="封存文书"
        okText="两人确认封存"
        onOk={() => void submit()}
        okButtonProps={{ loading: busy, 'data-testid': 'seal-confirm' } as never}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="封存后文书、签名和所引用的电子数据均不可再修改；如需更正，只能制作补正文书。"
        />
        <Form form={form} layout="vertical">
          {officers.map((o, i) => (
            <Form.Item key={o.id} name={`pw${i}`} label={`${o.name}（执法证号 ${o.certNo}）密码`}>
              <Input.Password autoComplete="off" data-testid={`seal-pw-${i}`} />
            </Form.Item>
          ))}
        </Form>
        {error && <Alert type="error" showIcon title={<span data-testid="seal-error">{error}</span>} />}
      </Modal>
    </>
  );
}

export function SealDetails({
  documentId,
  openDocument,
  corrected,
}: {
  documentId: string;
  openDocument: (id: string) => void;
  corrected: boolean;
}) {
  const { run, status } = useApi();
  const [correcting, setCorrecting] = useState(false);
  const [reason, setReason] = useState('');
  const [correctError, setCorrectError] = useState<string | null>(null);
  const correct = async () => {
    const r = await run('seals.correct', { documentId, reason }, { quiet: true });
    if (!r.ok) return setCorrectError(r.error.message);
    setCorrecting(false);
    openDocument(r.value.id);
  };
  const [seal, setSeal] = useState<SealInfo | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [checking, setChecking] = useState(false);
  const load = useCallback(async () => {
    const r = await run('seals.get', { documentId });
    if (r.ok) setSeal(r.value);
  }, [documentId, run]);
  useEffect(() => void load(), [load]);
  if (!seal) return null;
  const verify = async () => {
    setChecking(true);
    const r = await run('seals.verify', { documentId });
    setChecking(false);
    if (r.ok) setReport(r.value);
  };
  return (
    <>
      <Alert
        type="success"
        showIcon
        icon={<SafetyCertificateOutlined />}
        style={{ marginBottom: 12 }}
        data-testid="seal-details"
        title={`已封存：封存序号 ${seal.seq}，${formatTime(seal.sealedAt)}。文书只读；如需更正，请制作补正文书。`}
        description={
          <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
            <Descriptions.Item label="封存校验值 SHA-256">
              <code>{seal.hashSha256}</code>
            </Descriptions.Item>
            <Descriptions.Item label="封存校验值 SM3">
              <code>{seal.hashSm3}</code>
            </Descriptions.Item>
            <Descriptions.Item label="前一封存">
              <code>{seal.prevHash}</code>
            </Descriptions.Item>
            <Descriptions.Item label="执法人员">
              <span data-testid="seal-officers">
                {seal.officers.map((o) => `${o.name}（执法证号 ${o.certNo}）`).join('、')}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label="设备编号">
              <code data-testid="seal-device">{seal.deviceId}</code>
            </Descriptions.Item>
            <Descriptions.Item label="时间">
              <span data-testid="seal-time-bound">
                本机时钟 {formatTime(seal.sealedAt)}；
                {seal.notBefore
                  ? `不早于总部签名时间 ${formatTime(seal.notBefore)}（本机此前收到的最新总部时间）`
                  : '本机尚未收到总部签名时间（未登记到总部），时间仅以本机时钟为准'}
              </span>
            </Descriptions.Item>
          </Descriptions>
        }
        action={
          <span style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
            <Button size="small" loading={checking} onClick={() => void verify()} data-testid="seal-verify">
              核验
            </Button>
            {!corrected && (
              <Button
                size="small"
                disabled={!status?.session.pair}
                onClick={() => setCorrecting(true)}
                data-testid="seal-correct"
              >
                制作补正
              </Button>
            )}
          </span>
        }
      />
      <Modal
        open={correcting}
        title="制作补正文书"
        okText="制作补正"
        onOk={() => void correct()}
        okButtonProps={{ 'data-testid': 'correct-confirm' } as never}
        onCancel={() => setCorrecting(false)}
        destroyOnHidden
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="原文书保持封存不变，标注为已补正；补正文书以原文书内容为底稿，写明补正原因，另行签名、封存。"
        />
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder="补正原因（必填），如：被询问人住址记录有误"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="correct-reason"
        />
        {correctError && <Alert type="error" showIcon style={{ marginTop: 12 }} title={correctError} />}
      </Modal>
      <VerifyReportModal report={report} onClose={() => setReport(null)} />
    </>
  );
}

/** A verification report in Chinese: the conclusion, then each check (a notice is marked 提示). */
export function VerifyReportModal({
  report,
  onClose,
  title = '核验报告',
}: {
  report: Report | null;
  onClose: () => void;
  title?: string;
}) {
  return (
    <Modal open={report !== null} title={title} footer={null} onCancel={onClose} width={760}>
      {report && (
        <>
          <Alert
            type={!report.ok ? 'error' : report.anchor && !report.anchor.anchored ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            title={
              <span data-testid="verify-conclusion">
                {!report.ok
                  ? `核验结论：${report.checks.filter((c) => !c.ok).length}项不通过。`
                  : report.anchor && !report.anchor.anchored
                    ? `核验结论：${notAnchoredSentence(report.anchor)}`
                    : '核验结论：全部通过。'}
              </span>
            }
          />
          <List
            size="small"
            dataSource={report.checks}
            renderItem={(c) => (
              <List.Item data-testid="verify-check">
                <Tag color={c.ok ? (c.what.endsWith('（提示）') ? 'blue' : 'green') : 'red'}>
                  {c.ok ? (c.what.endsWith('（提示）') ? '提示' : '通过') : '不通过'}
                </Tag>
                <b>{c.what}</b>
                {c.detail && (
                  <span className="field-hint" style={{ marginLeft: 8, wordBreak: 'break-all' }}>
                    {c.detail}
                  </span>
                )}
              </List.Item>
            )}
          />
        </>
      )}
    </Modal>
  );
}
