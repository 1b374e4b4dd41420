// `npm start -- --data DIR`: which folder the desktop app uses, and a clear refusal of one it
// cannot use (electron/main.ts then stops before opening anything).
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirError, dataDirArg, prepareDataDir, resolveDataDir } from './data-dir.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'data-dir-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const ELECTRON = '/opt/electron/electron';
const APP = '/work/app'; // the app path that `npm start` passes in development

describe('--data in the process arguments', () => {
  it('takes an absolute folder, or a relative one against the working directory, in both spellings', () => {
    expect(dataDirArg([ELECTRON, APP, '--data', '/srv/执法数据'], '/home/li')).toBe('/srv/执法数据');
    expect(dataDirArg([ELECTRON, APP, '--data', 'data'], '/home/li')).toBe('/home/li/data');
    expect(dataDirArg([ELECTRON, APP, '--data=../案件数据'], '/home/li/app')).toBe('/home/li/案件数据');
    // The installed app has no app-path argument; Chromium's own switches are left alone.
    expect(
      dataDirArg([ELECTRON, '--user-data-dir=/tmp/profile', '--data', './d', '--enable-logging'], '/home/li'),
    ).toBe('/home/li/d');
  });

  it('is absent without --data (the user-data folder is used)', () => {
    expect(dataDirArg([ELECTRON, APP], '/home/li')).toBeUndefined();
    expect(dataDirArg([ELECTRON, APP, '--user-data-dir=/tmp/p', '--database', 'x'], '/home/li')).toBeUndefined();
  });

  it.each([
    [[ELECTRON, APP, '--data'], /--data 后缺少数据目录/],
    [[ELECTRON, APP, '--data', '--enable-logging'], /--data 后缺少数据目录/],
    [[ELECTRON, APP, '--data='], /数据目录为空/],
    [[ELECTRON, APP, '--data', ' '], /数据目录为空/],
    [[ELECTRON, APP, '--data', 'a', '--data=b'], /只能给出一次/],
  ])('refuses %j with a message saying how to call it', (argv, message) => {
    expect(() => dataDirArg(argv, '/home/li')).toThrow(DataDirError);
    expect(() => dataDirArg(argv, '/home/li')).toThrow(message);
    expect(() => dataDirArg(argv, '/home/li')).toThrow(/用法：npm start -- --data 数据目录/);
  });
});

describe('preparing the data folder', () => {
  it('creates a missing folder (and its parents), private to the user; an existing one is used as it is', () => {
    const base = tempDir();
    const dir = join(base, '柳南', 'data');
    expect(resolveDataDir(['electron', '--data', dir], '/', '/unused')).toBe(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    writeFileSync(join(dir, 'device.db'), 'x');
    expect(prepareDataDir(dir)).toBe(dir);
    expect(existsSync(join(dir, 'device.db'))).toBe(true);
  });

  it('uses the default folder when --data is not given', () => {
    const fallback = join(tempDir(), 'userData', 'data');
    expect(resolveDataDir(['electron', '.'], '/', fallback)).toBe(fallback);
    expect(statSync(fallback).isDirectory()).toBe(true);
  });

  it('refuses a path that is a file, or lies under a file, in Chinese, creating nothing', () => {
    const base = tempDir();
    const file = join(base, 'notes.txt');
    writeFileSync(file, '不是目录');
    for (const bad of [file, join(file, 'data')]) {
      expect(() => resolveDataDir(['electron', `--data=${bad}`], '/', '/unused')).toThrow(
        new RegExp(
          `无法使用数据目录「${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}」：该路径或其上级已存在且不是目录。请换一个可写的目录`,
        ),
      );
    }
    expect(statSync(file).isFile()).toBe(true);
    expect(existsSync('/unused')).toBe(false);
  });
});
