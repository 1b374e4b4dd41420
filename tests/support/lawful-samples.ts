// The samples of scripts/demo-documents.ts as the case timeline (shared/timeline/) accepts them
// where a test changes them or puts several into one case: an 电子取证工作记录 whose list a test
// replaced gets one step producing its rows and a witness with no tie to the party (the sample's
// witness is the party's technical director, which needs both officers' confirmation); a second
// 询问笔录 of the same officers comes after the first (09:30–10:45), not at the same time.
import { DEMO_WITNESS } from '../../scripts/demo-data.ts';
import { demoInquiry } from '../../scripts/demo-documents.ts';
import type { EvidenceContent } from '../../shared/documents/types/evidence/content.ts';

export function lawfulEvidence<C extends Omit<EvidenceContent, 'items'> & { items: { id: string }[] }>(content: C): C {
  return {
    ...content,
    witness: { ...DEMO_WITNESS },
    steps: [
      {
        id: 's1',
        time: content.startTime,
        text: '复制电子数据并计算完整性校验值。',
        auto: false,
        itemIds: content.items.map((i) => i.id),
      },
    ],
  };
}

/** The sample inquiry `n` hours after the first (11:00–11:40 for n = 1). */
export function laterInquiry(inquirerId: string, recorderId: string, n = 1) {
  const h = String(10 + n).padStart(2, '0');
  return { ...demoInquiry(inquirerId, recorderId), startTime: `2026-11-20T${h}:00`, endTime: `2026-11-20T${h}:40` };
}

/**
 * The i-th of many records of the same officers in one case, each in its own 20 minutes, half an
 * hour apart from 2026-11-01 08:00 on: the sample moved there, its steps' and list's times with it.
 */
export function inSlot<T extends { startTime: string; endTime: string }>(content: T, i: number): T {
  const minute = (m: number) => new Date(Date.UTC(2026, 10, 1, 8, 0) + m * 60_000).toISOString().slice(0, 16);
  const startTime = minute(i * 30);
  const moved = { ...content, startTime, endTime: minute(i * 30 + 20) };
  const items = (content as { items?: { time: string }[] }).items;
  const steps = (content as { steps?: { time: string }[] }).steps;
  return {
    ...moved,
    ...(items ? { items: items.map((it) => ({ ...it, time: startTime })) } : {}),
    ...(steps ? { steps: steps.map((st) => ({ ...st, time: startTime })) } : {}),
  };
}
