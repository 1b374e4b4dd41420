// The Electron main process: windows and the IPC bridge only. All behaviour lives in the core.
import { allowRecordingWhen } from './security.ts'; // first: locks down every web contents before anything else runs
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, safeStorage } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openAppLog } from '../core/app-log.ts';
import { Vault } from '../core/vault/vault.ts';
import type { FileLog } from '../protocol/runtime/file-log.ts';
import { errorFields } from '../protocol/runtime/log.ts';
import { osKeystoreFrom } from './os-keystore.ts';
import { sm3Worker } from '../protocol/crypto/dual-digest.ts';
import { APP_ORIGIN, isAppUrl } from './app-origin.ts';
import { registerAppScheme, serveRenderer } from './app-protocol.ts';
import { ElectronCaptureHost } from './capture-window.ts';
import { DataDirError, resolveDataDir } from './data-dir.ts';
import { registerApi, type IpcMainLike } from './ipc-bridge.ts';
import { registerUploads, type UploadIpcLike } from './upload-bridge.ts';
import { applyReleaseMenu, buildWebPreferences, currentBuild } from './release-chrome.ts';

registerAppScheme();
// The bundle carries the SM3 worker as its own file (scripts/build.ts).
sm3Worker.url = pathToFileURL(join(import.meta.dirname, 'sm3-worker.mjs'));
if (!app.requestSingleInstanceLock()) app.quit();

let vault: Vault | undefined;
let appLog: FileLog | undefined;
// A release has no default menu and no DevTools; development and test builds keep them (release-chrome.ts).
const build = currentBuild(app.isPackaged);

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    title: '网信执法现场取证',
    show: false,
    // Spelled out here and in capture-window.ts, not shared: the static scan (electronegativity)
    // checks the literal settings of each BrowserWindow.
    webPreferences: {
      preload: join(import.meta.dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Electron's built-in PDF viewer (the only plugin Electron has; there is no Flash or NPAPI)
      // shows the document preview and prints it (renderer/documents/PdfExport.tsx). Without it a
      // PDF in the preview frame is offered as a download and 打印 is unavailable. The capture
      // window, which loads untrusted pages, keeps plugins off.
      plugins: true,
      ...buildWebPreferences(build),
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.whenReady().then(async () => {
  const root = app.getAppPath();
  // `npm start -- --data DIR` (or the installed app started with --data DIR): that folder, relative
  // to the working directory; otherwise the user-data folder. A folder that cannot be used stops
  // the start with a message rather than scattering data elsewhere.
  let dataDir: string;
  try {
    dataDir = resolveDataDir(process.argv, process.cwd(), join(app.getPath('userData'), 'data'));
  } catch (e) {
    const message = e instanceof DataDirError ? e.message : `无法准备数据目录：${(e as Error).message}`;
    console.error(message);
    dialog.showErrorBox('网信执法现场取证 — 无法启动', message);
    app.exit(2);
    return;
  }
  // DATA/logs/app.N.log (docs/SECURITY.md "Log files"): what support needs, nothing personal.
  const log = await openAppLog(dataDir, 'electron');
  appLog = log;
  // The database and evidence are encrypted; the vault opens them with an officer's password, or at
  // start with the OS keystore's copy where that is real protection (never Linux's basic_text).
  let v: Vault;
  try {
    v = Vault.open({
      dataDir,
      log,
      catalogPath: join(root, 'assets', 'catalog', 'catalog.json'),
      fontsDir: join(root, 'assets', 'fonts'),
      verifyRecentEvidenceDays: 7,
      osKeystore: osKeystoreFrom(safeStorage, process.platform) ?? undefined,
      onCoreOpen: (core) => {
        core.captureHost = new ElectronCaptureHost();
        core.sync.startAuto(60_000); // sync by itself once enrolled, whenever HQ answers
      },
    });
  } catch (e) {
    log.error('start failed', errorFields(e));
    await log.stop('start failed');
    dialog.showErrorBox('网信执法现场取证 — 无法启动', (e as Error).message);
    app.exit(1);
    return;
  }
  vault = v;
  // Only while a recorded sitting is open and recent, and never while the app is locked.
  allowRecordingWhen(
    () => !!v.core && !v.lockStatus().locked && v.core.signatures.recordingCeremonyOpen(v.core.clock.now()),
  );
  // Sleep, lid close and the OS screen lock lock the app at once.
  for (const event of ['suspend', 'lock-screen'] as const)
    powerMonitor.on(event as 'suspend', () => v.lockNow('sleep'));
  serveRenderer(join(root, 'dist', 'renderer'));
  registerApi(ipcMain as unknown as IpcMainLike, (name, arg) => v.dispatch(name, arg), isAppUrl);
  registerUploads(
    ipcMain as unknown as UploadIpcLike,
    (ticket, bytes, signal) => v.upload(ticket, bytes, signal),
    isAppUrl,
  );
  applyReleaseMenu(Menu, build);
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => {
  vault?.close();
  // Synchronously: the process ends right after this event.
  appLog?.info('stop', { reason: 'quit' });
  appLog?.flush();
});
