// 离线同步, for an office whose HQ is on an isolated network: the outbox written as one sealed
// bundle file (carried to HQ on removable media), and HQ's receipts file read back.
import { ExportOutlined, ImportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, Row, Upload } from 'antd';
import { useState } from 'react';
import { useApi } from '../app/api-context.tsx';
import { clearErrorOnEdit, clearFieldErrors, showFieldErrors } from '../forms/field-errors.ts';

type Outcome = { ok: boolean; text: string; path?: string };

export function OfflineCard({ hasOutbox, onChanged }: { hasOutbox: boolean; onChanged: () => void }) {
  return (
    <Card size="small" title="离线同步" style={{ marginBottom: 16 }} data-testid="sync-offline">
      <p className="field-hint" style={{ marginTop: 0 }}>
        无法连接总部时：导出待同步封存包，用移动存储介质交总部导入；总部导入后提供回执文件，拷回本机导入，文书即标记为已同步。
      </p>
      <Row gutter={24}>
        <Col span={12}>
          <ExportBundle hasOutbox={hasOutbox} />
        </Col>
        <Col span={12}>
          <ImportReceipts onImported={onChanged} />
        </Col>
      </Row>
    </Card>
  );
}

function ExportBundle({ hasOutbox }: { hasOutbox: boolean }) {
  const { run } = useApi();
  const [form] = Form.useForm<{ dir: string }>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const exportBundle = async () => {
    clearFieldErrors(form);
    setOutcome(null);
    setBusy(true);
    const r = await run(
      'sync.exportBundle',
      { dir: ((form.getFieldValue('dir') as string | undefined) ?? '').trim() },
      { quiet: true },
    );
    setBusy(false);
    if (!r.ok) {
      if (r.error.fields) showFieldErrors(form, r.error.fields);
      return setOutcome({ ok: false, text: r.error.message });
    }
    setOutcome({ ok: true, text: `已导出 ${r.value.documents} 份文书：`, path: r.value.path });
  };
  return (
    <>
      <h4 style={{ margin: '0 0 8px' }}>导出待同步封存包</h4>
      <Form form={form} layout="vertical" onFieldsChange={clearErrorOnEdit(form)} onFinish={() => void exportBundle()}>
        <Form.Item
          label="导出到文件夹"
          name="dir"
          extra="填写完整路径（如移动存储介质 /media/U盘 或 E:\）；留空则导出到本机数据文件夹下的 exports。"
        >
          <Input maxLength={1000} placeholder="留空：数据文件夹/exports" data-testid="sync-export-dir" />
        </Form.Item>
        <Button
          htmlType="submit"
          icon={<ExportOutlined />}
          loading={busy}
          disabled={!hasOutbox}
          data-testid="sync-export"
        >
          导出待同步封存包
        </Button>
      </Form>
      {outcome && (
        <Alert
          style={{ marginTop: 12 }}
          type={outcome.ok ? 'success' : 'error'}
          showIcon
          title={outcome.ok ? outcome.text : <span data-testid="sync-export-error">{outcome.text}</span>}
          description={
            outcome.path && (
              <span data-testid="sync-export-path" style={{ wordBreak: 'break-all' }}>
                {outcome.path}
              </span>
            )
          }
        />
      )}
    </>
  );
}

function ImportReceipts({ onImported }: { onImported: () => void }) {
  const { run } = useApi();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const importFile = async (file: File) => {
    setOutcome(null);
    setBusy(true);
    const text = await file.text();
    const r = await run('sync.importReceipts', { text }, { quiet: true });
    setBusy(false);
    if (!r.ok) return setOutcome({ ok: false, text: r.error.message });
    setOutcome({
      ok: true,
      text: `已导入回执：新增 ${r.value.stored} 个${r.value.already ? `，另有 ${r.value.already} 个此前已取得` : ''}。`,
    });
    onImported();
  };
  return (
    <>
      <h4 style={{ margin: '0 0 8px' }}>导入总部回执文件</h4>
      <p className="field-hint" style={{ marginTop: 0 }}>
        选择总部导入封存包后生成的回执文件（总部回执-….json）。本机逐一核验总部签名后保存。
      </p>
      <Upload
        accept=".json,application/json"
        showUploadList={false}
        maxCount={1}
        beforeUpload={(file) => {
          void importFile(file);
          return false;
        }}
      >
        <Button icon={<ImportOutlined />} loading={busy} data-testid="sync-import">
          选择回执文件并导入
        </Button>
      </Upload>
      {outcome && (
        <Alert
          style={{ marginTop: 12 }}
          type={outcome.ok ? 'success' : 'error'}
          showIcon
          title={<span data-testid={outcome.ok ? 'sync-import-result' : 'sync-import-error'}>{outcome.text}</span>}
        />
      )}
    </>
  );
}
