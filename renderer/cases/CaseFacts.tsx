// What a case records: basic information with the matter and its legal basis (the version that
// applies to its conduct, CaseLawCard), the party, the platform. Read-only; editing happens in CaseForm.
import { Card, Col, Descriptions, Row, Typography } from 'antd';
import type { CaseDetail } from '../../shared/domain/case.ts';

const LABEL = { label: { width: 150, whiteSpace: 'nowrap' as const } };
const dash = (s: string) => s || '—';

export function CaseFacts({ c, openMatter }: { c: CaseDetail; openMatter: () => void }) {
  const p = c.party;
  return (
    <>
      <Card size="small" title="基本信息" style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small" bordered styles={LABEL}>
          <Descriptions.Item label="案件编号">
            <span data-testid="case-detail-no">{c.caseNo}</span>
          </Descriptions.Item>
          <Descriptions.Item label="案件来源">{c.source}</Descriptions.Item>
          <Descriptions.Item label="来源说明" span={2}>
            {dash(c.sourceNote)}
          </Descriptions.Item>
          <Descriptions.Item label="执法事项" span={2}>
            {c.matter ? (
              <>
                <Typography.Link onClick={openMatter} data-testid="case-matter-link">
                  {c.matter.name}
                </Typography.Link>
                <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
                  （点击查看法律依据全文）
                </Typography.Text>
                <div className="matter-hint" data-testid="case-matter-law">
                  {c.law.applies !== null ? (
                    <>
                      <div>
                        <b>法律依据</b>
                        {'\u3000'}
                        {c.matter.basisShort}
                      </div>
                      <div>
                        <b>处罚幅度</b>
                        {'\u3000'}
                        {c.matter.penaltyShort || '—'}
                      </div>
                    </>
                  ) : (
                    <div>适用的法律版本尚未确定：见下方「适用的法律」。</div>
                  )}
                </div>
              </>
            ) : (
              // The matter is no longer in this catalog version: the name stored with the case remains.
              `${c.matterName}（当前目录中已无此事项）`
            )}
          </Descriptions.Item>
          <Descriptions.Item label="承办人员" span={2}>
            {c.officers.map((o) => `${o.name}（执法证号 ${o.certNo}）`).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label="简要案情" span={2}>
            <div className="legal-text">{dash(c.summary)}</div>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={12}>
          <Card
            size="small"
            title={`当事人（${p.kind === 'organisation' ? '单位' : '个人'}）`}
            style={{ height: '100%' }}
          >
            <Descriptions column={1} size="small" bordered styles={LABEL}>
              {p.kind === 'organisation' ? (
                <>
                  <Descriptions.Item label="单位名称">{p.name}</Descriptions.Item>
                  <Descriptions.Item label="统一社会信用代码">{p.creditCode}</Descriptions.Item>
                  <Descriptions.Item label="法定代表人（负责人）">{p.legalRepresentative}</Descriptions.Item>
                  <Descriptions.Item label="住所">{p.address}</Descriptions.Item>
                </>
              ) : (
                <>
                  <Descriptions.Item label="姓名">{p.name}</Descriptions.Item>
                  <Descriptions.Item label="证件种类">{p.idType}</Descriptions.Item>
                  <Descriptions.Item label="证件号码">{p.idNumber}</Descriptions.Item>
                  <Descriptions.Item label="住址">{p.address}</Descriptions.Item>
                </>
              )}
              <Descriptions.Item label="联系电话">{dash(p.phone)}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title="涉案平台" style={{ height: '100%' }}>
            <Descriptions column={1} size="small" bordered styles={LABEL}>
              <Descriptions.Item label="网站/APP名称">{c.platform.name}</Descriptions.Item>
              <Descriptions.Item label="域名">{dash(c.platform.domain)}</Descriptions.Item>
              <Descriptions.Item label="网址">
                <span style={{ wordBreak: 'break-all' }}>{dash(c.platform.url)}</span>
              </Descriptions.Item>
              <Descriptions.Item label="ICP备案号">{dash(c.platform.icp)}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
    </>
  );
}
