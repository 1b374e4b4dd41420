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
