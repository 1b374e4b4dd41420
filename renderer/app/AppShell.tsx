// The work area: header with the agency, both officer slots and 锁定; side navigation, one page.
// The page shown (`view`) is kept by App, so that it survives a lock.
import {
  BookOutlined,
  CloudSyncOutlined,
  DashboardOutlined,
  FolderOpenOutlined,
  LockOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Tooltip } from 'antd';
import { useState } from 'react';
import { CaseDetail } from '../cases/CaseDetail.tsx';
import { CaseForm } from '../cases/CaseForm.tsx';
import { CaseList } from '../cases/CaseList.tsx';
import { CatalogBrowser } from '../catalog/CatalogBrowser.tsx';
import { DashboardPage } from '../dashboard/DashboardPage.tsx';
import { SigningView } from '../signing/SigningView.tsx';
import { DocumentEditor } from '../documents/DocumentEditor.tsx';
import { OfficerList } from '../officers/OfficerList.tsx';
import { SessionBar } from '../session/SessionBar.tsx';
import { SyncPage } from '../sync/SyncPage.tsx';
import { useApi } from './api-context.tsx';

export type View =
  | { page: 'dashboard' }
  | { page: 'cases' }
  | { page: 'case'; id: string }
  | { page: 'case-new' }
  | { page: 'case-edit'; id: string }
  | { page: 'document'; id: string; caseId: string }
  | { page: 'signing'; id: string; caseId: string }
  | { page: 'catalog' }
  | { page: 'officers' }
  | { page: 'sync' };

const NAV = [
  { key: 'dashboard', icon: <DashboardOutlined />, label: <span data-testid="nav-dashboard">工作台</span> },
  { key: 'cases', icon: <FolderOpenOutlined />, label: <span data-testid="nav-cases">案件</span> },
  { key: 'catalog', icon: <BookOutlined />, label: <span data-testid="nav-catalog">执法事项目录</span> },
  { key: 'officers', icon: <TeamOutlined />, label: <span data-testid="nav-officers">执法人员</span> },
  { key: 'sync', icon: <CloudSyncOutlined />, label: <span data-testid="nav-sync">同步</span> },
];

export function AppShell({ view, setView }: { view: View; setView: (v: View) => void }) {
  const { status, lockNow } = useApi();
  const [locking, setLocking] = useState(false);
  const lock = async () => {
    setLocking(true);
    await lockNow();
    setLocking(false);
  };
  const section =
    view.page.startsWith('case') || view.page === 'document' || view.page === 'signing' ? 'cases' : view.page;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        <div>
          <div className="app-title">网信执法现场取证</div>
          <div className="app-agency">{status?.agencyName}</div>
        </div>
        <div style={{ flex: 1 }} />
        <SessionBar />
        <Tooltip placement="bottomRight" title="离开电脑时立即锁定本机；须执法人员输入本人密码才能解锁。">
          <Button ghost icon={<LockOutlined />} loading={locking} onClick={() => void lock()} data-testid="lock-now">
            锁定
          </Button>
        </Tooltip>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={180} theme="light" className="app-sider">
          <div className="app-nav">
            <Menu
              mode="inline"
              selectedKeys={[section]}
              items={NAV}
              onClick={(e) => setView({ page: e.key as 'dashboard' | 'cases' | 'catalog' | 'officers' | 'sync' })}
              style={{ paddingTop: 8, borderInlineEnd: 'none' }}
            />
            <div className="app-version">
              程序版本 {status?.appVersion}
              <br />
              <span data-testid="law-version">
                法规库版本 {status?.catalogVersion}
                {status?.catalogDate ? `（${status.catalogDate}）` : ''}
              </span>
            </div>
          </div>
        </Layout.Sider>
        <Layout.Content className="app-content">
          {view.page === 'dashboard' && (
            <DashboardPage
              openCase={(id) => setView({ page: 'case', id })}
              openDocument={(id, caseId) => setView({ page: 'document', id, caseId })}
              openSync={() => setView({ page: 'sync' })}
            />
          )}
          {view.page === 'cases' && (
            <CaseList open={(id) => setView({ page: 'case', id })} create={() => setView({ page: 'case-new' })} />
          )}
          {view.page === 'case' && (
            <CaseDetail
              id={view.id}
              back={() => setView({ page: 'cases' })}
              edit={() => setView({ page: 'case-edit', id: view.id })}
              openDocument={(docId) => setView({ page: 'document', id: docId, caseId: view.id })}
            />
          )}
          {view.page === 'document' && (
            <DocumentEditor
              id={view.id}
              back={() => setView({ page: 'case', id: view.caseId })}
              sign={() => setView({ page: 'signing', id: view.id, caseId: view.caseId })}
              openDocument={(docId) => setView({ page: 'document', id: docId, caseId: view.caseId })}
            />
          )}
          {view.page === 'signing' && (
            <SigningView
              documentId={view.id}
              caseId={view.caseId}
              back={() => setView({ page: 'document', id: view.id, caseId: view.caseId })}
            />
          )}
          {view.page === 'case-new' && (
            <CaseForm done={(id) => setView(id ? { page: 'case', id } : { page: 'cases' })} />
          )}
          {view.page === 'case-edit' && (
            <CaseForm caseId={view.id} done={() => setView({ page: 'case', id: view.id })} />
          )}
          {view.page === 'catalog' && <CatalogBrowser />}
          {view.page === 'officers' && <OfficerList />}
          {view.page === 'sync' && <SyncPage />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
