// Nobody signed in: both slots side by side. One officer may browse; case work needs both.
import { Alert, Card, Col, Row, Typography } from 'antd';
import { useApi } from '../app/api-context.tsx';
import { SignInForm } from './SignInForm.tsx';

export function SignInScreen() {
  const { status } = useApi();
  return (
    <div className="center-screen">
      <div style={{ width: 760 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          网信执法现场取证
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {status?.agencyName}
        </Typography.Paragraph>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="两名执法人员分别使用自己的执法证号和密码登录。一人登录可以查阅；新建或修改案件须两名执法人员同时登录。" />
        <Row gutter={16}>
          {([0, 1] as const).map((i) => (
            <Col span={12} key={i}>
              <Card title={`执法人员${i === 0 ? '一' : '二'}`} data-testid={`signin-slot-${i}`}>
                <SignInForm />
              </Card>
            </Col>
          ))}
        </Row>
      </div>
    </div>
  );
}
