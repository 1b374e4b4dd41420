// 电子取证工作记录 (DOCUMENTS.md §3). Rows of the 电子数据清单 entered by hand are marked as not
// yet backed by a file; the evidence feature fills them from imported files with their digests.
import { ImportOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Tag } from 'antd';
import { formatMinuteChinese } from '../../../shared/documents/local-time.ts';
import { minutesBetween } from '../../../shared/timeline/facts.ts';
import { useApi } from '../../app/api-context.tsx';
import { useState } from 'react';
import { EvidenceImport } from '../../evidence/EvidenceImport.tsx';
import { EVIDENCE_CATEGORIES, EVIDENCE_METHODS } from '../../../shared/documents/types/evidence/content.ts';
import { useEditor } from '../editor-context.tsx';
import { ChoiceInput, Field, Grid, OfficerInput, TextInput, TimeAndPlace } from '../fields.tsx';
import { fieldId, getPath, setPath } from '../paths.ts';
import { RowsEditor } from '../RowsEditor.tsx';

function Backing({ path }: { path: string }) {
  const { content } = useEditor();
  return getPath(content, path) ? <Tag color="green">已关联文件</Tag> : <Tag>手工录入，未关联文件</Tag>;
}

const fileBacked = (row: Record<string, unknown>) => Boolean(row.evidenceId);

/** The 清单 rows a step produced, chosen by name: the steps and the 清单 must list the same items. */
function ProducedItems({ path }: { path: string }) {
  const { content, update, flagged, readOnly } = useEditor();
  const items = (content.items as { id: string; name: string }[] | undefined) ?? [];
  const value = (getPath(content, path) as string[] | undefined) ?? [];
  const auto = Boolean(getPath(content, path.replace(/itemIds$/, 'auto')));
  return (
    <Select
      id={fieldId(path)}
      mode="multiple"
      value={value}
      disabled={readOnly || auto}
      status={flagged.has(path) ? 'warning' : undefined}
      placeholder="本步骤产生的电子数据"
      style={{ width: '100%' }}
      options={[
        ...items.map((it, i) => ({ value: it.id, label: `${i + 1}. ${it.name || '（未命名）'}` })),
        // A row no longer in the 清单 still shows, so that it can be taken out of the step.
        ...value
          .filter((id) => !items.some((it) => it.id === id))
          .map((id) => ({ value: id, label: '（已不在清单中）' })),
      ]}
      onChange={(ids: string[]) => update((c) => setPath(c, path, ids), path)}
    />
  );
}

/** 入库时间: when the row's file entered this app, set by the import; with its gap from 提取时间. */
function ImportedAt({ path }: { path: string }) {
  const { content } = useEditor();
  const at = String(getPath(content, path) ?? '');
  const extracted = String(getPath(content, path.replace(/importedAt$/, 'time')) ?? '');
  if (!at) return <span style={{ color: '#999' }}>—（手工录入）</span>;
  const gap = /T/.test(extracted) ? minutesBetween(extracted, at) : 0;
  return (
    <div id={fieldId(path)} style={{ padding: '5px 4px' }} title="导入时由本机时钟记录，不能修改">
      {formatMinuteChinese(at)}
      {gap > 0 && (
        <div className="field-hint" data-testid="evidence-custody-gap">
          距提取{gap}分钟
        </div>
      )}
    </div>
  );
}

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
      <Input
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        placeholder="https://"
        disabled={readOnly}
        data-testid="capture-url"
        addonBefore="取证浏览器"
      />
      <Button
        onClick={() => void open()}
        loading={busy && !opened}
        disabled={readOnly || !url}
        data-testid="capture-open"
      >
        打开
      </Button>
      <Button
        type="primary"
        onClick={() => void take()}
        disabled={readOnly || !opened}
        loading={busy && opened}
        data-testid="capture-take"
      >
        截取当前页面（整页截图 + 网页存档）
      </Button>
    </Space.Compact>
  );
}

export function EvidenceEditor() {
  const { doc, readOnly, flush, reload, label } = useEditor();
  const [importing, setImporting] = useState(false);
  return (
    <>
      <Card size="small" title={label('section.header')} className="doc-section">
        <Grid>
          <TimeAndPlace />
          <Field name="timeSource" span={3}>
            <TextInput path="timeSource" rows={1} />
          </Field>
          <Field name="collectorIds" span={2}>
            <OfficerInput path="collectorIds" multiple />
          </Field>
          <Field name="recorderId">
            <OfficerInput path="recorderId" />
          </Field>
          <Field name="witness.name">
            <TextInput path="witness.name" />
          </Field>
          <Field name="witness.idNumber">
            <TextInput path="witness.idNumber" />
          </Field>
          <Field name="witness.unit">
            <TextInput path="witness.unit" />
          </Field>
          <Field name="noWitnessReason" span={3}>
            <TextInput path="noWitnessReason" />
          </Field>
          <Field name="holder.name">
            <TextInput path="holder.name" />
          </Field>
        </Grid>
      </Card>
      <Card size="small" title={label('section.target')} className="doc-section">
        <Grid>
          <Field name="target.siteName">
            <TextInput path="target.siteName" testId="evidence-site" />
          </Field>
          <Field name="target.url">
            <TextInput path="target.url" />
          </Field>
          <Field name="target.domain">
            <TextInput path="target.domain" />
          </Field>
          <Field name="target.ip">
            <TextInput path="target.ip" />
          </Field>
          <Field name="target.appName">
            <TextInput path="target.appName" />
          </Field>
          <Field name="target.account">
            <TextInput path="target.account" />
          </Field>
          <Field name="target.device" span={2}>
            <TextInput path="target.device" />
          </Field>
          <Field name="method">
            <ChoiceInput path="method" options={EVIDENCE_METHODS} testId="evidence-method" />
          </Field>
          <Field name="originalMediumNote" span={3}>
            <TextInput path="originalMediumNote" rows={1} />
          </Field>
        </Grid>
      </Card>
      <Card size="small" title={label('section.environment')} className="doc-section">
        <Grid>
          <Field name="environment.device">
            <TextInput path="environment.device" />
          </Field>
          <Field name="environment.os">
            <TextInput path="environment.os" />
          </Field>
          <Field name="environment.software">
            <TextInput path="environment.software" />
          </Field>
          <Field name="environment.network" span={3}>
            <TextInput path="environment.network" rows={1} />
          </Field>
          <Field name="environment.cleanCheck" span={3}>
            <TextInput path="environment.cleanCheck" rows={1} />
          </Field>
        </Grid>
      </Card>
      <Card size="small" title={label('section.steps')} className="doc-section">
        <RowsEditor
          path="steps"
          testId="evidence-steps"
          addLabel="添加步骤"
          blank={{ time: '', text: '', auto: false, itemIds: [] }}
          columns={[
            { key: 'time', label: label('steps[].time'), width: 225, kind: 'time' },
            { key: 'text', label: label('steps[].text') },
            { key: 'itemIds', label: label('steps[].itemIds'), width: 260, render: (p) => <ProducedItems path={p} /> },
          ]}
        />
      </Card>
      <EvidenceImport
        open={importing}
        caseId={doc.caseId}
        documentId={doc.id}
        beforeImport={flush}
        onClose={(changed) => (setImporting(false), changed && reload())}
      />
      <Card
        size="small"
        title={label('section.items')}
        className="doc-section"
        extra={
          <Button
            type="primary"
            size="small"
            icon={<ImportOutlined />}
            disabled={readOnly}
            onClick={() => setImporting(true)}
            data-testid="evidence-import"
          >
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
          blank={{
            name: '',
            category: '',
            format: '',
            source: '',
            method: '',
            sizeBytes: '',
            sha256: '',
            sm3: '',
            time: '',
            medium: '',
            importedAt: '',
            custody: '',
            evidenceId: '',
          }}
          columns={[
            { key: 'name', label: label('items[].name'), width: 150 },
            {
              key: 'category',
              label: label('items[].category'),
              width: 100,
              kind: 'choice',
              options: EVIDENCE_CATEGORIES,
            },
            { key: 'format', label: label('items[].format'), width: 80 },
            { key: 'source', label: label('items[].source'), width: 150 },
            { key: 'method', label: label('items[].method'), width: 120 },
            { key: 'time', label: label('items[].time'), width: 225, kind: 'time' },
            { key: 'sizeBytes', label: label('items[].sizeBytes'), width: 90, lockedIf: fileBacked },
            { key: 'sha256', label: label('items[].sha256'), width: 300, lockedIf: fileBacked },
            { key: 'sm3', label: label('items[].sm3'), width: 300, lockedIf: fileBacked },
            { key: 'medium', label: label('items[].medium'), width: 110 },
            {
              key: 'importedAt',
              label: label('items[].importedAt'),
              width: 170,
              render: (p) => <ImportedAt path={p} />,
            },
            { key: 'custody', label: label('items[].custody'), width: 220 },
            { key: 'evidenceId', label: label('items[].evidenceId'), width: 130, render: (p) => <Backing path={p} /> },
          ]}
        />
      </Card>
      <Card size="small" title={label('section.storage')} className="doc-section">
        <Grid cols={4}>
          <Field name="storage.mediumType">
            <TextInput path="storage.mediumType" />
          </Field>
          <Field name="storage.mediumNo">
            <TextInput path="storage.mediumNo" />
          </Field>
          <Field name="storage.sealNo">
            <TextInput path="storage.sealNo" />
          </Field>
          <Field name="storage.backups">
            <TextInput path="storage.backups" />
          </Field>
        </Grid>
      </Card>
    </>
  );
}
