// One case: everything recorded about it, its matter with the legal basis, its documents and
// evidence, its timeline.
import { ArrowLeftOutlined, EditOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Spin, Tag, Timeline, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { CASE_STATUS_LABELS, type CaseDetail as Detail, type CaseStatus } from '../../shared/domain/case.ts';
import { useApi } from '../app/api-context.tsx';
import { formatTime } from '../app/format.ts';
import { MatterDetail } from '../catalog/MatterDetail.tsx';
import { periodKey } from '../../shared/catalog/law-in-force.ts';
import { DeadlinesCard } from '../dashboard/DeadlinesCard.tsx';
import { DocumentsCard } from '../documents/DocumentsCard.tsx';
import { EvidenceCard } from '../evidence/EvidenceCard.tsx';
import { CaseTimelineCard } from '../timeline/CaseTimelineCard.tsx';
import { AuditCard } from './AuditCard.tsx';
import { CaseFacts } from './CaseFacts.tsx';
import { CaseLawCard } from './CaseLawCard.tsx';
import { STATUS_COLORS } from './CaseList.tsx';
import { CaseStatusDialog } from './CaseStatusDialog.tsx';

export function CaseDetail({
  id,
  back,
  edit,
  openDocument,
}: {
  id: string;
  back: () => void;
  edit: () => void;
  openDocument: (id: string) => void;
}) {
  const { run, status } = useApi();
  const { message } = App.useApp();
  const [c, setCase] = useState<Detail | null>(null);
  const [matterOpen, setMatterOpen] = useState(false);
  const [changing, setChanging] = useState(false);
  const pair = status?.session.pair ?? false;

  const load = useCallback(async () => {
    const r = await run('cases.get', { id });
    if (r.ok) setCase(r.value);
  }, [run, id]);
  useEffect(() => {
    void load();
  }, [load]);

  const changeStatus = async (next: CaseStatus, note: string) => {
    const r = await run('cases.setStatus', { id, status: next, note });
    if (!r.ok) return false;
    setCase(r.value);
    message.success(`案件状态已变更为「${CASE_STATUS_LABELS[r.value.status]}」。`);
    return true;
  };

  if (!c) return <Spin />;
  const pairHint = pair ? '' : '须两名执法人员同时登录';
  return (
    <div data-testid="case-detail">
      <div className="page-title">
        <Space align="center" style={{ minWidth: 0 }}>
          <Button icon={<ArrowLeftOutlined />} onClick={back}>
            返回列表
          </Button>
          <h2>{c.title}</h2>
          <Tag color={STATUS_COLORS[c.status]} data-testid="case-detail-status">
            {CASE_STATUS_LABELS[c.status]}
          </Tag>
        </Space>
        <Space>
          <Tooltip placement="bottom" title={pairHint}>
            <Button
              icon={<SwapOutlined />}
              disabled={!pair}
              onClick={() => setChanging(true)}
              data-testid="case-status-change"
            >
              变更状态
            </Button>
          </Tooltip>
          <Tooltip placement="bottom" title={pairHint}>
            <Button type="primary" icon={<EditOutlined />} disabled={!pair} onClick={edit} data-testid="case-edit">
              编辑
            </Button>
          </Tooltip>
        </Space>
      </div>
      <CaseFacts c={c} openMatter={() => setMatterOpen(true)} />
      <CaseLawCard c={c} onChange={setCase} openMatter={() => setMatterOpen(true)} />
      <DeadlinesCard caseId={c.id} version={c.updatedAt} onChange={() => void load()} />
      <DocumentsCard caseId={c.id} open={openDocument} />
      <EvidenceCard caseId={c.id} />
      <CaseTimelineCard caseId={c.id} version={c.updatedAt} openDocument={openDocument} />
      <AuditCard caseId={c.id} />
      <Card size="small" title="办理记录" data-testid="case-timeline">
        <Timeline
          items={c.events.map((e) => ({
            content: (
              <>
                <div>{e.text}</div>
                <div className="field-hint">
                  {formatTime(e.at)}
                  {e.officers.length > 0 && `\u3000执法人员：${e.officers.join('、')}`}
                </div>
              </>
            ),
          }))}
        />
      </Card>
      <MatterDetail
        id={matterOpen ? c.matterId : null}
        onClose={() => setMatterOpen(false)}
        relevant={c.law.situation === 'no-conduct' ? [] : c.law.candidates.map(periodKey)}
        applies={c.law.applies}
      />
      {changing && <CaseStatusDialog current={c.status} onSubmit={changeStatus} onClose={() => setChanging(false)} />}
    </div>
  );
}
