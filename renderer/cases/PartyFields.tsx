// 当事人: an organisation (统一社会信用代码) or a natural person (身份证件号码).
import { Col, Form, Input, Radio, Row, Select } from 'antd';
import { ID_TYPES } from '../../shared/domain/case.ts';

export function PartyFields() {
  const kind = Form.useWatch(['party', 'kind']) as string | undefined;
  const org = kind !== 'person';
  return (
    <>
      <Form.Item name={['party', 'kind']} label="当事人类型" required>
        <Radio.Group>
          <Radio value="organisation">
            <span data-testid="party-kind-organisation">单位</span>
          </Radio>
          <Radio value="person">
            <span data-testid="party-kind-person">个人</span>
          </Radio>
        </Radio.Group>
      </Form.Item>
      <Row gutter={24}>
        <Col span={12}>
          <Form.Item label={org ? '单位名称' : '姓名'} name={['party', 'name']} required>
            <Input data-testid="party-name" maxLength={100} placeholder={org ? '与营业执照一致' : '与身份证件一致'} />
          </Form.Item>
        </Col>
        {org ? (
          <Col span={12}>
            <Form.Item
              label="统一社会信用代码"
              name={['party', 'creditCode']}
              required
              extra="18位，可对照营业执照填写；程序会核对校验位。"
            >
              <Input
                data-testid="party-credit-code"
                maxLength={18}
                style={{ fontFamily: 'monospace', letterSpacing: 1 }}
              />
            </Form.Item>
          </Col>
        ) : (
          <Col span={12}>
            <Row gutter={8}>
              <Col span={9}>
                <Form.Item label="证件种类" name={['party', 'idType']} required>
                  <Select options={ID_TYPES.map((t) => ({ value: t, label: t }))} />
                </Form.Item>
              </Col>
              <Col span={15}>
                <Form.Item
                  label="证件号码"
                  name={['party', 'idNumber']}
                  required
                  extra="居民身份证号码为18位，程序会核对校验位。"
                >
                  <Input
                    data-testid="party-id-number"
                    maxLength={30}
                    style={{ fontFamily: 'monospace', letterSpacing: 1 }}
                  />
                </Form.Item>
              </Col>
            </Row>
          </Col>
        )}
        {org && (
          <Col span={12}>
            <Form.Item label="法定代表人（负责人）" name={['party', 'legalRepresentative']} required>
              <Input data-testid="party-legal-rep" maxLength={40} />
            </Form.Item>
          </Col>
        )}
        <Col span={12}>
          <Form.Item label="联系电话" name={['party', 'phone']}>
            <Input data-testid="party-phone" maxLength={30} placeholder="手机号或带区号的固定电话" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label={org ? '住所' : '住址'} name={['party', 'address']} required>
            <Input data-testid="party-address" maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
