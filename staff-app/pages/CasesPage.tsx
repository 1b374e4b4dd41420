// 案件: filters (office, matter, status, sealed between, party, officer, 核验状态), sorting and
// pages — all done by HQ (server-side), which also logs the search in the access log.
import { Alert, Button, DatePicker, Form, Input, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { CasesQuery } from '../../protocol/staff/staff-api.ts';
import { call } from '../api.ts';
import { beijing } from '../format.ts';
import { href } from '../router.ts';
import { useLoad } from './use-load.ts';

const SORT_OF: Record<string, CasesQuery['sort']> = {
  caseNo: 'case_no',
  partyName: 'party',
  documents: 'documents_desc',
};

export function CasesPage() {
  const [query, setQuery] = useState<CasesQuery>({ page: 1, pageSize: 20 });
  const offices = useLoad(() => call('overview').then((o) => o.offices), []);
  const { data, error, loading } = useLoad(
    () => call('cases', { query: query as Record<string, string> }),
    [JSON.stringify(query)],
  );
  const [form] = Form.useForm();
  useEffect(() => form.resetFields(), [form]);
  return (
    <>
      <Typography.Title level={3}>案件</Typography.Title>
      <Form
        form={form}
        layout="inline"
        id="case-filters"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(v: Record<string, unknown>) => {
          const range = v.range as [Dayjs, Dayjs] | undefined;
          setQuery({
            page: 1,
            pageSize: query.pageSize,
            sort: query.sort,
            office: (v.office as string) || undefined,
            matter: (v.matter as string) || undefined,
            status: (v.status as string) || undefined,
            party: (v.party as string) || undefined,
            officer: (v.officer as string) || undefined,
            verify: (v.verify as 'ok' | 'flagged') || undefined,
            from: range?.[0]?.format('YYYY-MM-DD'),
            to: range?.[1]?.format('YYYY-MM-DD'),
          });
        }}
      >
        <Form.Item name="office" label="单位">
          <Select
            id="filter-office"
            allowClear
            style={{ width: 200 }}
            placeholder="全部单位"
            options={(offices.data ?? []).map((o) => ({ value: o.id, label: `${'　'.repeat(o.depth)}${o.name}` }))}
          />
        </Form.Item>
        <Form.Item name="matter" label="事项">
          <Input id="filter-matter" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Input id="filter-status" style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="party" label="当事人">
          <Input id="filter-party" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="officer" label="执法人员">
          <Input id="filter-officer" style={{ width: 120 }} placeholder="姓名或执法证号" />
        </Form.Item>
        <Form.Item name="range" label="封存日期">
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="verify" label="核验状态">
          <Select
            id="filter-verify"
            allowClear
            style={{ width: 120 }}
            options={[
              { value: 'ok', label: '核验正常' },
              { value: 'flagged', label: '有待核查' },
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" id="filter-submit">
          查询
        </Button>
      </Form>
      {error && <Alert type="error" title={error} />}
      <Table
        id="cases"
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.rows ?? []}
        locale={{ emptyText: '没有符合条件的案件' }}
        pagination={{
          current: data?.page ?? 1,
          pageSize: data?.pageSize ?? 20,
          total: data?.total ?? 0,
          showTotal: (t) => `共 ${t} 件`,
          showSizeChanger: true,
        }}
        onChange={(p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = String(s?.field ?? '');
          const sort: CasesQuery['sort'] = s?.order
            ? key === 'updatedAt'
              ? s.order === 'ascend'
                ? 'updated_asc'
                : 'updated_desc'
              : SORT_OF[key]
            : undefined;
          setQuery({ ...query, page: p.current ?? 1, pageSize: p.pageSize ?? 20, sort });
        }}
        columns={[
          {
            title: '案号',
            dataIndex: 'caseNo',
            sorter: true,
            render: (no: string, c) => <a href={href({ page: 'case', id: c.id })}>{no}</a>,
          },
          { title: '单位', dataIndex: 'officeName' },
          { title: '当事人', dataIndex: 'partyName', sorter: true },
          { title: '执法事项', dataIndex: 'matterName' },
          { title: '状态', dataIndex: 'status' },
          { title: '文书', dataIndex: 'documents', sorter: true },
          {
            title: '核验',
            dataIndex: 'flags',
            render: (n: number) => (n ? <Tag color="red">待核查 {n}</Tag> : <Tag color="green">正常</Tag>),
          },
          { title: '最近接收（北京时间）', dataIndex: 'updatedAt', sorter: true, render: beijing },
        ]}
      />
    </>
  );
}
