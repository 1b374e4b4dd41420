// One case: everything recorded about it, its matter with the legal basis, its timeline.
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Input, Modal, Select, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { CASE_STATUS_LABELS, CASE_STATUSES, type CaseDetail as Detail, type CaseStatus } from '../../shared/domain/case.ts';
import { useApi } from '../app/api-context.tsx';
import { formatTime } from '../app/format.ts';
import { MatterDetail } from '../catalog/MatterDetail.tsx';
import { DocumentsCard } from '../documents/DocumentsCard.tsx';
import { EvidenceCard } from '../evidence/EvidenceCard.tsx';
import { STATUS_COLORS } from './CaseList.tsx';

export function CaseDetail({ id, back, edit, openDocument }: { id: string; back: () => void; edit: () => void; openDocument: (id: string) => void }) {
  const { run, status } = useApi();
  const [c, setCase] = useState<Detail | null>(null);
  const [matterOpen, setMatterOpen] = useState(false);
  const [statusDialog, setStatusDialog] = useState<{ status: CaseStatus; note: string } | null>(null);
  const pair = status?.session.pair ?? false;

  const load = useCallback(async () => {
    const r = await run('cases.get', { id });
    if (r.ok) setCase(r.value);
  }, [run, id]);
  useEffect(() => {
    void load();
  }, [load]);

  const changeStatus = async () => {
    if (!statusDialog) return;
    const r = await run('cases.setStatus', { id, status: statusDialog.status, note: statusDialog.note });
    if (r.ok) {
      setCase(r.value);
      setStatusDialog(null);
    }
  };

  if (!c) return <Spin />;
  const p = c.party;
  return (
    <div data-testid="case-detail">
      <div className="page-title">
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={back}>
            返回列表
          </Button>
          <h2>{c.title}</h2>
          <Tag color={STATUS_COLORS[c.status]}>{CASE_STATUS_LABELS[c.status]}</Tag>
        </Space>
        <Space>
          <Button disabled={!pair} onClick={() => setStatusDialog({ status: c.status === 'clue' ? 'filed' : 'closed', note: '' })}>
            变更状态
          </Button>
          <Button type="primary" icon={<EditOutlined />} disabled={!pair} onClick={edit}>
            编辑
          </Button>
        </Space>
      </div>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label="案件编号">
            <span data-testid="case-detail-no">{c.caseNo}</span>
          </Descriptions.Item>
          <Descriptions.Item label="案件来源">{c.source}</Descriptions.Item>
          <Descriptions.Item label="来源说明" span={2}>
            {c.sourceNote || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="执法事项" span={2}>
            {c.matter ? (
              <>
                <Typography.Link onClick={() => setMatterOpen(true)}>{c.matter.name}</Typography.Link>
                <div className="field-hint">
                  依据：{c.matter.basisShort}
                  <br />
                  处罚幅度：{c.matter.penaltyShort}
                </div>
              </>
            ) : (
              c.matterName
            )}
          </Descriptions.Item>
          <Descriptions.Item label="承办人员" span={2}>
            {c.officers.map((o) => `${o.name}（执法证号 ${o.certNo}）`).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label="简要案情" span={2}>
            <div className="legal-text">{c.summary || '—'}</div>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <DocumentsCard caseId={c.id} open={openDocument} />
      <EvidenceCard caseId={c.id} />
      <Card size="small" title="当事人" style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small" bordered>
          {p.kind === 'organisation' ? (
            <>
              <Descriptions.Item label="单位名称">{p.name}</Descriptions.Item>
              <Descriptions.Item label="统一社会信用代码">{p.creditCode}</Descriptions.Item>
              <Descriptions.Item label="法定代表人（负责人）">{p.legalRepresentative}</Descriptions.Item>
            </>
          ) : (
            <>
              <Descriptions.Item label="姓名">{p.name}</Descriptions.Item>
              <Descriptions.Item label={p.idType}>{p.idNumber}</Descriptions.Item>
            </>
          )}
          <Descriptions.Item label="联系电话">{p.phone || '—'}</Descriptions.Item>
          <Descriptions.Item label={p.kind === 'organisation' ? '住所' : '住址'} span={2}>
            {p.address}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="涉案平台" style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label="网站/APP名称">{c.platform.name}</Descriptions.Item>
          <Descriptions.Item label="域名">{c.platform.domain || '—'}</Descriptions.Item>
          <Descriptions.Item label="网址">{c.platform.url || '—'}</Descriptions.Item>
          <Descriptions.Item label="ICP备案号">{c.platform.icp || '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="办理记录">
        <Timeline
          items={c.events.map((e) => ({
            content: (
              <>
                <div>{e.text}</div>
                <div className="field-hint">
                  {formatTime(e.at)} · {e.officers.join('、')}
                </div>
              </>
            ),
          }))}
        />
      </Card>
      <MatterDetail id={matterOpen ? c.matterId : null} onClose={() => setMatterOpen(false)} />
      <Modal title="变更案件状态" open={statusDialog !== null} onOk={() => void changeStatus()} onCancel={() => setStatusDialog(null)} okText="确认变更">
        {statusDialog && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Select
              value={statusDialog.status}
              style={{ width: '100%' }}
              onChange={(s) => setStatusDialog({ ...statusDialog, status: s })}
              options={CASE_STATUSES.filter((s) => s !== c.status).map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }))}
            />
            <Input.TextArea rows={3} placeholder="说明（如：经负责人批准立案）" value={statusDialog.note} onChange={(e) => setStatusDialog({ ...statusDialog, note: e.target.value })} maxLength={500} />
          </Space>
        )}
      </Modal>
    </div>
  );
}
