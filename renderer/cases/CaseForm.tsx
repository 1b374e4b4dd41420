// Create or edit a case. Validated with the shared schema before sending (messages next to each
// field); the core validates again and its field messages land in the same places.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { fieldErrors, summariseFieldErrors } from '../../shared/api/validation-errors.ts';
import { CASE_SOURCES, CaseInputSchema, ID_TYPES, type CaseDetail } from '../../shared/domain/case.ts';
import type { OfficerPublic } from '../../shared/domain/officer.ts';
import { useApi } from '../app/api-context.tsx';
import { MatterPicker } from '../catalog/MatterPicker.tsx';
import { clearErrorOnEdit, clearFieldErrors, showFieldErrors } from '../forms/field-errors.ts';
import { ConductFields, conductDates } from './ConductFields.tsx';
import { PartyFields } from './PartyFields.tsx';
import { PlatformFields } from './PlatformFields.tsx';

const EMPTY_CONDUCT = { kind: 'day', from: '', to: '', discoveredOn: '' };

const EMPTY_PARTY = {
  kind: 'organisation',
  name: '',
  creditCode: '',
  legalRepresentative: '',
  address: '',
  phone: '',
  idType: ID_TYPES[0],
  idNumber: '',
};

/**
 * The schema checks the two officers as one list ('officerIds'); the form has a select per
 * officer, so such a message goes to the select it concerns.
 */
function placeOfficerErrors(fields: Record<string, string>, slots: string[]): Record<string, string> {
  const out = { ...fields };
  const msg = out.officerIds;
  if (msg === undefined) return out;
  delete out.officerIds;
  const empty = [0, 1].filter((i) => !slots[i]);
  if (empty.length === 0) out['officerIds.1'] = msg;
  for (const i of empty) out[`officerIds.${i}`] = `请选择${i === 0 ? '第一' : '第二'}名承办人员。`;
  return out;
}

export function CaseForm({ caseId, done }: { caseId?: string; done: (id?: string) => void }) {
  const { run, status } = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [officers, setOfficers] = useState<OfficerPublic[]>([]);
  const [loaded, setLoaded] = useState(!caseId);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [current, setCurrent] = useState<CaseDetail['matter']>(null);
  const signedIn = status?.session.officers;
  const conduct = conductDates(Form.useWatch('conduct', form) as { kind?: string; from?: string; to?: string });

  useEffect(() => {
    if (!caseId) {
      form.setFieldsValue({
        party: EMPTY_PARTY,
        conduct: EMPTY_CONDUCT,
        officerIds: signedIn?.map((o) => o.id) ?? [],
      });
      void run('officers.list', {}).then((r) => r.ok && setOfficers(r.value.filter((o) => o.active)));
      return;
    }
    void run('cases.get', { id: caseId }).then(async (r) => {
      if (!r.ok) return;
      const c: CaseDetail = r.value;
      setCurrent(c.matter);
      form.setFieldsValue({
        ...c,
        party: { ...EMPTY_PARTY, ...c.party },
        // A case made before the conduct date was recorded: the form asks for it now.
        conduct: c.law.conduct ? { ...c.law.conduct, to: c.law.conduct.to ?? '' } : EMPTY_CONDUCT,
        officerIds: c.officers.map((o) => o.id),
        matterId: c.matterId,
      });
      // An officer since deactivated stays on the cases they handled: keep them choosable here.
      const list = await run('officers.list', {});
      if (list.ok) setOfficers(list.value.filter((o) => o.active || c.officers.some((x) => x.id === o.id)));
      setLoaded(true);
    });
    // The signed-in officers are only the default for a new case; a later sign-in must not reset the form.
  }, [caseId, form, run]);

  const submit = async () => {
    clearFieldErrors(form);
    setFormError(null);
    const v = form.getFieldsValue(true) as Record<string, unknown> & {
      party: Record<string, unknown>;
      officerIds?: (string | undefined)[];
    };
    const p = v.party;
    const party =
      p.kind === 'person'
        ? {
            kind: 'person',
            name: p.name ?? '',
            idType: p.idType,
            idNumber: p.idNumber ?? '',
            address: p.address ?? '',
            phone: p.phone ?? '',
          }
        : {
            kind: 'organisation',
            name: p.name ?? '',
            creditCode: p.creditCode ?? '',
            legalRepresentative: p.legalRepresentative ?? '',
            address: p.address ?? '',
            phone: p.phone ?? '',
          };
    const slots = [0, 1].map((i) => v.officerIds?.[i] ?? '');
    const place = (fields: Record<string, string>) => {
      const unplaced = showFieldErrors(form, placeOfficerErrors(fields, slots));
      if (Object.keys(unplaced).length > 0) setFormError(summariseFieldErrors(unplaced));
    };
    const parsed = CaseInputSchema.safeParse({
      title: v.title ?? '',
      source: v.source,
      sourceNote: v.sourceNote ?? '',
      party,
      platform: { name: '', domain: '', url: '', icp: '', ...(v.platform as object) },
      conduct: { kind: 'day', from: '', to: '', discoveredOn: '', ...(v.conduct as object) },
      matterId: v.matterId ?? '',
      officerIds: slots.filter(Boolean),
      summary: v.summary ?? '',
    });
    if (!parsed.success) {
      place(fieldErrors(parsed.error));
      return;
    }
    setBusy(true);
    const r = caseId
      ? await run('cases.update', { id: caseId, data: parsed.data })
      : await run('cases.create', parsed.data);
    setBusy(false);
    if (!r.ok) {
      // cases.update nests the case under `data`: its field paths come back as data.party.name.
      if (r.error.fields)
        place(Object.fromEntries(Object.entries(r.error.fields).map(([k, m]) => [k.replace(/^data\./, ''), m])));
      return;
    }
    message.success(caseId ? '案件信息已保存。' : `案件已创建，编号 ${r.value.caseNo}。`);
    done(r.value.id);
  };

  if (!loaded) return <Spin />;
  const officerOptions = officers.map((o) => ({ value: o.id, label: `${o.name}（执法证号 ${o.certNo}）` }));
  return (
    <>
      <div className="page-title">
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => done(caseId)}>
            {caseId ? '返回案件' : '返回列表'}
          </Button>
          <h2>{caseId ? '修改案件' : '新建案件'}</h2>
        </Space>
      </div>
      <Form
        form={form}
        layout="vertical"
        data-testid="case-form"
        onFinish={submit}
        onFieldsChange={clearErrorOnEdit(form)}
        requiredMark
        style={{ maxWidth: 1100 }}
      >
        {!status?.session.pair && (
          <Alert
            type="warning"
            showIcon
            title="现在只有一名执法人员登录：保存前须两名执法人员同时登录（在右上角登录）。"
            style={{ marginBottom: 16 }}
          />
        )}
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <Card title="基本信息" size="small" style={{ marginBottom: 16 }}>
          <Row gutter={24}>
            <Col span={16}>
              <Form.Item label="案件名称" name="title" required>
                <Input
                  data-testid="case-title"
                  placeholder="例如：某某公司涉嫌未履行网络安全保护义务案"
                  maxLength={120}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="案件来源" name="source" required>
                <Select
                  data-testid="case-source"
                  placeholder="请选择"
                  options={CASE_SOURCES.map((s) => ({ value: s, label: s }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="来源说明" name="sourceNote">
            <Input.TextArea rows={2} maxLength={500} placeholder="如：检查发现的时间、举报编号、交办文件文号" />
          </Form.Item>
          <ConductFields />
          <Form.Item label="执法事项" name="matterId" required>
            <MatterPicker conduct={conduct} current={current} />
          </Form.Item>
          <Row gutter={24}>
            {([0, 1] as const).map((i) => (
              <Col span={12} key={i}>
                <Form.Item label={i === 0 ? '承办人员一' : '承办人员二'} name={['officerIds', i]} required>
                  <Select data-testid={`case-officer-${i}`} placeholder="请选择执法人员" options={officerOptions} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Form.Item label="简要案情" name="summary">
            <Input.TextArea rows={3} maxLength={2000} placeholder="发现的主要违法事实、时间、涉及的平台或账号等" />
          </Form.Item>
        </Card>
        <Card title="当事人" size="small" style={{ marginBottom: 16 }}>
          <PartyFields />
        </Card>
        <Card title="涉案平台" size="small" style={{ marginBottom: 0 }}>
          <PlatformFields />
        </Card>
        <div className="form-actions">
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="case-submit" size="large">
              {caseId ? '保存修改' : '创建案件'}
            </Button>
            <Button size="large" onClick={() => done(caseId)}>
              取消
            </Button>
          </Space>
        </div>
      </Form>
    </>
  );
}
