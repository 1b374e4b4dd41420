// The states a document goes through, whatever its type (docs/RECORDS.md).
export const DOCUMENT_STATES = ['draft', 'ready', 'signed', 'sealed'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];
/** 已签名: every required slot signed or resolved. 已封存: sealed, immutable. */
export const DOCUMENT_STATE_LABELS: Record<DocumentState, string> = {
  draft: '草稿',
  ready: '待签名',
  signed: '已签名',
  sealed: '已封存',
};
