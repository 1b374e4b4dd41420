// One document: verified again by HQ on every view (核验), its seal, HQ's receipt, officers,
// signatures, evidence (to download), the PDF HQ prints from it, and — for administrators — who has
// read it (the access log).
import { Alert, Button, Descriptions, Space, Table, Typography } from 'antd';
import { STAFF_API } from '../../protocol/staff/staff-api.ts';
import { call } from '../api.ts';
import { beijing, viaLabel } from '../format.ts';
import { href } from '../router.ts';
import { useLoad } from './use-load.ts';

export function DocumentPage({ id, admin }: { id: string; admin: boolean }) {
  const { data, error, reload, loading } = useLoad(() => call('document', { params: { documentId: id } }), [id]);
  const reads = useLoad(
    () => (admin ? call('access', { query: { document: id } }).then((a) => a.rows) : Promise.resolve([])),
    [id, admin, data],
  );
  if (error) return <Alert type="error" title={error} id="document-error" />;
  if (!data) return null;
  const s = data.seal;
  return (
    <>
      <Typography.Title level={3}>
        {data.typeLabel} {data.docNo}
      </Typography.Title>
      <Space style={{ marginBottom: 12 }}>
        <span>
          案号 <a href={href({ page: 'case', id: data.caseId })}>{data.caseNo}</a> · {data.officeName} · {data.pages}页
        </span>
        {data.pdfHref && (
          <a href={data.pdfHref} target="_blank" rel="noreferrer" id="pdf-link">
            预览PDF
          </a>
        )}
        <Button id="export-document" href={`${STAFF_API}/documents/${encodeURIComponent(id)}/export`}>
          导出证据包
        </Button>
        <Button onClick={reload} loading={loading} id="reverify">
          重新核验
        </Button>
      </Space>
      {data.problems.length ? (
        <Alert type="error" id="verify-status" title={`核验不通过：${data.problems.join('；')}`} />
      ) : (
        <Alert
          type="success"
          id="verify-status"
          title={`核验通过：设备SM2与Ed25519签名有效；文书、${data.signatures.length}个签名、${data.evidence.length}件电子数据与封存一致${data.missingBefore.length ? `；此前的封存 ${data.missingBefore.join('、')} 尚未收到` : '；封存链至此连续'}`}
        />
      )}
      <Typography.Title level={4} style={{ marginTop: 20 }}>
        封存与回执
      </Typography.Title>
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label="封存时间">{beijing(s.sealedAt)}</Descriptions.Item>
        <Descriptions.Item label="设备封存序号">{s.seq}</Descriptions.Item>
        <Descriptions.Item label="封存校验值" span={2}>
          <code style={{ wordBreak: 'break-all' }}>SHA-256 {s.sha256}</code>
          <br />
          <code style={{ wordBreak: 'break-all' }}>SM3 {s.sm3}</code>
        </Descriptions.Item>
        <Descriptions.Item label="总部序号">{data.receipt.hqSeq}</Descriptions.Item>
        <Descriptions.Item label="总部接收（总部时钟）">
          {beijing(data.receipt.hqTime)}（{viaLabel(s.via)}）
        </Descriptions.Item>
        <Descriptions.Item label="执法人员" span={2}>
          {data.officers.map((o) => `${o.name}（${o.certNo}）`).join('、')}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={4} style={{ marginTop: 20 }}>
        签名
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={data.signatures}
        columns={[
          { title: '签名人', dataIndex: 'signer' },
          { title: '身份', dataIndex: 'role' },
        ]}
      />
      <Typography.Title level={4} style={{ marginTop: 20 }}>
        电子数据
      </Typography.Title>
      <Table
        id="evidence"
        size="small"
        rowKey="sha256"
        pagination={false}
        locale={{ emptyText: '无' }}
        dataSource={data.evidence}
        columns={[
          { title: '文件', dataIndex: 'fileName', render: (n: string, e) => <a href={e.href}>{n}</a> },
          { title: '大小（字节）', dataIndex: 'size' },
          { title: 'SHA-256', dataIndex: 'sha256', render: (h: string) => <code>{h}</code> },
        ]}
      />
      {admin && (
        <>
          <Typography.Title level={4} style={{ marginTop: 20 }}>
            查阅记录
          </Typography.Title>
          <Table
            id="document-reads"
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={reads.data ?? []}
            columns={[
              { title: '时间（北京时间）', dataIndex: 'at', render: beijing },
              { title: '人员', dataIndex: 'who' },
              { title: '查阅', dataIndex: 'actionLabel' },
              { title: '内容', dataIndex: 'detail' },
            ]}
          />
        </>
      )}
    </>
  );
}
