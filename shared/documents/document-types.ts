// The on-site documents (DOCUMENTS.md §1–4). 登记保存物品清单 and its 通知书 are one document: the
// notice refers to the list, and both are made and signed together.
export const DOCUMENT_TYPES = ['inquiry', 'onsite', 'evidence', 'preservation'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  inquiry: '询问笔录',
  onsite: '现场笔录',
  evidence: '电子取证工作记录',
  preservation: '登记保存物品清单及通知书',
};

/** The character each type's document number carries, e.g. 网信案询〔2026〕0003号. */
export const DOCUMENT_NUMBER_MARK: Record<DocumentType, string> = {
  inquiry: '询',
  onsite: '现',
  evidence: '取',
  preservation: '保',
};

export const DOCUMENT_STATES = ['draft', 'ready', 'signed', 'sealed'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];
/** 已签名: every required slot signed or resolved. 已封存: sealed, immutable. */
export const DOCUMENT_STATE_LABELS: Record<DocumentState, string> = {
  draft: '草稿',
  ready: '待签名',
  signed: '已签名',
  sealed: '已封存',
};
