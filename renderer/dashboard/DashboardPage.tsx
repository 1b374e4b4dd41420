// 工作台, the page after sign-in: the team's cases with what is due and overdue (the most urgent
// first, each deadline with its basis one click away), what is not yet synced, documents waiting
// for signatures or the seal, evidence not yet (or not successfully) re-verified, the last sync
// and receipt, the holiday table the deadlines are counted with, and a warning when HQ has
// announced a newer law package (法规库) than this device holds.
import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Spin, Statistic, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { isOpen } from '../../shared/deadlines/case-deadlines.ts';
import type { Dashboard } from '../../shared/deadlines/deadline-api.ts';
import type { VerifyReport } from '../../shared/evidence/evidence-schema.ts';
import { ReverifyResult } from '../evidence/ReverifyResult.tsx';
import { DOCUMENT_STATE_LABELS, DOCUMENT_TYPE_LABELS } from '../../shared/documents/document-types.ts';
import { CASE_STATUS_LABELS } from '../../shared/domain/case.ts';
import { useApi } from '../app/api-context.tsx';
import { formatTime } from '../app/format.ts';
import { STATUS_COLORS } from '../cases/CaseList.tsx';
import { calendarLine, cnDate, DeadlineDetails, DeadlineLine } from './DeadlineView.tsx';

type CaseEntry = Dashboard['cases'][number];
type DocEntry = Dashboard['documents'][number];
type EvidenceEntry = Dashboard['evidence']['items'][number];

const EVIDENCE_STATUS: Record<EvidenceEntry['status'], { color: string; label: string }> = {
  mismatch: { color: 'red', label: '核验失败：内容不符' },
  missing: { color: 'red', label: '核验失败：文件缺失' },
  unverified: { color: 'default', label: '导入后尚未核验' },
};

export function DashboardPage({
  openCase,
  openDocument,
  openSync,
}: {
  openCase: (id: string) => void;
  openDocument: (id: string, caseId: string) => void;
  openSync: () => void;
}) {
  const { run } = useApi();
  const [data, setData] = useState<Dashboard | null>(null);
  const [loading, setLoading] = useState(false);
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [verifying, setVerifying] = useState(false);
  const load = useCallback(async () => {
    setLoading(true);
    const r = await run('dashboard.get', {});
    setLoading(false);
    if (r.ok) setData(r.value);
  }, [run]);
  useEffect(() => {
    void load();
  }, [load]);

  // Re-hashes every item on this device, of every case; each failure is named with its case.
  const reverifyAll = async () => {
    setVerifying(true);
    const r = await run('evidence.reverifyAll', {});
    setVerifying(false);
    if (r.ok) setReport(r.value);
    void load();
  };

  if (!data) return <Spin />;
  const c = data.counts;
  return (
    <div data-testid="dashboard">
      <div className="page-title">
        <Space align="baseline">
          <h2>工作台</h2>
          <span className="field-hint" data-testid="dashboard-today">
            今天：{cnDate(data.today)}
          </span>
        </Space>
        <Button icon={<ReloadOutlined />} loading={loading} onClick={() => void load()} data-testid="dashboard-refresh">
          刷新
        </Button>
      </div>
      {data.law.warning && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={data.law.warning}
          action={
            <Button size="small" onClick={openSync} data-testid="dashboard-law-sync">
              去同步
            </Button>
          }
          data-testid="dashboard-law-warning"
        />
      )}
      {data.calendar.note && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={data.calendar.note}
          data-testid="dashboard-calendar-note"
        />
      )}
      <Row gutter={12} style={{ marginBottom: 16 }}>
        <Stat title="已逾期" value={c.overdue} color={c.overdue ? '#cf1322' : undefined} testId="count-overdue" />
        <Stat title="三日内到期" value={c.dueSoon} color={c.dueSoon ? '#d46b08' : undefined} testId="count-due-soon" />
        <Stat
          title="期限无法确定"
          value={c.uncertain}
          color={c.uncertain ? '#d48806' : undefined}
          testId="count-uncertain"
        />
        <Stat title="待同步文书" value={c.unsynced} testId="count-unsynced" />
        <Stat title="待签名 / 待封存" value={`${c.waitingSignatures} / ${c.waitingSeal}`} testId="count-waiting" />
        <Stat
          title="电子数据核验失败 / 未核验"
          value={`${c.evidenceFailed} / ${c.evidenceUnverified}`}
          color={c.evidenceFailed ? '#cf1322' : undefined}
          testId="count-evidence"
        />
      </Row>

      <Card size="small" title="案件与期限" className="doc-section" data-testid="dashboard-cases">
        <Table<CaseEntry>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={data.cases}
          locale={{ emptyText: '没有办理中的案件。' }}
          expandable={{
            expandedRowRender: (r) => (
              <div className="deadline-grid">
                {r.deadlines.map((d) => (
                  <DeadlineDetails key={d.key} d={d} />
                ))}
              </div>
            ),
          }}
          onRow={() => ({ 'data-testid': 'dashboard-case' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: '案件',
              key: 'case',
              render: (_, r) => (
                <div style={{ minWidth: 0 }}>
                  <Button
                    type="link"
                    style={{ padding: 0, height: 'auto' }}
                    onClick={() => openCase(r.id)}
                    data-testid="dashboard-open-case"
                  >
                    {r.caseNo}
                  </Button>
                  <div className="clamp-1">{r.title}</div>
                  <div className="field-hint" style={{ marginTop: 0 }}>
                    当事人：{r.partyName}
                  </div>
                </div>
              ),
            },
            {
              title: '状态',
              dataIndex: 'status',
              width: 92,
              render: (s: CaseEntry['status']) => <Tag color={STATUS_COLORS[s]}>{CASE_STATUS_LABELS[s]}</Tag>,
            },
            {
              title: '待办期限',
              key: 'deadlines',
              width: '42%',
              render: (_, r) => {
                const open = r.deadlines.filter(isOpen);
                const pending = r.deadlines.filter((d) => d.status === 'unrecorded').length;
                return (
                  <div>
                    {open.length ? (
                      open.map((d) => <DeadlineLine key={d.key} d={d} />)
                    ) : (
                      <span className="field-hint">没有正在计算的期限</span>
                    )}
                    {pending > 0 && (
                      <div className="field-hint">另有{pending}项期限缺少起算日期，无法计算（展开查看）</div>
                    )}
                  </div>
                );
              },
            },
            {
              title: '未同步',
              dataIndex: 'unsynced',
              width: 80,
              render: (n: number) => (n ? <Tag color="orange">{n}份</Tag> : <span className="field-hint">—</span>),
            },
            {
              title: '待签名',
              dataIndex: 'waitingSignatures',
              width: 80,
              render: (n: number) => (n ? <Tag color="blue">{n}份</Tag> : <span className="field-hint">—</span>),
            },
          ]}
        />
      </Card>

      <Row gutter={16}>
        <Col span={14}>
          <Card size="small" title="待签名、待封存的文书" className="doc-section" data-testid="dashboard-documents">
            <Table<DocEntry>
              rowKey="id"
              size="small"
              pagination={data.documents.length > 10 ? { pageSize: 10 } : false}
              dataSource={data.documents}
              locale={{ emptyText: '没有等待签名或封存的文书。' }}
              onRow={(d) =>
                ({
                  onClick: () => openDocument(d.id, d.caseId),
                  style: { cursor: 'pointer' },
                  'data-testid': 'dashboard-document',
                }) as React.HTMLAttributes<HTMLElement>
              }
              columns={[
                {
                  title: '文书',
                  key: 'doc',
                  render: (_, d) => (
                    <div>
                      <div style={{ whiteSpace: 'nowrap' }}>{d.docNo}</div>
                      <div className="field-hint" style={{ marginTop: 0 }}>
                        {DOCUMENT_TYPE_LABELS[d.type]}
                        {d.subject ? `：${d.subject}` : ''}
                      </div>
                    </div>
                  ),
                },
                {
                  title: '案件',
                  dataIndex: 'caseNo',
                  width: 170,
                  render: (n: string) => <span style={{ whiteSpace: 'nowrap' }}>{n}</span>,
                },
                {
                  title: '状态',
                  dataIndex: 'state',
                  width: 96,
                  render: (s: DocEntry['state']) => (
                    <Tag color={s === 'ready' ? 'blue' : 'cyan'}>
                      {s === 'signed' ? '已签名待封存' : DOCUMENT_STATE_LABELS[s]}
                    </Tag>
                  ),
                },
                {
                  title: '更新',
                  dataIndex: 'updatedAt',
                  width: 130,
                  render: (t: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(t)}</span>,
                },
              ]}
            />
          </Card>
          <Card
            size="small"
            title="电子数据核验"
            className="doc-section"
            data-testid="dashboard-evidence"
            extra={
              <Button
                size="small"
                icon={<SafetyCertificateOutlined />}
                loading={verifying}
                onClick={() => void reverifyAll()}
                data-testid="dashboard-reverify-all"
              >
                全部重新核验
              </Button>
            }
          >
            {report && <ReverifyResult report={report} wholeDevice testId="dashboard-reverify-result" />}
            <Table<EvidenceEntry>
              rowKey="id"
              size="small"
              pagination={data.evidence.items.length > 10 ? { pageSize: 10 } : false}
              dataSource={data.evidence.items}
              locale={{ emptyText: '全部电子数据均已核验通过。' }}
              onRow={(e) =>
                ({
                  onClick: () => openCase(e.caseId),
                  style: { cursor: 'pointer' },
                  'data-testid': 'dashboard-evidence-row',
                }) as React.HTMLAttributes<HTMLElement>
              }
              columns={[
                { title: '文件', dataIndex: 'fileName', ellipsis: true },
                {
                  title: '案件',
                  dataIndex: 'caseNo',
                  width: 170,
                  render: (n: string) => <span style={{ whiteSpace: 'nowrap' }}>{n}</span>,
                },
                {
                  title: '核验',
                  dataIndex: 'status',
                  width: 150,
                  render: (s: EvidenceEntry['status']) => (
                    <Tag color={EVIDENCE_STATUS[s].color}>{EVIDENCE_STATUS[s].label}</Tag>
                  ),
                },
              ]}
            />
            <div className="field-hint">
              {data.evidence.total > data.evidence.items.length &&
                `共${data.evidence.total}件，仅列出前${data.evidence.items.length}件。`}
              「全部重新核验」按导入时的校验值（SHA-256、SM3）核对本机存储的全部电子数据；案件页面的「电子数据」中可只核验该案。
            </div>
          </Card>
        </Col>
        <Col span={10}>
          <Card
            size="small"
            title="同步"
            className="doc-section"
            data-testid="dashboard-sync"
            extra={
              <Button size="small" onClick={openSync} data-testid="dashboard-open-sync">
                前往同步
              </Button>
            }
          >
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'hq',
                  label: '总部',
                  children: data.sync.enrolled ? data.sync.hqName : <Tag color="orange">本机尚未登记到总部</Tag>,
                },
                {
                  key: 'last',
                  label: '上次同步',
                  children: data.sync.last ? (
                    <span>
                      {formatTime(data.sync.last.at)}{' '}
                      <Tag color={data.sync.last.ok ? 'green' : 'red'}>{data.sync.last.ok ? '成功' : '未完成'}</Tag>
                      <div className="field-hint" style={{ marginTop: 0 }}>
                        {data.sync.last.message}
                      </div>
                    </span>
                  ) : (
                    '本次启动后尚未同步'
                  ),
                },
                {
                  key: 'receipt',
                  label: '最近回执',
                  children: data.sync.lastReceiptAt ? formatTime(data.sync.lastReceiptAt) : '尚无总部回执',
                },
                {
                  key: 'contact',
                  label: '最近联系总部',
                  children: data.sync.hqTimeSeen ? formatTime(data.sync.hqTimeSeen) : '—',
                },
                {
                  key: 'outbox',
                  label: '待同步文书',
                  children: data.sync.outbox ? (
                    <Tag color="orange">{data.sync.outbox}份已封存文书尚无总部回执</Tag>
                  ) : (
                    '无'
                  ),
                },
              ]}
            />
          </Card>
          <Card size="small" title="期限计算" className="doc-section" data-testid="dashboard-calendar">
            <div className="legal-text" style={{ fontSize: 13 }}>
              {calendarLine(data.calendar)}。{'\n'}
              起算日不计入；二日、三日、五日、七日按工作日计算，不含周六、周日和法定节假日，调休上班日计入（《中华人民共和国行政处罚法》第八十五条）；其他期限届满的最后一日是节假日的，顺延至节假日后的第一个工作日。超出节假日表的期限显示为「无法确定」，并给出最早可能的届满日。
            </div>
            <div className="field-hint">数据来源：{data.calendar.source}</div>
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function Stat({
  title,
  value,
  color,
  testId,
}: {
  title: string;
  value: number | string;
  color?: string | undefined;
  testId: string;
}) {
  return (
    <Col flex="1 1 0">
      <Card size="small" data-testid={testId}>
        <Statistic title={title} value={value} styles={{ content: color ? { color } : {} }} />
      </Card>
    </Col>
  );
}
