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

// A sober government blue; menus and tables a little denser than antd's defaults for a laptop.
const THEME = {
  token: { colorPrimary: '#1d4e89', colorLink: '#1d4e89', borderRadius: 4, fontFamily: FONT },
  components: {
    Layout: { headerBg: '#1d4e89', siderBg: '#fff', bodyBg: '#f3f5f8' },
    Menu: { itemSelectedBg: '#e6edf6', itemSelectedColor: '#1d4e89', itemHeight: 44, itemMarginInline: 8 },
  },
};

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={THEME}>
      {/* Messages appear below the header, so they never hide who is signed in. */}
      <AntApp message={{ top: 68, maxCount: 3 }}>
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
