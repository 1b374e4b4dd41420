// The Electron main process: windows and the IPC bridge only. All behaviour lives in the core.
import { allowRecordingWhen } from './security.ts'; // first: locks down every web contents before anything else runs
import { app, BrowserWindow, ipcMain } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openCore, type AppCore } from '../core/app-core.ts';
import { dispatch } from '../core/api/dispatch.ts';
import { sm3Worker } from '../core/evidence/dual-digest.ts';
import { APP_ORIGIN, isAppUrl } from './app-origin.ts';
import { registerAppScheme, serveRenderer } from './app-protocol.ts';
import { ElectronCaptureHost } from './capture-window.ts';
import { registerApi, type IpcMainLike } from './ipc-bridge.ts';
import { registerUploads, type UploadIpcLike } from './upload-bridge.ts';
import { runImport } from '../core/evidence/run-import.ts';

registerAppScheme();
// The bundle carries the SM3 worker as its own file (scripts/build.ts).
sm3Worker.url = pathToFileURL(join(import.meta.dirname, 'sm3-worker.mjs'));
if (!app.requestSingleInstanceLock()) app.quit();

let core: AppCore | undefined;

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    title: '网信执法现场取证',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.whenReady().then(() => {
  const root = app.getAppPath();
  core = openCore({ dataDir: join(app.getPath('userData'), 'data'), catalogPath: join(root, 'assets', 'catalog', 'catalog.json'), fontsDir: join(root, 'assets', 'fonts'), verifyRecentEvidenceDays: 7 });
  core.sync.startAuto(60_000); // sync by itself once enrolled, whenever HQ answers
  allowRecordingWhen(() => core?.signatures.recordingCeremonyOpen() ?? false);
  const c = core;
  c.captureHost = new ElectronCaptureHost();
  serveRenderer(join(root, 'dist', 'renderer'));
  registerApi(ipcMain as unknown as IpcMainLike, (name, arg) => dispatch(c, name, arg), isAppUrl);
  registerUploads(ipcMain as unknown as UploadIpcLike, (ticket, bytes, signal) => runImport(c, ticket, bytes, signal), isAppUrl);
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => core?.close());
