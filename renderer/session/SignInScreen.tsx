// Nobody signed in: both slots side by side. One officer may browse; case work needs both.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Row, Typography } from 'antd';
import { useApi } from '../app/api-context.tsx';
import { SLOT_LABELS } from './SessionBar.tsx';
import { SignInForm } from './SignInForm.tsx';

export function SignInScreen() {
  const { status } = useApi();
  return (
    <div className="center-screen">
      <div style={{ width: 800 }}>
        <div style={{ textAlign: 'center', marginBottom: 20 }}>
          <SafetyCertificateOutlined style={{ fontSize: 40, color: '#1d4e89' }} />
          <Typography.Title level={3} style={{ margin: '8px 0 4px', letterSpacing: 2 }}>
            网信执法现场取证
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 15 }}>
            {status?.agencyName}
          </Typography.Text>
        </div>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="两名执法人员分别以本人的执法证号和密码登录。"
          description="一人登录可以查阅；新建或修改案件须两名执法人员同时登录。"
        />
        <Row gutter={16}>
          {([0, 1] as const).map((i) => (
            <Col span={12} key={i}>
              <Card title={SLOT_LABELS[i]} data-testid={`signin-slot-${i}`}>
                <SignInForm autoFocus={i === 0} />
              </Card>
            </Col>
          ))}
        </Row>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 20, fontSize: 12 }}>
          程序版本 {status?.appVersion}
          {'\u3000'}法规库版本 {status?.catalogVersion}
        </Typography.Paragraph>
      </div>
    </div>
  );
}
