// How HQ's master key is unlocked from the command line (docs/HQ.md "The master key"):
//   --key-file PATH           a key file kept apart from the data folder;
//   HQ_PASSPHRASE             for services and scripts (removed from the environment once read);
//   a prompt on a terminal    input not echoed; asked twice for a new data folder;
//   else standard input       its first line (a later line is the password `admin create` and
//                             `recover` read).
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { CoreError } from '../protocol/runtime/core-error.ts';
import { isInitialised, MIN_PASSPHRASE, type HqKeySource } from '../hq/keys/hq-keys.ts';

let lines: AsyncIterator<string> | null = null;

/** The next line of standard input ('' at its end). */
export async function stdinLine(): Promise<string> {
  lines ??= createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const r = await lines.next();
  return r.done ? '' : r.value;
}

/** A line typed on the terminal without echo. */
function askHidden(prompt: string): Promise<string> {
  return new Promise((done) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let text = '';
    const onData = (b: Buffer) => {
      for (const ch of b.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          return done(text);
        }
        if (ch === '\u0003') process.exit(130); // Ctrl-C
        if (ch === '\u007f') text = text.slice(0, -1);
        else text += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export async function hqKeySource(o: { dataDir: string; keyFile?: string | undefined }): Promise<HqKeySource> {
  if (o.keyFile) return { keyFile: resolve(o.keyFile) };
  const fromEnv = process.env.HQ_PASSPHRASE;
  if (fromEnv !== undefined) {
    delete process.env.HQ_PASSPHRASE; // not handed on to anything this process starts
    return { passphrase: fromEnv };
  }
  const isNew = !isInitialised(o.dataDir);
  if (process.stdin.isTTY) {
    const first = await askHidden(
      isNew ? `设置总部口令（至少${MIN_PASSPHRASE}个字符，启动总部时需要）：` : '总部口令：',
    );
    if (isNew && (await askHidden('再输入一次：')) !== first)
      throw new CoreError('validation', '两次输入的口令不一致。');
    return { passphrase: first };
  }
  const line = await stdinLine();
  if (!line)
    throw new CoreError(
      'validation',
      '需要总部口令：在终端上运行时输入，或设置环境变量 HQ_PASSPHRASE，或从标准输入给出，或用 --key-file 给出密钥文件（docs/HQ.md）。',
    );
  return { passphrase: line };
}
