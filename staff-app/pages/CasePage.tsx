// One case: its office, party, matter and status, and its documents.
import { Alert, Button, Descriptions, Space, Table, Typography } from 'antd';
import { STAFF_API } from '../../protocol/staff/staff-api.ts';
import { call } from '../api.ts';
import { beijing, viaLabel } from '../format.ts';
import { href } from '../router.ts';
import { useLoad } from './use-load.ts';

export function CasePage({ id }: { id: string }) {
  const { data, error } = useLoad(() => call('case', { params: { caseId: id } }), [id]);
  if (error) return <Alert type="error" title={error} id="case-error" />;
  if (!data) return null;
  const c = data.case;
  return (
    <>
      <Typography.Title level={3}>案件 {c.caseNo}</Typography.Title>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" id="export-case" href={`${STAFF_API}/cases/${encodeURIComponent(c.id)}/export`}>
          导出证据包
        </Button>
        <Typography.Text type="secondary">
          下载一个 .tar
          文件，可交法院：各文书的封存（可对照本办公布的总部根密钥指纹独立核验，方法见包内「说明.txt」）、总部打印的PDF、电子数据、签名和核验报告。导出记入查阅记录。
        </Typography.Text>
      </Space>
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label="单位">{c.officeName}</Descriptions.Item>
        <Descriptions.Item label="状态">{c.status}</Descriptions.Item>
        <Descriptions.Item label="当事人">{c.partyName}</Descriptions.Item>
        <Descriptions.Item label="执法事项">{c.matterName}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        文书
      </Typography.Title>
      <Table
        id="documents"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data.documents}
        columns={[
          {
            title: '文书编号',
            dataIndex: 'docNo',
            render: (n: string, d) => <a href={href({ page: 'document', id: d.id })}>{n}</a>,
          },
          { title: '类型', dataIndex: 'typeLabel' },
          { title: '封存时间', dataIndex: 'sealedAt', render: beijing },
          { title: '设备封存序号', dataIndex: 'seq' },
          { title: '总部序号', dataIndex: 'hqSeq' },
          { title: '接收', dataIndex: 'receivedAt', render: (t: string, d) => `${beijing(t)}（${viaLabel(d.via)}）` },
        ]}
      />
    </>
  );
}
