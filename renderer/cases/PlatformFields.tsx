// 涉案平台: the website or app concerned, as far as it is known on site.
import { Col, Form, Input, Row } from 'antd';

export function PlatformFields() {
  return (
    <Row gutter={24}>
      <Col span={12}>
        <Form.Item label="网站/APP名称" name={['platform', 'name']} required>
          <Input data-testid="platform-name" maxLength={100} placeholder="例如：某某资讯" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item label="域名" name={['platform', 'domain']}>
          <Input data-testid="platform-domain" placeholder="例如：example.cn（不含 http:// 和路径）" maxLength={253} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item label="网址" name={['platform', 'url']}>
          <Input data-testid="platform-url" placeholder="以 http:// 或 https:// 开头的完整网址" maxLength={2000} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item label="ICP备案号" name={['platform', 'icp']}>
          <Input data-testid="platform-icp" placeholder="例如：桂ICP备12345678号-1" maxLength={40} />
        </Form.Item>
      </Col>
    </Row>
  );
}
