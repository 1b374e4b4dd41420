// Top level: the status decides the screen — first-start set-up, the lock screen, sign-in, or the
// work area. Locked, the work area is unmounted (nothing of a case stays in the page), inside its
// own antd App so that its dialogs and messages go with it.
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { SetupWizard } from '../setup/SetupWizard.tsx';
import { LockScreen } from '../lock/LockScreen.tsx';
import { useActivityHeartbeat, useStatusPoll } from '../lock/use-lock-watch.ts';
import { SignInScreen } from '../session/SignInScreen.tsx';
import { ApiProvider, useApi } from './api-context.tsx';
import { AppShell, type View } from './AppShell.tsx';
import './app.css';

dayjs.locale('zh-cn');

const FONT =
  '"HanaMinB", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Droid Sans Fallback", sans-serif';

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

// 工作台 first: what is due and overdue, what waits for signatures or sync.
const HOME: View = { page: 'dashboard' };

function Screens() {
  const { status, refreshStatus } = useApi();
  const { message } = AntApp.useApp();
  // Where the officers were, kept across a lock (ids only: nothing of a case). It belongs to the
  // officers signed in when it was chosen: unlocked by someone else, the app starts at 工作台.
  const [nav, setNav] = useState<{ view: View; owners: string[] }>({ view: HOME, owners: [] });
  const setupDone = status?.setupDone ?? false;
  const locked = setupDone && (status?.lock.locked ?? false);
  const ids = useMemo(() => status?.session.officers.map((o) => o.id) ?? [], [status?.session.officers]);
  const setView = useCallback((view: View) => setNav({ view, owners: ids }), [ids]);
  useEffect(() => {
    void refreshStatus();
  }, [refreshStatus]);
  useStatusPoll(setupDone);
  useActivityHeartbeat(setupDone && !locked);
  // Messages live above the app tree: none may outlive the lock (they can name people).
  useEffect(() => {
    if (locked) message.destroy();
  }, [locked, message]);
  if (!status) return <Spin fullscreen tip="正在启动…" />;
  if (!status.setupDone) return <SetupWizard />;
  if (locked) return <LockScreen />;
  const view = nav.owners.some((id) => ids.includes(id)) ? nav.view : HOME;
  return (
    <AntApp component={false} message={{ top: 68, maxCount: 3 }}>
      {ids.length === 0 ? <SignInScreen /> : <AppShell view={view} setView={setView} />}
    </AntApp>
  );
}
