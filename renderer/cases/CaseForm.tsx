// Create or edit a case. Validated with the shared schema before sending (messages next to each
// field); the core validates again and its field messages land in the same places.
import { Button, Card, Col, Form, Input, Row, Select, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { CASE_SOURCES, CaseInputSchema, ID_TYPES, type CaseDetail } from '../../shared/domain/case.ts';
import type { OfficerPublic } from '../../shared/domain/officer.ts';
import { useApi } from '../app/api-context.tsx';
import { MatterPicker } from '../catalog/MatterPicker.tsx';
import { clearFieldErrors, showFieldErrors, validateWith } from '../forms/field-errors.ts';
import { PartyFields } from './PartyFields.tsx';

const EMPTY_PARTY = { kind: 'organisation', name: '', creditCode: '', legalRepresentative: '', address: '', phone: '', idType: ID_TYPES[0], idNumber: '' };

export function CaseForm({ caseId, done }: { caseId?: string; done: (id?: string) => void }) {
  const { run, status } = useApi();
  const [form] = Form.useForm();
  const [officers, setOfficers] = useState<OfficerPublic[]>([]);
  const [loaded, setLoaded] = useState(!caseId);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void run('officers.list', {}).then((r) => r.ok && setOfficers(r.value.filter((o) => o.active)));
    if (!caseId) {
      form.setFieldsValue({ party: EMPTY_PARTY, officerIds: status?.session.officers.map((o) => o.id) ?? [] });
      return;
    }
    void run('cases.get', { id: caseId }).then((r) => {
      if (!r.ok) return;
      const c: CaseDetail = r.value;
      form.setFieldsValue({ ...c, party: { ...EMPTY_PARTY, ...c.party }, officerIds: c.officers.map((o) => o.id), matterId: c.matterId });
      setLoaded(true);
    });
  }, [caseId, form, run, status?.session.officers]);

  const submit = async () => {
    clearFieldErrors(form);
    const v = form.getFieldsValue(true) as Record<string, unknown> & { party: Record<string, unknown> };
    const p = v.party;
    const party =
      p.kind === 'person'
        ? { kind: 'person', name: p.name, idType: p.idType, idNumber: p.idNumber, address: p.address, phone: p.phone ?? '' }
        : { kind: 'organisation', name: p.name, creditCode: p.creditCode, legalRepresentative: p.legalRepresentative, address: p.address, phone: p.phone ?? '' };
    const input = validateWith(form, CaseInputSchema, {
      title: v.title ?? '',
      source: v.source,
      sourceNote: v.sourceNote ?? '',
      party,
      platform: { name: '', domain: '', url: '', icp: '', ...(v.platform as object) },
      matterId: v.matterId ?? '',
      officerIds: v.officerIds ?? [],
      summary: v.summary ?? '',
    });
    if (!input) return;
    setBusy(true);
    const r = caseId ? await run('cases.update', { id: caseId, data: input }) : await run('cases.create', input);
    setBusy(false);
    if (!r.ok) {
      if (r.error.fields) showFieldErrors(form, caseId ? Object.fromEntries(Object.entries(r.error.fields).map(([k, m]) => [k.replace(/^data\./, ''), m])) : r.error.fields);
      return;
    }
    done(r.value.id);
  };

  if (!loaded) return <Spin />;
  return (
    <>
      <div className="page-title">
        <h2>{caseId ? '修改案件' : '新建案件'}</h2>
      </div>
      <Form form={form} layout="vertical" data-testid="case-form" onFinish={submit} requiredMark style={{ maxWidth: 1100 }}>
        <Card title="基本信息" size="small" style={{ marginBottom: 16 }}>
          <Row gutter={24}>
            <Col span={16}>
              <Form.Item label="案件名称" name="title" required>
                <Input data-testid="case-title" placeholder="例如：某某公司涉嫌未履行网络安全保护义务案" maxLength={120} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="案件来源" name="source" required>
                <Select data-testid="case-source" placeholder="请选择" options={CASE_SOURCES.map((s) => ({ value: s, label: s }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="来源说明" name="sourceNote">
            <Input.TextArea rows={2} maxLength={500} placeholder="如：检查发现的时间、举报编号、交办文件文号" />
          </Form.Item>
          <Form.Item label="执法事项" name="matterId" required>
            <MatterPicker />
          </Form.Item>
          <Form.Item label="承办人员（两名）" name="officerIds" required>
            <Select mode="multiple" maxCount={2} data-testid="case-officers" options={officers.map((o) => ({ value: o.id, label: `${o.name}（${o.certNo}）` }))} />
          </Form.Item>
          <Form.Item label="简要案情" name="summary">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Card>
        <Card title="当事人" size="small" style={{ marginBottom: 16 }}>
          <PartyFields />
        </Card>
        <Card title="涉案平台" size="small" style={{ marginBottom: 16 }}>
          <Row gutter={24}>
            <Col span={12}>
              <Form.Item label="网站/APP名称" name={['platform', 'name']} required>
                <Input data-testid="platform-name" maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="域名" name={['platform', 'domain']}>
                <Input data-testid="platform-domain" placeholder="example.com" maxLength={253} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="网址" name={['platform', 'url']}>
                <Input data-testid="platform-url" placeholder="https://" maxLength={2000} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="ICP备案号" name={['platform', 'icp']}>
                <Input data-testid="platform-icp" placeholder="例如：桂ICP备12345678号-1" maxLength={40} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="case-submit" size="large">
            {caseId ? '保存修改' : '创建案件'}
          </Button>
          <Button size="large" onClick={() => done(caseId)}>
            取消
          </Button>
        </Space>
      </Form>
    </>
  );
}
