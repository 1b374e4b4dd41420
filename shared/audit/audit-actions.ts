// Every action the audit log records, with the label the case's audit card shows. One list: the
// contract names the actions each call writes (shared/api/call-policy.ts), the core appends only
// these (core/audit/audit-log.ts), the renderer labels them (renderer/cases/AuditCard.tsx).
// docs/SEAL-FORMAT.md says when each is written and what it targets.
export const AUDIT_ACTIONS = {
  'case-create': '创建案件',
  'case-edit': '修改案件',
  'case-status': '变更状态',
  'case-milestone': '记录期限起算日期',
  'case-law': '确定适用的法律版本',
  'document-create': '新建文书',
  'document-edit': '编辑文书',
  'document-edit-discarding-signatures': '编辑文书（作废签名）',
  'document-ready': '提交签名',
  'export-pdf': '导出PDF',
  'evidence-import': '导入电子数据',
  'evidence-capture': '网页取证',
  'signing-start': '开始签名',
  sign: '签名',
  refuse: '拒签/缺席',
  'signing-end': '结束签名',
  seal: '封存',
  'correction-create': '制作补正',
  'timeline-confirm': '确认时间线提示',
  'export-bundle': '导出封存包',
  'sign-in': '登录',
  'sign-in-failed': '登录失败',
  'sign-out': '退出',
  settings: '设置',
  lock: '锁定',
  unlock: '解锁',
  'unlock-failed': '解锁失败',
  'hq-recovery': '密钥恢复副本',
  enroll: '登记到总部',
  sync: '同步（总部回执）',
  'sync-failed': '同步失败',
  'sync-export': '导出同步包',
  'sync-receipts': '导入回执（总部回执）',
  'free-space': '释放空间',
  'law-update': '法规库更新',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
