// Top level: the status decides the screen — first-start set-up, sign-in, or the work area.
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { SetupWizard } from '../setup/SetupWizard.tsx';
import { SignInScreen } from '../session/SignInScreen.tsx';
import { ApiProvider, useApi } from './api-context.tsx';
import { AppShell } from './AppShell.tsx';
import './app.css';

dayjs.locale('zh-cn');

const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Droid Sans Fallback", sans-serif';

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1d4e89', borderRadius: 4, fontFamily: FONT } }}>
      <AntApp>
        <ApiProvider>
          <Screens />
        </ApiProvider>
      </AntApp>
    </ConfigProvider>
  );
}

function Screens() {
  const { status, refreshStatus } = useApi();
  useEffect(() => {
    void refreshStatus();
  }, [refreshStatus]);
  if (!status) return <Spin fullscreen tip="正在启动…" />;
  if (!status.setupDone) return <SetupWizard />;
  if (status.session.officers.length === 0) return <SignInScreen />;
  return <AppShell />;
}
