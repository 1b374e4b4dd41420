// The documents of a case, and buttons to start each kind.
import { ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { DocumentSummary } from '../../shared/documents/document-api.ts';
import {
  DOCUMENT_STATE_LABELS,
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPES,
  type DocumentType,
} from '../../shared/documents/document-types.ts';
import { useApi } from '../app/api-context.tsx';
import { formatTime } from '../app/format.ts';
import { useBundleVerify } from '../seals/BundleVerifyCard.tsx';

export function DocumentsCard({ caseId, open }: { caseId: string; open: (id: string) => void }) {
  const { run, status } = useApi();
  const [docs, setDocs] = useState<DocumentSummary[]>([]);
  const pair = status?.session.pair ?? false;
  useEffect(() => {
    void run('documents.list', { caseId }).then((r) => r.ok && setDocs(r.value));
  }, [caseId, run]);
  const { modal } = App.useApp();
  const bundleCheck = useBundleVerify();
  const sealed = docs.filter((d) => d.state === 'sealed');
  /** One sealed bundle of every sealed document of the case, written to the data folder's exports/. */
  const exportBundle = async () => {
    const r = await run('bundles.export', { documentIds: sealed.map((d) => d.id) });
    if (!r.ok) return;
    // The report opens in its own window: this notice closes first so it does not cover it.
    const notice = modal.success({
      title: '封存包已导出',
      content: (
        <div>
          <div data-testid="bundle-path" style={{ wordBreak: 'break-all' }}>
            {r.value.path}
          </div>
          <div className="field-hint">
            共{r.value.seals.length}份封存文书、{r.value.files}个文件。可交总部导入或提交法院；任何人可用 npm run verify
            或 sha256sum、openssl 核验（见 docs/SEAL-FORMAT.md）。
          </div>
          <Button
            size="small"
            style={{ marginTop: 8 }}
            onClick={() => {
              notice.destroy();
              void bundleCheck.verify(r.value.path);
            }}
            data-testid="bundle-verify-exported"
          >
            在本机核验此封存包
          </Button>
        </div>
      ),
    });
  };
  const create = async (type: DocumentType) => {
    const r = await run('documents.create', { caseId, type });
    if (r.ok) open(r.value.id);
  };
  return (
    <Card
      size="small"
      title="文书"
      style={{ marginBottom: 16 }}
      extra={
        <Space>
          {sealed.length > 0 && (
            <Button
              size="small"
              icon={<ExportOutlined />}
              disabled={!pair}
              onClick={() => void exportBundle()}
              data-testid="bundle-export"
            >
              导出封存包（{sealed.length}份）
            </Button>
          )}
          {DOCUMENT_TYPES.map((t) => (
            <Button
              key={t}
              size="small"
              icon={<PlusOutlined />}
              disabled={!pair}
              onClick={() => void create(t)}
              data-testid={`doc-new-${t}`}
            >
              {DOCUMENT_TYPE_LABELS[t]}
            </Button>
          ))}
        </Space>
      }
    >
      <Table<DocumentSummary>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={docs}
        locale={{
          emptyText: pair ? '尚无文书。点击右上方的文书名称新建。' : '尚无文书。两名执法人员同时登录后可新建。',
        }}
        onRow={(d) =>
          ({
            onClick: () => open(d.id),
            style: { cursor: 'pointer' },
            'data-testid': 'doc-row',
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: '文书', dataIndex: 'type', width: 190, render: (t: DocumentType) => DOCUMENT_TYPE_LABELS[t] },
          { title: '文书编号', dataIndex: 'docNo', width: 190 },
          { title: '内容', dataIndex: 'subject', ellipsis: true },
          {
            title: '状态',
            dataIndex: 'state',
            width: 150,
            render: (s: DocumentSummary['state'], d: DocumentSummary) => (
              <>
                <Tag color={{ draft: 'default', ready: 'blue', signed: 'green', sealed: 'purple' }[s]}>
                  {DOCUMENT_STATE_LABELS[s]}
                </Tag>
                {d.syncedAt && (
                  <Tag
                    color="cyan"
                    title={`总部回执时间 ${new Date(d.syncedAt).toLocaleString('zh-CN', { hour12: false })}`}
                  >
                    已同步
                  </Tag>
                )}
              </>
            ),
          },
          { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: formatTime },
        ]}
      />
      {bundleCheck.error && <Alert type="error" showIcon style={{ marginTop: 8 }} title={bundleCheck.error} />}
      {bundleCheck.modal}
    </Card>
  );
}
