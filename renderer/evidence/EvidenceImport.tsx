// Import files as evidence of a case (into a 电子取证工作记录): describe them, then each is read
// once and hashed (SHA-256 and SM3) as it enters, with progress, speed, time left and cancel.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, List, Modal, Progress, Radio, Select, Space, Upload } from 'antd';
import { useRef, useState } from 'react';
import { EVIDENCE_CATEGORIES } from '../../shared/documents/types/evidence/content.ts';
import type { ImportedEvidence } from '../../shared/evidence/evidence-schema.ts';
import { providerStatement } from '../../shared/evidence/provenance.ts';
import { useApi } from '../app/api-context.tsx';
import { FormTimePicker } from '../forms/time-pickers.tsx';
import { DigestBlock } from './DigestBlock.tsx';
import { formatBytes, formatDuration } from './format-bytes.ts';

interface Progressing {
  name: string;
  size: number;
  sent: number;
  startedAt: number;
}

type Outcome = { name: string; item?: ImportedEvidence; error?: string };

export function EvidenceImport({
  open,
  caseId,
  documentId,
  beforeImport,
  onClose,
}: {
  open: boolean;
  caseId: string;
  documentId: string;
  beforeImport: () => Promise<void>;
  onClose: (changed: boolean) => void;
}) {
  const { run, api } = useApi();
  const [form] = Form.useForm();
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<Progressing | null>(null);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const abort = useRef<AbortController | null>(null);

  const start = async () => {
    // A form that fails its checks shows them beside its fields; nothing is imported.
    const v = (await form.validateFields().catch(() => null)) as {
      category: string;
      description?: string;
      source?: string;
      sourceDeviceSerial?: string;
      method?: string;
      timeSourceNote?: string;
      providerName?: string;
      providerId?: string;
      providerStatement?: boolean;
      original: boolean;
      copyMethod?: string;
      copyMadeAt?: string;
      copyMadeBy?: string;
      extractedAt?: string;
      medium?: string;
      custody?: string;
    } | null;
    if (!v) return;
    await beforeImport();
    const done: Outcome[] = [];
    for (const file of files) {
      abort.current = new AbortController();
      const meta = {
        category: v.category,
        description: v.description ?? '',
        source: v.source || file.name,
        sourceDeviceSerial: v.sourceDeviceSerial ?? '',
        method: v.method ?? '',
        // Left empty, the core records its clock at the import itself (not when this form opened).
        timeSourceNote: v.timeSourceNote ?? '',
        extractedAt: v.extractedAt ?? '',
        medium: v.medium ?? '',
        custody: v.custody ?? '',
        provider: { name: v.providerName ?? '', idNumber: v.providerId ?? '', statement: !!v.providerStatement },
        original: v.original,
        copy: { method: v.copyMethod ?? '', madeAt: v.copyMadeAt ?? '', madeBy: v.copyMadeBy ?? '' },
      };
      const begun = await run(
        'evidence.beginImport',
        { caseId, documentId, fileName: file.name, sizeBytes: file.size, meta: meta as never },
        { quiet: true },
      );
      if (!begun.ok) {
        done.push({ name: file.name, error: begun.error.message });
        continue;
      }
      setProgress({ name: file.name, size: file.size, sent: 0, startedAt: performance.now() });
      const r = await api.uploadEvidence(
        begun.value.ticket,
        file,
        (sent) => setProgress((p) => (p ? { ...p, sent } : p)),
        abort.current.signal,
      );
      done.push(r.ok ? { name: file.name, item: r.value } : { name: file.name, error: r.error.message });
      setOutcomes([...done]);
      if (abort.current.signal.aborted) break;
    }
    setProgress(null);
    setOutcomes(done);
    setFiles([]);
  };

  const close = () => {
    abort.current?.abort();
    const changed = outcomes.some((o) => o.item);
    setOutcomes([]);
    setFiles([]);
    onClose(changed);
  };

  const elapsed = progress ? (performance.now() - progress.startedAt) / 1000 : 0;
  const speed = progress && elapsed > 0 ? progress.sent / elapsed : 0;
  return (
    <Modal
      open={open}
      title="导入电子数据"
      width={820}
      onCancel={close}
      footer={<Button onClick={close}>{progress ? '取消并关闭' : '关闭'}</Button>}
      destroyOnHidden
    >
      <Upload.Dragger
        multiple
        beforeUpload={(f) => (setFiles((fs) => [...fs, f]), false)}
        fileList={[]}
        disabled={!!progress}
        data-testid="evidence-drop"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>点击选择或拖入文件（任意类型、任意大小）</p>
        <p className="field-hint">
          文件在导入时读取一次，同时计算 SHA-256 和 SM3 完整性校验值；内容按校验值保存，任何改动都会在核验时被发现。
        </p>
      </Upload.Dragger>
      {files.length > 0 && (
        <div style={{ margin: '8px 0' }}>
          待导入：{files.map((f) => `${f.name}（${formatBytes(f.size)}）`).join('、')}
        </div>
      )}
      <Form form={form} layout="vertical" initialValues={{ original: true, method: '导入' }} style={{ marginTop: 12 }}>
        <Space size={16} style={{ display: 'flex' }} align="start">
          <Form.Item
            label="类别"
            name="category"
            rules={[{ required: true, message: '请选择电子数据类别。' }]}
            style={{ width: 160 }}
          >
            <Select
              data-testid="evidence-category"
              options={EVIDENCE_CATEGORIES.map((c) => ({ value: c, label: c }))}
              placeholder="请选择"
            />
          </Form.Item>
          <Form.Item label="来源（网址、路径或设备）" name="source" style={{ width: 300 }}>
            <Input placeholder="默认为文件名" />
          </Form.Item>
          <Form.Item label="提取方法" name="method" style={{ width: 200 }}>
            <Input />
          </Form.Item>
        </Space>
        <Form.Item label="设备序列号（来源为设备时）" name="sourceDeviceSerial" style={{ width: 300 }}>
          <Input data-testid="evidence-device-serial" />
        </Form.Item>
        <Form.Item label="说明" name="description">
          <Input.TextArea rows={1} />
        </Form.Item>
        <Form.Item label="时间来源" name="timeSourceNote">
          <Input placeholder="留空则记录本机时钟在导入时的读数（北京时间）" data-testid="evidence-time-source" />
        </Form.Item>
        <div className="field-hint" style={{ marginBottom: 8 }}>
          数据在现场先提取到其他介质（如复制到U盘）、之后再导入本机的，请按现场记录填写提取时间和存储介质，并说明其间的保管情况；在本机截取或直接导入的，留空（导入即提取）。
        </div>
        <Space size={16} align="start">
          <Form.Item label="提取时间（现场记录）" name="extractedAt" style={{ width: 230 }}>
            <FormTimePicker kind="minute" testId="evidence-extracted-at" />
          </Form.Item>
          <Form.Item
            label="提取时存入的存储介质"
            name="medium"
            style={{ width: 220 }}
            dependencies={['extractedAt']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_r, value?: string) =>
                  getFieldValue('extractedAt') && !value
                    ? Promise.reject(new Error('填写了提取时间时，请填写提取时存入的存储介质。'))
                    : Promise.resolve(),
              }),
            ]}
          >
            <Input placeholder="如：U盘 XJ-2026-031" data-testid="evidence-medium" />
          </Form.Item>
          <Form.Item label="保管情况（提取至导入期间）" name="custody" style={{ width: 300 }}>
            <Input placeholder="如：U盘由取证人随身保管，未离开现场" data-testid="evidence-custody" />
          </Form.Item>
        </Space>
        <Space size={16} align="start">
          <Form.Item label="提供人（如由当事人等提供）" name="providerName" style={{ width: 200 }}>
            <Input />
          </Form.Item>
          <Form.Item label="提供人身份证件号码" name="providerId" style={{ width: 220 }}>
            <Input />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.providerName !== b.providerName}>
            {({ getFieldValue }) => (
              <Form.Item label=" " name="providerStatement" valuePropName="checked">
                <Checkbox>
                  <span data-testid="evidence-provider-statement">
                    注明「{providerStatement(String(getFieldValue('providerName') ?? ''))}」
                  </span>
                </Checkbox>
              </Form.Item>
            )}
          </Form.Item>
        </Space>
        <Form.Item label="原件或复制件" name="original">
          <Radio.Group
            options={[
              { value: true, label: '原件' },
              { value: false, label: '复制件' },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.original !== b.original}>
          {({ getFieldValue }) =>
            getFieldValue('original') === false && (
              <Space size={16} align="start">
                <Form.Item
                  label="制作方法"
                  name="copyMethod"
                  rules={[{ required: true, message: '复制件须注明制作方法（行政处罚程序规定第二十六条）。' }]}
                  style={{ width: 320 }}
                >
                  <Input placeholder="如：从当事人服务器复制至取证U盘" />
                </Form.Item>
                <Form.Item
                  label="制作时间"
                  name="copyMadeAt"
                  rules={[{ required: true, message: '请填写复制件的制作时间。' }]}
                  style={{ width: 200 }}
                >
                  <FormTimePicker kind="minute" testId="evidence-copy-made-at" />
                </Form.Item>
                <Form.Item
                  label="制作人"
                  name="copyMadeBy"
                  rules={[{ required: true, message: '请填写复制件的制作人。' }]}
                  style={{ width: 160 }}
                >
                  <Input />
                </Form.Item>
              </Space>
            )
          }
        </Form.Item>
      </Form>
      <Button
        type="primary"
        disabled={files.length === 0 || !!progress}
        onClick={() => void start()}
        data-testid="evidence-import-start"
      >
        开始导入并计算校验值
      </Button>
      {progress && (
        <div style={{ marginTop: 16 }} data-testid="evidence-progress">
          <div>正在导入：{progress.name}</div>
          <Progress percent={progress.size ? Math.floor((progress.sent / progress.size) * 100) : 100} />
          <div className="field-hint">
            {formatBytes(progress.sent)} / {formatBytes(progress.size)} · {formatBytes(Math.round(speed))}/秒 · 剩余约{' '}
            {formatDuration(speed ? (progress.size - progress.sent) / speed : Infinity)}
          </div>
          <Button danger size="small" onClick={() => abort.current?.abort()} style={{ marginTop: 6 }}>
            取消导入
          </Button>
        </div>
      )}
      {outcomes.length > 0 && (
        <List
          style={{ marginTop: 16 }}
          bordered
          dataSource={outcomes}
          renderItem={(o) => (
            <List.Item data-testid="evidence-outcome">
              <div style={{ width: '100%' }}>
                <b>{o.name}</b> {o.item && `（${formatBytes(o.item.sizeBytes)}）`}
                {o.item ? (
                  <DigestBlock sha256={o.item.sha256} sm3={o.item.sm3} />
                ) : (
                  <Alert
                    type="error"
                    showIcon
                    title={o.error}
                    style={{ marginTop: 6 }}
                    data-testid="evidence-outcome-error"
                  />
                )}
                {o.item?.notice && (
                  <Alert
                    type="info"
                    showIcon
                    title={o.item.notice}
                    style={{ marginTop: 6 }}
                    data-testid="evidence-outcome-notice"
                  />
                )}
              </div>
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}
