// 电子取证工作记录 (DOCUMENTS.md §3) and its attached 电子数据清单, by template version: both
// digests of every item, with the algorithms named, in full; an imported item's provenance as a
// note under its row.
import type { DocumentTemplate } from '../../templates.ts';
import { END_MARK, HEADER_2023, HEADER_2026, REG_2023, REG_2023_UNCITED } from '../../templates/common.ts';
import { EVIDENCE_EDITOR_2023_1 } from './editor-labels.ts';

export const EVIDENCE_2023_1: DocumentTemplate<'evidence'> = {
  type: 'evidence',
  version: '2023.1',
  regulation: REG_2023,
  title: '电子取证工作记录',
  openings: [],
  closing: '以上电子数据的提取过程及完整性校验值经核对无误。',
  confirmation: '以上记录属实。',
  paragraphs: {
    // Seeds a new record's 时间来源 (editable); {{time}} is the machine's clock when it is made.
    timeSource: '本机时钟。开始记录时本机时间为 {{time}}（北京时间）；取证现场无可信时间源，未能核对本机时钟偏差。',
    // Printed before hashNote, above the signatures; {{count}} is the number of list rows.
    itemsNote: '电子数据共{{count}}项，详见所附《电子数据清单》。',
    hashNote: '完整性校验值采用 SHA-256 与 SM3（GB/T 32905-2016）两种算法分别计算，以十六进制表示。',
  },
  labels: EVIDENCE_EDITOR_2023_1,
  layout: {
    runningHead: '{{tpl.title}}（续）',
    vars: { count: '{{count:items}}' },
    blocks: [
      ...HEADER_2023,
      {
        kind: 'grid',
        columns: 4,
        rows: [
          { cells: [{ label: '当事人', value: '{{ctx.partyName}}', span: 4 }] },
          { cells: [{ label: '取证时间', value: '{{span:startTime,endTime}}', span: 4 }] },
          { cells: [{ label: '时间来源', value: '{{timeSource}}', span: 4 }] },
          { cells: [{ label: '取证地点', value: '{{place}}', span: 4 }] },
          { cells: [{ label: '取证人', value: '{{officers:collectorIds}}', span: 4 }] },
          { cells: [{ label: '记录人', value: '{{officer:recorderId}}', span: 4 }] },
          { when: 'witness.name', cells: [{ label: '见证人', value: '{{person:witness}}', span: 4 }] },
          { unless: 'witness.name', cells: [{ label: '无见证人的原因', value: '{{noWitnessReason}}', span: 4 }] },
          { cells: [{ label: '电子数据持有人/提供人', value: '{{person:holder}}', span: 4 }] },
        ],
      },
      { kind: 'heading', text: '取证对象' },
      {
        kind: 'grid',
        columns: 4,
        rows: [
          {
            cells: [
              {
                label: '网站/APP名称',
                value: { join: '；', parts: ['{{target.siteName}}', '{{target.appName}}'] },
                span: 2,
              },
              { label: '版本', value: '{{target.appVersion}}', span: 2 },
            ],
          },
          { cells: [{ label: '网址', value: '{{target.url}}', span: 4 }] },
          {
            cells: [
              { label: '域名', value: '{{target.domain}}', span: 2 },
              { label: 'IP', value: '{{target.ip}}', span: 2 },
            ],
          },
          {
            cells: [
              { label: '账号', value: '{{target.account}}', span: 2 },
              { label: '群组', value: '{{target.group}}', span: 2 },
            ],
          },
          { cells: [{ label: '设备', value: '{{target.device}}', span: 4 }] },
        ],
      },
      { kind: 'heading', text: '取证方式' },
      { kind: 'para', text: { join: '。', parts: ['{{method}}', '{{originalMediumNote}}'] }, indent: true },
      { kind: 'heading', text: '取证环境与工具' },
      {
        kind: 'grid',
        columns: 4,
        rows: [
          { cells: [{ label: '取证设备', value: '{{environment.device}}', span: 4 }] },
          { cells: [{ label: '操作系统', value: '{{environment.os}}', span: 4 }] },
          { cells: [{ label: '软件及版本', value: '{{environment.software}}', span: 4 }] },
          { cells: [{ label: '网络环境', value: '{{environment.network}}', span: 4 }] },
          { cells: [{ label: '清洁性检查', value: '{{environment.cleanCheck}}', span: 4 }] },
        ],
      },
      { kind: 'heading', text: '取证过程' },
      {
        kind: 'each',
        of: 'steps',
        blocks: [
          {
            kind: 'para',
            label: '{{#}}. ',
            text: { concat: [{ if: '{{time}}', then: '{{minute:time}}，' }, '{{text}}'] },
          },
        ],
      },
      { kind: 'heading', text: '存储' },
      {
        kind: 'grid',
        columns: 4,
        rows: [
          {
            cells: [
              { label: '存储介质', value: '{{storage.mediumType}}', span: 2 },
              { label: '介质编号', value: '{{storage.mediumNo}}', span: 2 },
            ],
          },
          {
            cells: [
              { label: '封条编号', value: '{{storage.sealNo}}', span: 2 },
              { label: '备份', value: '{{storage.backups}}', span: 2 },
            ],
          },
        ],
      },
      { kind: 'para', text: '{{para:itemsNote}}{{para:hashNote}}', indent: true },
      { kind: 'para', text: '{{tpl.closing}}', indent: true },
      {
        kind: 'signatures',
        slots: [
          { id: 'collector-1', label: '取证人', role: '执法人员', officer: 'collectorIds.0' },
          { id: 'collector-2', label: '取证人', role: '执法人员', officer: 'collectorIds.1' },
          { id: 'recorder', label: '记录人', role: '记录人', officer: 'recorderId' },
          { id: 'holder', label: '持有人/提供人', role: '持有人/提供人', signer: '{{holder.name}}' },
          { id: 'witness', when: 'witness.name', label: '见证人', role: '见证人', signer: '{{witness.name}}' },
        ],
      },
      { kind: 'pageBreak' },
      { kind: 'title', text: '电子数据清单' },
      { kind: 'line', left: '所属记录：{{doc.docNo}}', size: 10.5 },
      {
        kind: 'table',
        of: 'items',
        size: 7,
        columns: [
          { title: '序号', width: 2.2, align: 'center', value: '{{#}}' },
          { title: '名称', width: 6.5, value: '{{name}}' },
          { title: '类别/格式', width: 3.6, value: { join: '/', parts: ['{{category}}', '{{format}}'] } },
          { title: '来源/提取方法', width: 7, value: { join: '；', parts: ['{{source}}', '{{method}}'] } },
          { title: '大小（字节）', width: 4, anywhere: true, value: '{{sizeBytes}}' },
          { title: '完整性校验值（SHA-256 / SM3）', width: 17.5, anywhere: true, value: '{{digests:sha256,sm3}}' },
          { title: '提取时间', width: 4.4, value: '{{minute:time}}' },
          { title: '存储介质', width: 3.6, value: '{{medium}}' },
        ],
        note: { if: '{{provenance:provenance}}', then: '备注：{{provenance:provenance}}' },
      },
    ],
    perPage: [
      { id: 'collectors-page', label: '取证人', mirror: ['collector-1', 'collector-2'] },
      { id: 'recorder-page', label: '记录人', mirror: ['recorder'] },
      { id: 'holder', label: '持有人/提供人', role: '持有人/提供人', signer: '{{holder.name}}' },
    ],
  },
};

// 2026.1: every time as 年月日时分 (the seeded 时间来源, step times, the list's 提取时间 on two lines,
// a copy's 制作时间); the 电子数据清单 gives names, sources and methods room and prints both digests
// of an item whole, one per line, across the table under its row (with the 备注), so that no
// digest is broken; the list's pages carry its own running head; 以下空白 closes the record and the
// list; typesetting profile 2 (docs/PDF.md).
export const EVIDENCE_2026_1: DocumentTemplate<'evidence'> = {
  type: 'evidence',
  version: '2026.1',
  regulation: REG_2023_UNCITED,
  title: '电子取证工作记录',
  openings: [],
  closing: '以上电子数据的提取过程及完整性校验值经核对无误。',
  confirmation: '以上记录属实。',
  paragraphs: {
    // Seeds a new record's 时间来源 (editable); {{timeCn}} is the machine's clock when it is made.
    timeSource: '本机时钟。开始记录时本机时间为{{timeCn}}（北京时间）；取证现场无可信时间源，未能核对本机时钟偏差。',
    itemsNote: '电子数据共{{count}}项，详见所附《电子数据清单》。',
    hashNote: '完整性校验值采用 SHA-256 与 SM3（GB/T 32905-2016）两种算法分别计算，以十六进制表示，列于清单各项之下。',
  },
  labels: EVIDENCE_EDITOR_2023_1,
  layout: {
    typesetting: 2,
    runningHead: '{{tpl.title}}（续）',
    vars: { count: '{{count:items}}' },
    blocks: [
      ...HEADER_2026,
      {
        kind: 'grid',
        columns: 4,
        rows: [
          { cells: [{ label: '当事人', value: '{{ctx.partyName}}', span: 4 }] },
          { cells: [{ label: '取证时间', value: '{{period:startTime,endTime}}', span: 4 }] },
          { cells: [{ label: '时间来源', value: '{{timeSource}}', span: 4 }] },
          { cells: [{ label: '取证地点', value: '{{place}}', span: 4 }] },
          { cells: [{ label: '取证人', value: '{{officers:collectorIds}}', span: 4 }] },
          { cells: [{ label: '记录人', value: '{{officer:recorderId}}', span: 4 }] },
          { when: 'witness.name', cells: [{ label: '见证人', value: '{{person:witness}}', span: 4 }] },
          { unless: 'witness.name', cells: [{ label: '无见证人的原因', value: '{{noWitnessReason}}', span: 4 }] },
          { cells: [{ label: '电子数据持有人/提供人', value: '{{person:holder}}', span: 4 }] },
        ],
      },
      { kind: 'heading', text: '取证对象' },
      {
        kind: 'grid',
        columns: 4,
        rows: [
          {
            cells: [
              {
                label: '网站/APP名称',
                value: { join: '；', parts: ['{{target.siteName}}', '{{target.appName}}'] },
                span: 2,
              },
              { label: '版本', value: '{{target.appVersion}}', span: 2 },
            ],
          },
          { cells: [{ label: '网址', value: '{{target.url}}', span: 4 }] },
          {
            cells: [
              { label: '域名', value: '{{target.domain}}', span: 2 },
              { label: 'IP', value: '{{target.ip}}', span: 2 },
            ],
          },
          {
            cells: [
              { label: '账号', value: '{{target.account}}', span: 2 },
              { label: '群组', value: '{{target.group}}', span: 2 },
            ],
          },
          { cells: [{ label: '设备', value: '{{target.device}}', span: 4 }] },
        ],
      },
      { kind: 'heading', text: '取证方式' },
      {
        kind: 'para',
        text: { join: '', parts: [{ end: '{{method}}' }, { end: '{{originalMediumNote}}' }] },
        indent: true,
      },
      { kind: 'heading', text: '取证环境与工具' },
      {
        kind: 'grid',
        columns: 4,
        rows: [
          { cells: [{ label: '取证设备', value: '{{environment.device}}', span: 4 }] },
          { cells: [{ label: '操作系统', value: '{{environment.os}}', span: 4 }] },
          { cells: [{ label: '软件及版本', value: '{{environment.software}}', span: 4 }] },
          { cells: [{ label: '网络环境', value: '{{environment.network}}', span: 4 }] },
          { cells: [{ label: '清洁性检查', value: '{{environment.cleanCheck}}', span: 4 }] },
        ],
      },
      { kind: 'heading', text: '取证过程' },
      {
        kind: 'each',
        of: 'steps',
        blocks: [
          {
            kind: 'para',
            label: '{{#}}. ',
            text: { concat: [{ if: '{{time}}', then: '{{datetime:time}}，' }, '{{text}}'] },
          },
        ],
      },
      { kind: 'heading', text: '存储' },
      {
        kind: 'grid',
        columns: 4,
        rows: [
          {
            cells: [
              { label: '存储介质', value: '{{storage.mediumType}}', span: 2 },
              { label: '介质编号', value: '{{storage.mediumNo}}', span: 2 },
            ],
          },
          {
            cells: [
              { label: '封条编号', value: '{{storage.sealNo}}', span: 2 },
              { label: '备份', value: '{{storage.backups}}', span: 2 },
            ],
          },
        ],
      },
      { kind: 'para', text: '{{para:itemsNote}}{{para:hashNote}}', indent: true },
      { kind: 'para', text: '{{tpl.closing}}', indent: true, closing: true },
      END_MARK,
      {
        kind: 'signatures',
        slots: [
          { id: 'collector-1', label: '取证人', role: '执法人员', officer: 'collectorIds.0' },
          { id: 'collector-2', label: '取证人', role: '执法人员', officer: 'collectorIds.1' },
          { id: 'recorder', label: '记录人', role: '记录人', officer: 'recorderId' },
          { id: 'holder', label: '持有人/提供人', role: '持有人/提供人', signer: '{{holder.name}}' },
          { id: 'witness', when: 'witness.name', label: '见证人', role: '见证人', signer: '{{witness.name}}' },
        ],
      },
      { kind: 'pageBreak', head: '电子数据清单', continued: '电子数据清单（续）' },
      { kind: 'title', text: '电子数据清单' },
      { kind: 'line', left: '所属记录：{{doc.docNo}}', size: 10.5 },
      {
        kind: 'table',
        of: 'items',
        size: 7.5,
        columns: [
          { title: '序号', width: 24, align: 'center', value: '{{#}}' },
          { title: '名称', width: 92, value: '{{name}}' },
          { title: '类别/格式', width: 46, value: { join: '\n', parts: ['{{category}}', '{{format}}'] } },
          { title: '来源/提取方法', width: 128, value: { join: '\n', parts: ['{{source}}', '{{method}}'] } },
          { title: '大小（字节）', width: 52, value: '{{sizeBytes}}' },
          { title: '提取时间', width: 72, value: { join: '\n', parts: ['{{day:time}}', '{{clock:time}}'] } },
          { title: '存储介质', width: 55, value: '{{medium}}' },
        ],
        note: {
          concat: [
            'SHA-256：',
            { first: ['{{sha256}}', '（未计算）'] },
            '\nSM3：',
            { first: ['{{sm3}}', '（未计算）'] },
            { if: '{{provenanceCn:provenance}}', then: '\n备注：{{provenanceCn:provenance}}' },
          ],
        },
        endMark: '以下空白',
      },
    ],
    perPage: [
      { id: 'collectors-page', label: '取证人', mirror: ['collector-1', 'collector-2'] },
      { id: 'recorder-page', label: '记录人', mirror: ['recorder'] },
      { id: 'holder', label: '持有人/提供人', role: '持有人/提供人', signer: '{{holder.name}}' },
    ],
  },
};
