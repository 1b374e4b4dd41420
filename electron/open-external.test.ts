// The one gate to the OS browser: an empty allowlist refuses everything; an allow-listed origin
// opens only over https, exactly that origin, without credentials; nothing else in the app calls
// shell.openExternal.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../scripts/build.ts';
import { createOpenExternal, EXTERNAL_ORIGINS, isAllowedExternalUrl } from './open-external.ts';

function fakeShell() {
  const opened: string[] = [];
  return { opened, shell: { openExternal: async (url: string) => void opened.push(url) } };
}

describe('openExternal allowlist', () => {
  it('is empty today: every URL is refused and the shell is never called', () => {
    expect(EXTERNAL_ORIGINS).toEqual([]);
    const { opened, shell } = fakeShell();
    const open = createOpenExternal(shell);
    for (const url of [
      'https://www.cac.gov.cn/',
      'https://example.com/',
      'http://example.com/',
      'file:///etc/passwd',
      'mailto:a@b.c',
      'ms-settings:privacy',
      'javascript:alert(1)',
      '',
    ])
      expect(open(url), url).toBe(false);
    expect(opened).toEqual([]);
  });

  it('with an origin allowed: only https, only that exact origin, no credentials', () => {
    const allowed = ['https://www.cac.gov.cn'];
    expect(isAllowedExternalUrl('https://www.cac.gov.cn/xxgk/index.htm', allowed)).toBe(true);
    for (const url of [
      'http://www.cac.gov.cn/',
      'https://www.cac.gov.cn.evil.example/',
      'https://evil.example/?https://www.cac.gov.cn',
      'https://user:pw@www.cac.gov.cn/',
      'https://www.cac.gov.cn:8443/',
      'https://cac.gov.cn/',
      'file://www.cac.gov.cn/etc/passwd',
      'not a url',
    ])
      expect(isAllowedExternalUrl(url, allowed), url).toBe(false);
  });

  it('hands the shell the parsed URL, never the raw string', () => {
    const { opened, shell } = fakeShell();
    const open = createOpenExternal(shell, ['https://www.cac.gov.cn']);
    expect(open('HTTPS://WWW.CAC.GOV.CN/a b')).toBe(true);
    expect(open('https://evil.example/')).toBe(false);
    expect(opened).toEqual(['https://www.cac.gov.cn/a%20b']);
  });

  it('is the only place that calls shell.openExternal (security.ts only hands the shell in)', () => {
    const hits: string[] = [];
    for (const dir of ['electron', 'core', 'shared', 'renderer', 'web-shell']) {
      for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
        if (!e.isFile() || !/\.(ts|tsx)$/.test(e.name) || /\.test\.tsx?$/.test(e.name)) continue;
        const file = join(e.parentPath, e.name);
        const rel = relative(ROOT, file);
        const text = readFileSync(file, 'utf8');
        // The call itself (shell.openExternal(…), or a destructured openExternal) only in the gate…
        if (
          /\bshell\s*\.\s*openExternal\b|\bopenExternal\b[^;]*\}\s*=\s*shell\b/.test(text) &&
          rel !== join('electron', 'open-external.ts')
        )
          hits.push(`${rel}: calls shell.openExternal`);
        // …and Electron's shell imported only where it is handed to the gate.
        if (
          /import\s*\{[^}]*\bshell\b[^}]*\}\s*from\s*'electron'/.test(text) &&
          rel !== join('electron', 'security.ts')
        )
          hits.push(`${rel}: imports shell`);
      }
    }
    expect(hits).toEqual([]);
  });
});
