import { describe, expect, it } from 'vitest';
import { applyReleaseMenu, buildWebPreferences, isRelease, type BuildKind } from './release-chrome.ts';

const kinds: [string, BuildKind, boolean][] = [
  ['a packaged release', { isPackaged: true, nodeEnv: undefined, testBuild: '' }, true],
  ['NODE_ENV=production, unpackaged', { isPackaged: false, nodeEnv: 'production', testBuild: undefined }, true],
  ['development (npm start)', { isPackaged: false, nodeEnv: undefined, testBuild: undefined }, false],
  ['development with NODE_ENV=development', { isPackaged: false, nodeEnv: 'development', testBuild: '' }, false],
  ['a packaged test build', { isPackaged: true, nodeEnv: 'production', testBuild: '1' }, false],
];

describe('release builds leave out the default menu and DevTools; test builds and development keep them', () => {
  it.each(kinds)('%s', (_name, kind, release) => {
    expect(isRelease(kind)).toBe(release);
    expect(buildWebPreferences(kind)).toEqual({ devTools: !release });
    const calls: unknown[] = [];
    applyReleaseMenu({ setApplicationMenu: (m) => calls.push(m) }, kind);
    expect(calls).toEqual(release ? [null] : []);
  });

  it('the app window takes its DevTools setting from the build, and the menu is removed before the first window', async () => {
    const { readFileSync } = await import('node:fs');
    const main = readFileSync(new URL('./main.ts', import.meta.url), 'utf8');
    expect(main).toMatch(/\.\.\.buildWebPreferences\(build\)/);
    expect(main.indexOf('applyReleaseMenu(Menu, build)')).toBeGreaterThan(-1);
    expect(main.indexOf('applyReleaseMenu(Menu, build)')).toBeLessThan(main.indexOf('createWindow();'));
    // The test-build switch is fixed in the bundle, not read from the installed app's environment.
    const build = readFileSync(new URL('../scripts/build.ts', import.meta.url), 'utf8');
    expect(build).toMatch(/'process\.env\.WXZF_TEST_BUILD':/);
  });
});
