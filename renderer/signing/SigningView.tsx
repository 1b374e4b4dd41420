// Review as printed, then sign: the document's pages exactly as the PDF paginates them, the slots
// still to sign (the interviewee on every page and at the end, the officers with their passwords),
// refusals, and the recording of the whole sitting (全过程记录), stored as evidence at the end.
import {
  ArrowLeftOutlined,
  CheckCircleFilled,
  EditOutlined,
  LeftOutlined,
  RightOutlined,
  StopOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Input, List, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { RESOLUTION_LABELS, type RequiredSlot, type SigningState } from '../../shared/signatures/signature-api.ts';
import { formatMinuteChinese } from '../../shared/documents/local-time.ts';
import { useApi } from '../app/api-context.tsx';
import { ResolvedRecord, ReviewPage } from './ReviewPage.tsx';
import { ResolveDialog, type ResolveValues } from './ResolveDialog.tsx';
import { SignDialog, type SignValues } from './SignDialog.tsx';
import { NO_RECORDING_NEXT } from './recording-errors.ts';
import { useRecorder } from './use-recorder.ts';

/** The roles that sign for the party itself: for an organisation, a named person signs for it. */
const PARTY_ROLES = new Set(['当事人', '持有人/提供人']);

const key = (s: { slotId: string; page: number | null }) => `${s.slotId}@${s.page ?? 'end'}`;

export function SigningView({ documentId, caseId, back }: { documentId: string; caseId: string; back: () => void }) {
  const { run, api, status } = useApi();
  const { message } = App.useApp();
  const [s, setS] = useState<SigningState | null>(null);
  const [pageNo, setPageNo] = useState(1);
  const [ceremonyId, setCeremonyId] = useState<string | null>(null);
  const [record, setRecord] = useState(true);
  const [noRecordReason, setNoRecordReason] = useState('');
  const [lateReason, setLateReason] = useState('');
  const [signing, setSigning] = useState<RequiredSlot | null>(null);
  const [resolving, setResolving] = useState<RequiredSlot | null>(null);
  const [finishing, setFinishing] = useState(false);
  const [opening, setOpening] = useState(false);
  /** The slots whose refusals were voided when an interrupted sitting was continued: they must be redone. */
  const [redo, setRedo] = useState<string[]>([]);
  const recorder = useRecorder();
  const officers = status?.session.officers ?? [];
  /** The party when it is an organisation (its signer names themself and their authority), and the case's evidence (授权委托书). */
  const [organisation, setOrganisation] = useState<string | null>(null);
  const [evidence, setEvidence] = useState<{ id: string; fileName: string }[]>([]);
  useEffect(() => {
    void (async () => {
      const c = await run('cases.get', { id: caseId }, { quiet: true });
      if (c.ok && c.value.party.kind === 'organisation') setOrganisation(c.value.party.name);
    })();
  }, [caseId, run]);
  const loadEvidence = useCallback(async () => {
    const e = await run('evidence.list', { caseId }, { quiet: true });
    if (e.ok) setEvidence(e.value.map((x) => ({ id: x.id, fileName: x.fileName })));
  }, [caseId, run]);

  const load = useCallback(async () => {
    const r = await run('signing.state', { id: documentId });
    if (r.ok) setS(r.value);
  }, [documentId, run]);
  useEffect(() => void load(), [load]);
  // A callback ref: the preview mounts only once the sitting is open, after the camera started.
  const preview = useCallback(
    (v: HTMLVideoElement | null) => {
      if (v && v.srcObject !== recorder.stream) v.srcObject = recorder.stream;
    },
    [recorder.stream],
  );

  if (!s) return <Spin />;
  const done = new Map(s.signatures.map((x) => [key(x), x]));
  const page = s.pages[pageNo - 1]!;
  const todo = s.required.filter((r) => !done.has(key(r)));
  const here = s.required.filter((r) => r.page === pageNo || (r.page === null && pageNo === s.pages.length));
  // A sitting still open in the core that this screen did not start (reload, lock, crash).
  const orphan = !ceremonyId && s.activeCeremonyId ? s.activeCeremonyId : null;
  const awaitingRecording = s.signatures.some(
    (x) => x.status !== 'signed' && !x.witnessSignatureId && !x.recordingEvidenceId,
  );

  /**
   * Opens the sitting in the core, then the camera, and only then the slots: a refusal recorded
   * on camera must come after the recording began. `continues`: the interrupted sitting taken over.
   */
  const open = async (continues = '') => {
    setOpening(true);
    const r = await run('signing.start', {
      documentId,
      recording: record,
      noRecordingReason: record ? '' : noRecordReason,
      continues,
      lateReason: s.late ? lateReason.trim() : '',
    });
    // The core ended the interrupted sitting as 录像中断 and voided the refusals that rested on its
    // lost recording alone: the state shows which, so the screen can say which slots to redo.
    const next = r.ok && continues ? await run('signing.state', { id: documentId }) : null;
    if (r.ok && record && !(await recorder.start())) message.warning(`未能录像。${NO_RECORDING_NEXT}`);
    if (next?.ok) {
      const kept = new Set(next.value.signatures.map((x) => x.id));
      const label = (x: { slotId: string; page: number | null; role: string }) =>
        s.required.find((q) => q.slotId === x.slotId && q.page === x.page)?.label ?? x.role;
      setRedo(
        s.signatures.filter((x) => x.ceremonyId === continues && x.status !== 'signed' && !kept.has(x.id)).map(label),
      );
      setS(next.value); // together with the id below, or the new sitting would show as an orphan
    }
    if (r.ok) setCeremonyId(r.value.ceremonyId);
    setOpening(false);
  };

  const sign = async (slot: RequiredSlot, v: SignValues) => {
    const r = await run(
      'signing.sign',
      { ceremonyId: ceremonyId!, slotId: slot.slotId, page: slot.page, ...v },
      { quiet: true },
    );
    if (!r.ok) return r.error.message;
    setS(r.value);
    message.success(`${slot.label}已签名`);
    return null;
  };

  const resolve = async (slot: RequiredSlot, v: ResolveValues) => {
    const r = await run(
      'signing.resolve',
      {
        ceremonyId: ceremonyId!,
        slotId: slot.slotId,
        page: slot.page,
        ...v,
        recordingProblem: recorder.state.kind === 'failed' ? `未能录像（${recorder.state.message}）` : '',
      },
      { quiet: true },
    );
    if (!r.ok) return r.error.message;
    setS(r.value);
    return null;
  };

  /** Ends the open sitting as interrupted: its recording was held by the screen that is gone. */
  const endOrphan = async (id: string) => {
    const r = await run('signing.end', {
      ceremonyId: id,
      recordingEvidenceId: '',
      recordingFailure: '录像中断：签名过程被中断（页面刷新、锁定或程序重启），此前的录像未能保存',
    });
    if (r.ok) {
      setS(r.value);
      message.info('已结束中断的签名。');
    }
  };

  /** Stops the recording, stores it as evidence of the case, and ends the sitting. */
  const finish = async () => {
    setFinishing(true);
    let evidenceId = '';
    let failure = recorder.state.kind === 'failed' ? `未录像：${recorder.state.message}` : '';
    const blob = await recorder.stop();
    if (blob) {
      const fileName = `签名过程录像-${s.docNo}-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '')}.webm`;
      const meta = {
        category: '视频' as const,
        description: `${s.title}${s.docNo}签名全过程同步录音录像`,
        source: '本机摄像头和麦克风',
        method: '同步录音录像（MediaRecorder，WebM）',
        timeSourceNote: '',
        provider: { name: '', idNumber: '', statement: false },
        original: true,
        copy: { method: '', madeAt: '', madeBy: '' },
      };
      const begun = await run(
        'evidence.beginImport',
        { caseId, documentId: '', fileName, sizeBytes: blob.size, meta },
        { quiet: true },
      );
      const up = begun.ok
        ? await api.uploadEvidence(begun.value.ticket, blob, () => undefined, new AbortController().signal)
        : begun;
      if (up.ok) evidenceId = up.value.id;
      else failure = up.error.message;
    } else if (ceremonyId && record && !failure) failure = '未录像：未录到任何画面';
    const r = await run('signing.end', {
      ceremonyId: ceremonyId!,
      recordingEvidenceId: evidenceId,
      recordingFailure: evidenceId ? '' : failure,
    });
    setFinishing(false);
    if (r.ok) {
      setS(r.value);
      setCeremonyId(null);
      setRedo([]);
      // Never a bare 「签名结束。」 when something was undone: say what and what to do next.
      // The list is of every refusal voided and not yet redone (this sitting's, or one voided when
      // an interrupted sitting was continued): it says so beside whether this sitting's recording was kept.
      if (r.value.voided.length)
        message.warning(
          `${evidenceId ? '签名结束，录像已作为电子数据保存。' : '签名已结束。'}${r.value.voided.map((x) => x.label).join('、')}的拒签/缺席记录已作废（其所依据的录像未能保存），请见下方说明重新记录。`,
          8,
        );
      else message.success(evidenceId ? '签名结束，录像已作为电子数据保存。' : '签名结束。');
    }
  };

  const recordChoice = (
    <>
      {s.late && (
        <div style={{ marginBottom: 12 }} data-testid="late-signing">
          <Alert
            type="warning"
            showIcon
            title={`本文书于${formatMinuteChinese(s.late.completeAt)}完成，现在开始签名已晚${s.late.minutes}分钟（超过设定的${s.late.margin}分钟）。`}
            description="请说明逾时签名的原因（如：当事人当日拒绝到场，次日到办公室签名）。原因随每个签名保存并打印在文书上。"
          />
          <Input.TextArea
            rows={2}
            style={{ marginTop: 8 }}
            maxLength={200}
            placeholder="逾时签名的原因"
            value={lateReason}
            onChange={(e) => setLateReason(e.target.value)}
            data-testid="late-reason"
          />
        </div>
      )}
      <Checkbox checked={record} onChange={(e) => setRecord(e.target.checked)} data-testid="record-toggle">
        同步录音录像（全过程记录，建议开启）
      </Checkbox>
      {!record && (
        <Input.TextArea
          rows={2}
          style={{ marginTop: 8 }}
          placeholder="不录像的理由（将记入办理记录）"
          value={noRecordReason}
          onChange={(e) => setNoRecordReason(e.target.value)}
          data-testid="no-record-reason"
        />
      )}
    </>
  );

  return (
    <div data-testid="signing-view">
      <div className="page-title">
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={back} disabled={ceremonyId !== null}>
            返回文书
          </Button>
          <h2>
            签名：{s.title} <span style={{ fontSize: 14, color: '#666' }}>{s.docNo}</span>
          </h2>
          <Tag color={s.complete ? 'green' : 'blue'} data-testid="signing-state">
            {s.complete ? '已签名' : todo.length ? `待签名（还差 ${todo.length} 处）` : '待签名（拒签待录像保存）'}
          </Tag>
        </Space>
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        文书内容已冻结，签名与其校验值绑定：SHA-256 <code>{s.docSha256.slice(0, 16)}…</code>
        {'\u3000'}SM3 <code>{s.docSm3.slice(0, 16)}…</code>
      </Typography.Paragraph>
      <div className="signing-layout">
        <div>
          <Space style={{ marginBottom: 8 }}>
            <Button
              icon={<LeftOutlined />}
              disabled={pageNo <= 1}
              onClick={() => setPageNo(pageNo - 1)}
              data-testid="page-prev"
            />
            <span data-testid="page-of">
              第 {pageNo} 页 共 {s.pages.length} 页
            </span>
            <Button
              icon={<RightOutlined />}
              disabled={pageNo >= s.pages.length}
              onClick={() => setPageNo(pageNo + 1)}
              data-testid="page-next"
            />
          </Space>
          <ReviewPage
            page={page}
            size={s.pageSize}
            width={640}
            signatures={s.signatures}
            images={s.images}
            highlight={signing?.slotId ?? null}
          />
          <ResolvedRecord state={s} />
        </div>
        <div className="signing-side">
          {awaitingRecording && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title="拒签/缺席仅以同步录像为据：结束签名并保存录像后才生效。录像未能保存的，该记录作废，须见证人签名后重新记录。"
            />
          )}
          {s.voided.length > 0 && redo.length === 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="signing-voided"
              title={`须重新记录拒签/缺席：${s.voided.map((x) => x.label).join('、')}`}
              description={`${[...new Set(s.voided.map((x) => x.why))].join('；')}。这些记录只以录像为据，录像未能保存，因此已作废（保留在办理记录和审计日志中）。请重新开始签名：请在场的见证人在「见证人」栏签名后，两名执法人员再次确认拒签理由；或在录像正常时重新记录。`}
            />
          )}
          {redo.length > 0 && (
            <Alert
              type="warning"
              showIcon
              closable
              onClose={() => setRedo([])}
              style={{ marginBottom: 12 }}
              data-testid="signing-redo"
              title={`须重新记录拒签/缺席：${redo.join('、')}`}
              description="这些拒签/缺席是在签名中断前记录的，没有见证人，只以当时的录像为据；当时的录像已随中断丢失，现在的录像在其后才开始，不能证明当时的情形，因此已作废（保留在办理记录和审计日志中）。请在现在的录像下重新记录，或请见证人签名后记录。"
            />
          )}
          {orphan && (
            <Card size="small" title="有一次签名尚未结束" style={{ marginBottom: 12 }} data-testid="signing-orphan">
              <Typography.Paragraph type="secondary">
                上次签名未正常结束（页面刷新、锁定或程序中断），当时的录像已无法保存，该次签名将记为录像中断。已完成的签名仍然有效；没有见证人、只以录像为据的拒签/缺席将作废，须在新的录像下或见证人签名后重新记录。
              </Typography.Paragraph>
              {!s.complete && recordChoice}
              <Space style={{ marginTop: 12 }}>
                {!s.complete && (
                  <Button
                    type="primary"
                    loading={opening}
                    onClick={() => void open(orphan)}
                    data-testid="signing-resume"
                  >
                    继续签名{record ? '（重新开始录像）' : ''}
                  </Button>
                )}
                <Button
                  danger
                  disabled={opening}
                  onClick={() => void endOrphan(orphan)}
                  data-testid="signing-end-orphan"
                >
                  结束（录像中断）
                </Button>
              </Space>
            </Card>
          )}
          {!ceremonyId && !orphan && !s.complete && (
            <Card size="small" title="开始签名" style={{ marginBottom: 12 }}>
              {recordChoice}
              <Button
                type="primary"
                block
                style={{ marginTop: 12 }}
                icon={<EditOutlined />}
                loading={opening}
                onClick={() => void open()}
                data-testid="signing-start"
              >
                开始签名
              </Button>
            </Card>
          )}
          {ceremonyId && (
            <Card
              size="small"
              title={
                recorder.state.kind === 'recording' ? (
                  <span style={{ color: '#cf1322' }}>
                    <VideoCameraOutlined /> 正在录像
                  </span>
                ) : (
                  '签名进行中'
                )
              }
              style={{ marginBottom: 12 }}
            >
              {recorder.state.kind === 'recording' && (
                <video
                  ref={preview}
                  autoPlay
                  muted
                  playsInline
                  style={{ width: '100%', borderRadius: 4, background: '#000' }}
                  data-testid="record-preview"
                />
              )}
              {recorder.state.kind === 'failed' && (
                <Alert
                  type="warning"
                  showIcon
                  data-testid="record-failed"
                  title={`未能录像：${recorder.state.message}`}
                  description={NO_RECORDING_NEXT}
                />
              )}
              {s.activeLateReason && (
                <div className="field-hint" data-testid="active-late-reason">
                  逾时签名，原因：{s.activeLateReason}（随每个签名保存并打印）
                </div>
              )}
              {!record && <Alert type="info" showIcon title="本次签名未录像" description={NO_RECORDING_NEXT} />}
              {s.offered.map((slot) => {
                const sig = done.get(key(slot));
                return (
                  <div key={key(slot)} style={{ marginTop: 8 }}>
                    {sig ? (
                      <span data-testid={`offered-signed-${slot.slotId}`}>
                        <CheckCircleFilled style={{ color: '#389e0d' }} /> {slot.label}：{sig.signerName}
                      </span>
                    ) : (
                      <Button block onClick={() => setSigning(slot)} data-testid={`sign-${key(slot)}`}>
                        {slot.role === '见证人'
                          ? '见证人签名（有人拒签、不在场或无法签名时）'
                          : `${slot.label}（可选，代替打字的核对意见）`}
                      </Button>
                    )}
                  </div>
                );
              })}
              <Button
                block
                style={{ marginTop: 12 }}
                icon={<StopOutlined />}
                loading={finishing}
                onClick={() => void finish()}
                data-testid="signing-finish"
              >
                结束签名{recorder.state.kind === 'recording' ? '并保存录像' : ''}
              </Button>
            </Card>
          )}
          <Card size="small" title={`本页签名栏（第 ${pageNo} 页）`}>
            <List
              size="small"
              dataSource={here}
              renderItem={(slot) => {
                const sig = done.get(key(slot));
                return (
                  <List.Item
                    data-testid="slot-row"
                    actions={
                      sig || !ceremonyId
                        ? []
                        : [
                            <Button
                              key="s"
                              size="small"
                              type="primary"
                              onClick={() => {
                                void loadEvidence();
                                setSigning(slot);
                              }}
                              data-testid={`sign-${key(slot)}`}
                            >
                              签名
                            </Button>,
                            ...(slot.officerId
                              ? []
                              : [
                                  <Button
                                    key="r"
                                    size="small"
                                    danger
                                    onClick={() => setResolving(slot)}
                                    data-testid={`resolve-${key(slot)}`}
                                  >
                                    拒签/缺席
                                  </Button>,
                                ]),
                          ]
                    }
                  >
                    <span>
                      {sig ? (
                        <CheckCircleFilled style={{ color: sig.status === 'signed' ? '#389e0d' : '#cf1322' }} />
                      ) : (
                        <span style={{ display: 'inline-block', width: 14 }} />
                      )}{' '}
                      {slot.label}
                      {sig && (
                        <span className="field-hint">
                          {'\u3000'}
                          {sig.status === 'signed' ? (
                            sig.signerName
                          ) : (
                            <span className="signing-resolved" data-testid="side-resolved">
                              {RESOLUTION_LABELS[sig.status]}：{sig.reason}
                            </span>
                          )}
                        </span>
                      )}
                    </span>
                  </List.Item>
                );
              }}
            />
            {todo.length > 0 && (
              <div className="field-hint">全部签名栏：还差 {todo.map((t) => t.label).join('、')}</div>
            )}
          </Card>
        </div>
      </div>
      {signing && (
        <SignDialog
          slot={signing}
          officer={officers.find((o) => o.id === signing.officerId)}
          organisation={organisation && PARTY_ROLES.has(signing.role) ? organisation : null}
          evidence={evidence}
          mirrored={s.pages.some((p) => p.slots.some((x) => x.mirror.includes(signing.slotId)))}
          onSign={(v) => sign(signing, v)}
          onClose={() => setSigning(null)}
        />
      )}
      {resolving && (
        <ResolveDialog
          slot={resolving}
          organisation={organisation && PARTY_ROLES.has(resolving.role) ? organisation : null}
          officers={officers}
          witnesses={s.signatures.filter((x) => x.role === '见证人' && x.status === 'signed')}
          recorded={recorder.state.kind === 'recording'}
          onResolve={(v) => resolve(resolving, v)}
          onClose={() => setResolving(null)}
        />
      )}
    </div>
  );
}
