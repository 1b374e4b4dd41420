// 电子取证工作记录 (DOCUMENTS.md §3). Rows of the 电子数据清单 entered by hand are marked as not
// yet backed by a file; the evidence feature fills them from imported files with their digests.
import { ImportOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Tag } from 'antd';
import { useApi } from '../../app/api-context.tsx';
import { useState } from 'react';
import { EvidenceImport } from '../../evidence/EvidenceImport.tsx';
import { EVIDENCE_CATEGORIES, EVIDENCE_METHODS } from '../../../shared/documents/content-schemas.ts';
import { useEditor } from '../editor-context.tsx';
import { ChoiceInput, Field, Grid, OfficerInput, TextInput, TimeAndPlace } from '../fields.tsx';
import { getPath } from '../paths.ts';
import { RowsEditor } from '../RowsEditor.tsx';

function Backing({ path }: { path: string }) {
  const { content } = useEditor();
  return getPath(content, path) ? <Tag color="green">已关联文件</Tag> : <Tag>手工录入，未关联文件</Tag>;
}

const fileBacked = (row: Record<string, unknown>) => Boolean(row.evidenceId);

/** The capture browser (desktop): open a URL in a separate window, then capture what it shows. */
function CaptureBar() {
  const { doc, readOnly, flush, reload } = useEditor();
  const { run } = useApi();
  const [url, setUrl] = useState(String((doc.content.target as { url?: string } | undefined)?.url ?? ''));
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    const r = await run('capture.open', { caseId: doc.caseId, documentId: doc.id, url });
    setBusy(false);
    setOpened(r.ok);
  };
  const take = async () => {
    setBusy(true);
    await flush();
    const r = await run('capture.take', {});
    setBusy(false);
    if (r.ok) reload();
  };
  return (
    <Space.Compact style={{ width: '100%', marginBottom: 10 }}>
      <Input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" disabled={readOnly} data-testid="capture-url" addonBefore="取证浏览器" />
      <Button onClick={() => void open()} loading={busy && !opened} disabled={readOnly || !url} data-testid="capture-open">
        打开
      </Button>
      <Button type="primary" onClick={() => void take()} disabled={readOnly || !opened} loading={busy && opened} data-testid="capture-take">
        截取当前页面（整页截图 + 网页存档）
      </Button>
    </Space.Compact>
  );
}

export function EvidenceEditor() {
  const { doc, readOnly, flush, reload } = useEditor();
  const [importing, setImporting] = useState(false);
  return (
    <>
      <Card size="small" title="取证情况" className="doc-section">
        <Grid>
          <TimeAndPlace placeLabel="取证地点" />
          <Field label="时间来源" span={3}>
            <TextInput path="timeSource" rows={1} />
          </Field>
          <Field label="取证人（两名）" span={2}>
            <OfficerInput path="collectorIds" multiple />
          </Field>
          <Field label="记录人">
            <OfficerInput path="recorderId" />
          </Field>
          <Field label="见证人姓名">
            <TextInput path="witness.name" />
          </Field>
          <Field label="见证人身份证件号码">
            <TextInput path="witness.idNumber" />
          </Field>
          <Field label="见证人单位及联系方式">
            <TextInput path="witness.unit" />
          </Field>
          <Field label="无见证人的原因（此时应全程录像）" span={3}>
            <TextInput path="noWitnessReason" />
          </Field>
          <Field label="电子数据持有人/提供人">
            <TextInput path="holder.name" />
          </Field>
        </Grid>
      </Card>
      <Card size="small" title="取证对象与方式" className="doc-section">
        <Grid>
          <Field label="网站/平台名称">
            <TextInput path="target.siteName" testId="evidence-site" />
          </Field>
          <Field label="网址">
            <TextInput path="target.url" />
          </Field>
          <Field label="域名">
            <TextInput path="target.domain" />
          </Field>
          <Field label="IP地址">
            <TextInput path="target.ip" />
          </Field>
          <Field label="APP名称及版本">
            <TextInput path="target.appName" />
          </Field>
          <Field label="账号、群组">
            <TextInput path="target.account" />
          </Field>
          <Field label="现场设备（品牌、型号、序列号/IMEI）" span={2}>
            <TextInput path="target.device" />
          </Field>
          <Field label="取证方式">
            <ChoiceInput path="method" options={EVIDENCE_METHODS} testId="evidence-method" />
          </Field>
          <Field label="未提取原始介质的原因及原始介质存放地" span={3}>
            <TextInput path="originalMediumNote" rows={1} />
          </Field>
        </Grid>
      </Card>
      <Card size="small" title="取证环境与工具" className="doc-section">
        <Grid>
          <Field label="取证设备（型号、序列号）">
            <TextInput path="environment.device" />
          </Field>
          <Field label="操作系统">
            <TextInput path="environment.os" />
          </Field>
          <Field label="软件及工具（含版本）">
            <TextInput path="environment.software" />
          </Field>
          <Field label="网络环境（连接方式、公网IP、是否关闭代理/VPN）" span={3}>
            <TextInput path="environment.network" rows={1} />
          </Field>
          <Field label="清洁性检查" span={3}>
            <TextInput path="environment.cleanCheck" rows={1} />
          </Field>
        </Grid>
      </Card>
      <Card size="small" title="取证步骤" className="doc-section">
        <RowsEditor path="steps" testId="evidence-steps" addLabel="添加步骤" blank={{ time: '', text: '', auto: false }} columns={[{ key: 'time', label: '时间', width: 200, kind: 'time' }, { key: 'text', label: '操作及所见' }]} />
      </Card>
      <EvidenceImport open={importing} caseId={doc.caseId} documentId={doc.id} beforeImport={flush} onClose={(changed) => (setImporting(false), changed && reload())} />
      <Card
        size="small"
        title="电子数据清单"
        className="doc-section"
        extra={
          <Button type="primary" size="small" icon={<ImportOutlined />} disabled={readOnly} onClick={() => setImporting(true)} data-testid="evidence-import">
            导入电子数据（计算校验值）
          </Button>
        }
      >
        <CaptureBar />
        <RowsEditor
          path="items"
          testId="evidence-items"
          addLabel="手工登记一项电子数据"
          minWidth={2100}
          blank={{ name: '', category: '', format: '', source: '', method: '', sizeBytes: '', sha256: '', sm3: '', time: '', medium: '', evidenceId: '' }}
          columns={[
            { key: 'name', label: '名称/文件名', width: 150 },
            { key: 'category', label: '类别', width: 100, kind: 'choice', options: EVIDENCE_CATEGORIES },
            { key: 'format', label: '文件格式', width: 80 },
            { key: 'source', label: '来源（网址或路径）', width: 150 },
            { key: 'method', label: '提取方法', width: 120 },
            { key: 'time', label: '提取时间', width: 190, kind: 'time' },
            { key: 'sizeBytes', label: '大小（字节）', width: 90, lockedIf: fileBacked },
            { key: 'sha256', label: 'SHA-256', width: 300, lockedIf: fileBacked },
            { key: 'sm3', label: 'SM3', width: 300, lockedIf: fileBacked },
            { key: 'medium', label: '存储介质', width: 110 },
            { key: 'evidenceId', label: '文件', width: 130, render: (p) => <Backing path={p} /> },
          ]}
        />
      </Card>
      <Card size="small" title="存储" className="doc-section">
        <Grid cols={4}>
          <Field label="存储介质类型">
            <TextInput path="storage.mediumType" />
          </Field>
          <Field label="介质编号">
            <TextInput path="storage.mediumNo" />
          </Field>
          <Field label="封条编号">
            <TextInput path="storage.sealNo" />
          </Field>
          <Field label="备份">
            <TextInput path="storage.backups" />
          </Field>
        </Grid>
      </Card>
    </>
  );
}
