// 电子取证工作记录 (DOCUMENTS.md §3) with its 电子数据清单: how electronic data was collected, and
// every item with both digests. Imports and the capture browser add rows to its list.
import { provenanceOf } from '../../../evidence/provenance.ts';
import { formatMinuteChinese, toLocalMinute } from '../../local-time.ts';
import { shown } from '../../../timeline/facts.ts';
import { renderTemplateText, templateParagraph } from '../../templates.ts';
import { contentAt, type DocumentDescriptor } from '../descriptor.ts';
import { evidenceFacts } from './timeline.ts';
import { checkEvidence, EVIDENCE_RULES } from './completeness.ts';
import { EvidenceContentSchema, type EvidenceContent } from './content.ts';
import { EVIDENCE_2023_1, EVIDENCE_2026_1 } from './templates.ts';

export const EVIDENCE: DocumentDescriptor<'evidence', EvidenceContent, never> = {
  type: 'evidence',
  label: '电子取证工作记录',
  pdfTitle: '电子取证工作记录',
  numberMark: '取',
  content: EvidenceContentSchema,
  templates: [EVIDENCE_2023_1, EVIDENCE_2026_1],
  rules: EVIDENCE_RULES,
  check: (c) => checkEvidence(c),
  subject: (c) => [
    (contentAt(c, 'target.siteName') as string | undefined) ||
      (contentAt(c, 'target.url') as string | undefined) ||
      (contentAt(c, 'target.appName') as string | undefined),
    contentAt(c, 'method') as string | undefined,
  ],
  // The signed-in officers collect (the second records); the platform from the case; the time
  // source with the machine's clock; what the app can know about the machine.
  timeline: (c) => evidenceFacts(c),
  // Fields added with the case timeline (issue #20); the 2023.1 labels are frozen.
  addedLabels: {
    'steps[].itemIds': '产生的电子数据',
    'items[].importedAt': '入库时间（导入本机）',
    'items[].custody': '保管情况（提取至入库期间）',
  },
  initialContent: (t, ctx) => {
    const [first = '', second = ''] = ctx.officerIds;
    const now = toLocalMinute(ctx.now);
    const platform = ctx.case.platform;
    return {
      startTime: now,
      // 2023.1 writes the time as 2026-11-20 09:00 ({{time}}), 2026.1 as 2026年11月20日9时00分 ({{timeCn}}).
      timeSource: renderTemplateText(templateParagraph(t, 'timeSource'), {
        time: now.replace('T', ' '),
        timeCn: formatMinuteChinese(now),
      }),
      collectorIds: [first, second].filter(Boolean),
      recorderId: second,
      target: { siteName: platform.name, url: platform.url, domain: platform.domain },
      environment: {
        device: `取证计算机（主机名 ${ctx.machine.host}）`,
        os: ctx.machine.os,
        software: ctx.machine.software,
      },
    };
  },
  /** A 电子数据清单 row linked to an imported file must show that file's digests and size, unaltered. */
  saveCheck: (c, ctx) => {
    for (const [i, row] of c.items.entries()) {
      if (!row.evidenceId) continue;
      const e = ctx.evidenceItem(row.evidenceId);
      if (!e || e.sha256 !== row.sha256 || e.sm3 !== row.sm3 || String(e.sizeBytes) !== row.sizeBytes)
        return {
          kind: 'integrity',
          message: `电子数据清单第${i + 1}项关联了导入的文件，其大小和完整性校验值由导入时计算，不能修改。请撤销对该项的修改。`,
          fields: { [`items.${i}.sha256`]: '关联文件的校验值不能修改。' },
        };
    }
    return null;
  },
  sealChecks: (content) => {
    const c = content as {
      method?: string;
      items?: { name: string; method: string; sha256: string; sm3: string }[];
    };
    const missing = (c.items ?? []).filter((i) => !i.method || !i.sha256 || !i.sm3);
    return [
      {
        what: '取证方法与校验值已记录',
        ok: !!c.method && missing.length === 0,
        detail: !c.method
          ? '未记录取证方式'
          : missing.length
            ? `电子数据清单中${missing.map((i) => i.name).join('、')}缺少提取方法或校验值`
            : `取证方式：${c.method}；每件电子数据均记录了提取方法、SHA-256 与 SM3`,
      },
    ];
  },
  evidenceList: {
    listName: '电子数据清单',
    rows: 'items',
    // `time`: the import (入库时间). The row's 提取时间 and 存储介质 are those recorded on site when
    // the data was extracted before the import; otherwise the import is the extraction, onto this
    // app's store.
    append: (c, item, time, stepText) => {
      const earlier = item.meta.extractedAt !== '' && item.meta.extractedAt !== time;
      const where = earlier ? `，${shown(item.meta.extractedAt)}提取至${item.meta.medium}` : '';
      return {
        ...c,
        items: [
          ...c.items,
          {
            id: item.id,
            name: item.fileName,
            category: item.meta.category,
            format: item.format,
            source: item.meta.source,
            method: item.meta.method,
            sizeBytes: String(item.sizeBytes),
            sha256: item.sha256,
            sm3: item.sm3,
            time: item.meta.extractedAt || time,
            medium: item.meta.extractedAt ? item.meta.medium : item.meta.medium || '本机取证存储',
            importedAt: time,
            custody: item.meta.custody,
            evidenceId: item.id,
            provenance: provenanceOf(item.meta),
          },
        ],
        steps: [
          ...c.steps,
          {
            id: `auto-${item.id}`,
            time,
            auto: true,
            itemIds: [item.id],
            text:
              stepText ??
              `导入电子数据「${item.fileName}」（${item.sizeBytes}字节${where}），SHA-256：${item.sha256}，SM3：${item.sm3}。`,
          },
        ],
      };
    },
  },
  deadlines: [],
  editor: 'EvidenceEditor',
};
