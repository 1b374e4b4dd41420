// How the staff page writes times and names kinds of flags and documents.
import { DOCUMENT_TYPE_LABELS } from '../../../../shared/documents/document-types.ts';

/** A stored ISO time as Beijing time (HQ's staff read local time), or — when there is none. */
export const t = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—';

export const KIND_LABELS: Record<string, string> = {
  conflict: '序号冲突（可能被篡改）',
  gap: '封存链缺口',
  chain: '封存链不衔接',
  verification: '核验未通过',
  revoked: '已吊销设备尝试同步',
  ownership: '归属冲突（使用了其他设备的记录编号）',
};

export const documentTypeLabel = (type: string) =>
  DOCUMENT_TYPE_LABELS[type as keyof typeof DOCUMENT_TYPE_LABELS] ?? type;

export const viaLabel = (via: string, long = false) =>
  via === 'bundle' ? (long ? '封存包导入' : '封存包') : long ? '网络同步' : '网络';

/** The event log's action codes and the access log's read kinds, as staff read them. */
export const ACTION_LABELS: Record<string, string> = {
  code: '生成登记码',
  enroll: '设备登记',
  revoke: '吊销设备',
  import: '导入封存包',
  admin: '新建管理员',
  staff: '新建人员',
  role: '设置角色',
  office: '新建单位',
  publish: '发布基础数据',
  recover: '恢复设备数据',
  search: '查询案件',
  case: '查看案件',
  document: '查看文书',
  pdf: '打开文书PDF',
  evidence: '下载电子数据',
  export: '导出证据包',
};

export const actionLabel = (action: string) => ACTION_LABELS[action] ?? action;

/** Who did it, in Chinese where it is HQ itself. */
export const actorLabel = (actor: string) =>
  ({ 'command-line': '服务器命令行', device: '执法终端', test: '测试' })[actor] ?? actor;
