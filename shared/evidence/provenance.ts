// How an evidence item's provenance reads wherever it is shown: the import form's statement
// option, the case page's item details, the printed 电子数据清单 (one note under the item's row).
import type { z } from 'zod';
import type { EvidenceItemRowSchema } from '../documents/types/evidence/content.ts';
import type { EvidenceMeta } from './evidence-schema.ts';

export type EvidenceProvenance = NonNullable<z.infer<typeof EvidenceItemRowSchema>['provenance']>;

/** The 2017 regulation art. 26 statement, with the provider's name (××× until one is entered). */
export function providerStatement(name: string): string {
  return `此件由${name.trim() || '×××'}提供，经核对与原件无异`;
}

/** What an imported item's 清单 row carries from the metadata given at entry. */
export function provenanceOf(meta: EvidenceMeta): EvidenceProvenance {
  return {
    original: meta.original,
    // A copy's particulars only: an original has none, whatever the form held when it was switched.
    copyMethod: meta.original ? '' : meta.copy.method,
    copyMadeAt: meta.original ? '' : meta.copy.madeAt,
    copyMadeBy: meta.original ? '' : meta.copy.madeBy,
    provider: meta.provider.name,
    providerStatement: meta.provider.statement && meta.provider.name !== '',
    deviceSerial: meta.sourceDeviceSerial,
    description: meta.description,
    timeSourceNote: meta.timeSourceNote,
  };
}

/**
 * The provenance as one line of Chinese text, e.g.
 * 复制件（制作方法：…；制作时间：…；制作人：…）；提供人：张三，此件由张三提供，经核对与原件无异；设备序列号：…
 */
export function provenanceText(
  p: EvidenceProvenance,
  /** How the copy's time is written (the 2023.1 清单: 2026-11-20 09:30). */
  time: (v: string) => string = (v) => v.replace('T', ' '),
): string {
  const copy = [
    p.copyMethod && `制作方法：${p.copyMethod}`,
    p.copyMadeAt && `制作时间：${time(p.copyMadeAt) || p.copyMadeAt}`,
    p.copyMadeBy && `制作人：${p.copyMadeBy}`,
  ]
    .filter(Boolean)
    .join('；');
  const parts = [
    p.original ? '原件' : `复制件${copy ? `（${copy}）` : ''}`,
    p.provider && `提供人：${p.provider}${p.providerStatement ? `，${providerStatement(p.provider)}` : ''}`,
    p.deviceSerial && `设备序列号：${p.deviceSerial}`,
    p.description && `说明：${p.description}`,
    p.timeSourceNote && `时间来源：${p.timeSourceNote}`,
  ];
  return parts.filter(Boolean).join('；');
}
