// The staff app: sign-in (HQ's office named), then the pages a role allows — 总览, 案件, 文书, 统计,
// 设备与登记码, 人员与角色, 操作记录 — with the staff member's offices in the header of every page.
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Space, Spin, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useCallback, useEffect, useState } from 'react';
import type { Answer } from '../protocol/staff/staff-api.ts';
import { call, setCsrf } from './api.ts';
import { ROLE_LABELS } from './format.ts';
import { CasePage } from './pages/CasePage.tsx';
import { CasesPage } from './pages/CasesPage.tsx';
import { DevicesPage } from './pages/DevicesPage.tsx';
import { DocumentPage } from './pages/DocumentPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { LogPage } from './pages/LogPage.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';
import { StaffPage } from './pages/StaffPage.tsx';
import { StatsPage } from './pages/StatsPage.tsx';
import { href, useRoute } from './router.ts';

export type Session = Answer<'session'>;

const FONT =
  '"HanaMinB", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Droid Sans Fallback", sans-serif';
const THEME = {
  token: { colorPrimary: '#1d4e89', colorLink: '#1d4e89', borderRadius: 4, fontFamily: FONT },
  components: { Layout: { headerBg: '#1d4e89', bodyBg: '#f3f5f8' } },
};

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={THEME}>
      <AntApp>
        <Root />
      </AntApp>
    </ConfigProvider>
  );
}

function Root() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const signedIn = useCallback((s: Session | null) => {
    if (s) setCsrf(s.csrf);
    setSession(s);
  }, []);
  useEffect(() => {
    call('session').then(signedIn, () => signedIn(null));
  }, [signedIn]);
  if (session === undefined) return <Spin style={{ margin: 80 }} />;
  if (!session) return <LoginPage onSignedIn={signedIn} />;
  return <Shell session={session} onSignedOut={() => signedIn(null)} />;
}

function Shell({ session, onSignedOut }: { session: Session; onSignedOut: () => void }) {
  const route = useRoute();
  const admin = session.grants.some((g) => g.role === 'admin');
  const items = [
    { key: 'overview', label: <a href={href({ page: 'overview' })}>总览</a> },
    { key: 'cases', label: <a href={href({ page: 'cases' })}>案件</a> },
    { key: 'stats', label: <a href={href({ page: 'stats' })}>统计</a> },
    ...(admin
      ? [
          { key: 'devices', label: <a href={href({ page: 'devices' })}>设备与登记码</a> },
          { key: 'staff', label: <a href={href({ page: 'staff' })}>人员与角色</a> },
          { key: 'log', label: <a href={href({ page: 'log' })}>操作记录</a> },
        ]
      : []),
  ];
  const selected = route.page === 'case' || route.page === 'document' ? 'cases' : route.page;
  const offices = session.grants.map((g) => `${g.officeName}（${ROLE_LABELS[g.role]}）`).join('、');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 24 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 16, whiteSpace: 'nowrap' }} id="office-name">
          {session.grants[0]?.officeName ?? session.hqName}
        </Typography.Text>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[selected]}
          items={items}
          style={{ flex: 1, background: 'transparent' }}
        />
        <Space style={{ color: '#dfe7f2' }}>
          <span id="who">
            {session.username} · {offices}
          </span>
          <Button
            size="small"
            onClick={async () => {
              await call('logout').catch(() => {});
              onSignedOut();
            }}
          >
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1400, width: '100%', margin: '0 auto' }}>
        {route.page === 'overview' && <OverviewPage />}
        {route.page === 'cases' && <CasesPage />}
        {route.page === 'case' && <CasePage id={route.id} />}
        {route.page === 'document' && <DocumentPage id={route.id} admin={admin} />}
        {route.page === 'devices' && <DevicesPage />}
        {route.page === 'staff' && <StaffPage />}
        {route.page === 'log' && <LogPage />}
        {route.page === 'stats' && <StatsPage />}
      </Layout.Content>
    </Layout>
  );
}
