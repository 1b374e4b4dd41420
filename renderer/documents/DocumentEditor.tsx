// A document open for editing: autosaved, with undo, the completeness list beside it, and the
// step to 待签名 once nothing required is missing.
import { ArrowLeftOutlined, CheckOutlined, EditOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentDetail } from '../../shared/documents/document-api.ts';
import { checkCompleteness } from '../../shared/documents/completeness.ts';
import { DOCUMENT_STATE_LABELS, DOCUMENT_TYPE_LABELS } from '../../shared/documents/document-types.ts';
import { descriptorOf, templateFor } from '../../shared/documents/types/registry.ts';
import { editorLabel } from '../../shared/documents/types/descriptor.ts';
import { useApi } from '../app/api-context.tsx';
import { formatTime } from '../app/format.ts';
import { EditorContext } from './editor-context.tsx';
import { EDITORS } from './editors/registry.ts';
import { PdfExport } from './PdfExport.tsx';
import { SealButton, SealDetails } from '../seals/SealPanel.tsx';
import { IssueList } from './IssueList.tsx';
import { blocking, caseTimeline } from '../../shared/timeline/case-timeline.ts';
import { TimelineChecks } from '../timeline/TimelineChecks.tsx';
import { useCaseTimeline } from '../timeline/use-case-timeline.ts';
import { useAutosave, type SaveState } from './use-autosave.ts';

export function DocumentEditor({
  id,
  back,
  sign,
  openDocument,
}: {
  id: string;
  back: () => void;
  sign: () => void;
  openDocument: (id: string) => void;
}) {
  const { run } = useApi();
  const [doc, setDoc] = useState<DocumentDetail | null>(null);
  const load = useCallback(() => void run('documents.get', { id }).then((r) => r.ok && setDoc(r.value)), [id, run]);
  useEffect(load, [load]);
  if (!doc) return <Spin />;
  // Keyed by revision: a reload after a change made elsewhere (an import) starts a fresh editor.
  return (
    <LoadedEditor
      key={`${doc.id}:${doc.revision}:${doc.state}`}
      doc={doc}
      back={back}
      reload={load}
      sign={sign}
      openDocument={openDocument}
    />
  );
}

function SaveIndicator({ s }: { s: SaveState }) {
  if (s.kind === 'saved')
    return (
      <Typography.Text type="secondary" data-testid="doc-saved">
        已自动保存 {formatTime(s.at)}
      </Typography.Text>
    );
  if (s.kind === 'error')
    return (
      <Typography.Text type="danger" data-testid="doc-save-error">
        未能保存：{s.message}
      </Typography.Text>
    );
  return (
    <Typography.Text type="secondary" data-testid="doc-saving">
      正在保存…
    </Typography.Text>
  );
}

function LoadedEditor({
  doc,
  back,
  reload,
  sign,
  openDocument,
}: {
  doc: DocumentDetail;
  back: () => void;
  reload: () => void;
  sign: () => void;
  openDocument: (id: string) => void;
}) {
  const { run, status } = useApi();
  const { modal } = App.useApp();
  // A signed document is locked; unlocking (confirmed) makes the next save discard its signatures.
  const [unlocked, setUnlocked] = useState(false);
  const unlockedRef = useRef(false);
  const autosaveOpts = useMemo(() => ({ discardSignatures: () => unlockedRef.current }), []);
  const auto = useAutosave(doc, autosaveOpts);
  const sealed = doc.state === 'sealed';
  const locked = sealed || (doc.signatureCount > 0 && !unlocked);
  const unlock = () =>
    modal.confirm({
      title: '修改已签名的文书？',
      content: `本文书已有${doc.signatureCount}个签名（或拒签记录）。修改内容后，这些签名全部作废（作废记录保留备查），须重新提交、重新签名。`,
      okText: '确认修改，作废签名',
      okButtonProps: { danger: true, 'data-testid': 'unlock-confirm' } as never,
      cancelText: '不修改',
      onOk: () => {
        unlockedRef.current = true;
        setUnlocked(true);
      },
    });
  const pair = status?.session.pair ?? false;
  const [readyError, setReadyError] = useState<string | null>(null);
  // The rules are shared code: the list follows every keystroke; the core checks again at 待签名.
  const template = useMemo(() => templateFor(doc.type, doc.templateVersion), [doc.type, doc.templateVersion]);
  const issues = useMemo(
    () => checkCompleteness(doc.type, auto.content, template, { caseDocuments: doc.context.siblings }),
    [doc.type, auto.content, template, doc.context.siblings],
  );
  // The case timeline, live: this document's content as typed against the case's other records.
  const { input: timelineInput, set: setTimelineInput } = useCaseTimeline(doc.caseId);
  const timeline = useMemo(
    () =>
      timelineInput ? caseTimeline(timelineInput, new Date(), { documentId: doc.id, content: auto.content }) : null,
    [timelineInput, doc.id, auto.content],
  );
  const stops = timeline ? blocking(timeline.issues, doc.id, 'signing').length : 0;
  const flagged = useMemo(
    () =>
      new Set([
        ...issues.map((i) => i.path),
        ...(timeline?.issues ?? []).flatMap((i) => i.at.filter((a) => a.documentId === doc.id).map((a) => a.path)),
      ]),
    [issues, timeline, doc.id],
  );
  const ctx = useMemo(
    () => ({
      content: auto.content,
      update: auto.update,
      doc,
      template,
      label: (key: string) => editorLabel(template, descriptorOf(doc.type), key),
      flagged,
      readOnly: !pair || locked,
      flush: auto.flush,
      reload,
      openDocument,
    }),
    [auto.content, auto.update, doc, template, flagged, pair, locked, auto.flush, reload, openDocument],
  );
  const Editor = EDITORS[doc.type];

  // Ctrl+Z undoes within the editor (outside text fields too, where the browser would do nothing).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && auto.undo()) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [auto]);

  const markReady = useCallback(async () => {
    setReadyError(null);
    await auto.flush();
    const r = await run('documents.markReady', { id: doc.id }, { quiet: true });
    if (r.ok) auto.setState('ready');
    else setReadyError(r.error.message);
  }, [auto, doc.id, run]);

  return (
    <EditorContext.Provider value={ctx}>
      <div className="page-title">
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={back}>
            返回案件
          </Button>
          <h2>
            {DOCUMENT_TYPE_LABELS[doc.type]} <span style={{ fontSize: 14, color: '#666' }}>{doc.docNo}</span>
          </h2>
          <Tag
            color={{ draft: 'default', ready: 'blue', signed: 'green', sealed: 'purple' }[auto.state]}
            data-testid="doc-state"
          >
            {DOCUMENT_STATE_LABELS[auto.state]}
          </Tag>
        </Space>
        <Space>
          <SaveIndicator s={auto.saveState} />
          <PdfExport documentId={doc.id} beforeExport={() => auto.flush()} />
          {auto.state === 'signed' && <SealButton documentId={doc.id} onSealed={reload} />}
          <Button
            type={auto.state === 'ready' ? 'primary' : 'default'}
            icon={<EditOutlined />}
            disabled={auto.state === 'draft'}
            onClick={() => void auto.flush().then(sign)}
            data-testid="doc-sign"
          >
            {auto.state === 'signed' || auto.state === 'sealed' ? '查看签名' : '签名'}
          </Button>
          <Tooltip title="撤销（Ctrl+Z）">
            <Button
              icon={<UndoOutlined />}
              onClick={() => auto.undo()}
              disabled={!pair || locked}
              data-testid="doc-undo"
            >
              撤销
            </Button>
          </Tooltip>
        </Space>
      </div>
      {!pair && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="仅一名执法人员登录：文书只能查阅。修改须两名执法人员同时登录。"
        />
      )}
      {sealed && (
        <SealDetails documentId={doc.id} openDocument={openDocument} corrected={doc.correction.correctedBy !== null} />
      )}
      {doc.correction.correctedBy && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="corrected-by"
          title={`已补正：见补正文书 ${doc.correction.correctedBy.docNo}（原因：${doc.correction.correctedBy.reason}）`}
          action={
            <Button size="small" onClick={() => openDocument(doc.correction.correctedBy!.id)}>
              打开补正文书
            </Button>
          }
        />
      )}
      {doc.correction.corrects && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="corrects"
          title={`本文书是对 ${doc.correction.corrects.docNo} 的补正，原因：${doc.correction.corrects.reason}`}
          description={`原文书封存校验值 SHA-256：${doc.correction.corrects.sealSha256}`}
          action={
            <Button size="small" onClick={() => openDocument(doc.correction.corrects!.id)}>
              打开原文书
            </Button>
          }
        />
      )}
      {locked && !sealed && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`本文书已有${doc.signatureCount}个签名（或拒签记录），内容已锁定。`}
          action={
            <Button size="small" danger disabled={!pair} onClick={unlock} data-testid="doc-unlock">
              修改文书（作废签名）
            </Button>
          }
        />
      )}
      <div className="doc-layout" data-testid="doc-editor">
        <div>
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {doc.context.agency} · {doc.context.caseNo} {doc.context.caseTitle}
          </Typography.Paragraph>
          <Editor />
        </div>
        <div className="doc-side">
          <Card size="small" title="完整性检查">
            <IssueList issues={issues} />
            {timeline && (
              <div style={{ marginTop: 12 }}>
                <Typography.Text strong>案件时间线核对</Typography.Text>
                <TimelineChecks
                  documentId={doc.id}
                  caseId={doc.caseId}
                  timeline={timeline}
                  pair={pair}
                  openDocument={openDocument}
                  onConfirmed={setTimelineInput}
                />
              </div>
            )}
            {readyError && <Alert type="error" showIcon style={{ marginTop: 8 }} title={readyError} />}
            <Button
              type="primary"
              block
              icon={<CheckOutlined />}
              style={{ marginTop: 12 }}
              disabled={!pair || auto.state !== 'draft' || stops > 0}
              onClick={() => void markReady()}
              data-testid="doc-ready"
            >
              {auto.state === 'draft'
                ? '完成，提交签名'
                : auto.state === 'ready'
                  ? '已提交，待签名'
                  : auto.state === 'signed'
                    ? '已签名'
                    : '已封存'}
            </Button>
            <div className="field-hint">提交后如再修改，文书将退回草稿状态。</div>
          </Card>
        </div>
      </div>
    </EditorContext.Provider>
  );
}
