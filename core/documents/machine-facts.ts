// What the app can know about the collecting computer, for the 电子取证工作记录's environment.
import { arch, hostname, release, type } from 'node:os';
import { APP_VERSION } from '../app-version.ts';
import type { MachineFacts } from '../../shared/documents/types/descriptor.ts';

export function machineFacts(): MachineFacts {
  return {
    os: `${type()} ${release()}（${arch()}）`,
    host: hostname(),
    software: `网信执法现场取证 ${APP_VERSION}（运行环境 Node.js ${process.versions.node}）`,
  };
}
