// What a release build of the desktop app leaves out (issue #18 part 5): Electron's default
// application menu (its View menu opens DevTools and reloads the page, and its accelerators work
// without the menu bar shown) and DevTools on the app window. A person at a seized or borrowed
// laptop must not get a console inside the unlocked app. Development (`npm start`) and test
// builds (WXZF_TEST_BUILD=1: Playwright drives them through the inspector) keep both.
//
// A release is a packaged app, or one started with NODE_ENV=production, unless it is a test build.
// WXZF_TEST_BUILD is fixed when the main process is bundled (scripts/build.ts `define`), so setting
// it when starting an installed release changes nothing.

export interface BuildKind {
  /** Electron's app.isPackaged. */
  isPackaged: boolean;
  /** process.env.NODE_ENV when the app starts. */
  nodeEnv: string | undefined;
  /** WXZF_TEST_BUILD as it was when the main process was bundled ('1': a test build). */
  testBuild: string | undefined;
}

export function isRelease(k: BuildKind): boolean {
  return k.testBuild !== '1' && (k.isPackaged || k.nodeEnv === 'production');
}

/** The app window's webPreferences that depend on the build: DevTools only outside a release. */
export function buildWebPreferences(k: BuildKind): { devTools: boolean } {
  return { devTools: !isRelease(k) };
}

/** Removes Electron's default menu in a release (before the first window); keeps it otherwise. */
export function applyReleaseMenu(menu: { setApplicationMenu(m: null): void }, k: BuildKind): void {
  if (isRelease(k)) menu.setApplicationMenu(null);
}

/** This process's build kind. */
export function currentBuild(isPackaged: boolean): BuildKind {
  return { isPackaged, nodeEnv: process.env.NODE_ENV, testBuild: process.env.WXZF_TEST_BUILD };
}
