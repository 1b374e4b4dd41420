// Times as staff read them: Beijing time, whatever the browser's zone.
const FMT = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

export const beijing = (iso: string | null | undefined) => (iso ? FMT.format(new Date(iso)) : '—');

export const ROLE_LABELS = { admin: '管理员', reviewer: '审核', readonly: '只读' } as const;
export const LEVEL_LABELS = { province: '省级', city: '市级', district: '区县级' } as const;
export const viaLabel = (via: string) => (via === 'bundle' ? '封存包导入' : '网络同步');
