// What a new document starts with: the signed-in officers in their roles, the party and platform
// from the case, the template's standard wording (openings, 检查事由, 时间来源), the time, and — for the 电子取证工作记录 — what
// the app can know about the machine. Everything stays editable.
import { randomUUID } from 'node:crypto';
import type { CaseDetail } from '../../shared/domain/case.ts';
import type { DocumentType } from '../../shared/documents/document-types.ts';
import { toLocalDate, toLocalMinute } from '../../shared/documents/local-time.ts';
import {
  matterPhrase,
  renderTemplateText,
  templateParagraph,
  type DocumentTemplate,
} from '../../shared/documents/templates.ts';

export interface MachineFacts {
  os: string;
  host: string;
  software: string;
}

export interface CreateContext {
  case: CaseDetail;
  agency: string;
  officerIds: string[];
  now: Date;
  machine: MachineFacts;
}

export function initialContent(type: DocumentType, t: DocumentTemplate, ctx: CreateContext): Record<string, unknown> {
  const [first = '', second = ''] = ctx.officerIds;
  const now = toLocalMinute(ctx.now);
  const party = ctx.case.party;
  const platform = ctx.case.platform;
  const openings = t.openings.map((o) => ({ key: o.key, answer: '' }));
  switch (type) {
    case 'inquiry':
      return {
        startTime: now,
        inquirerId: first,
        recorderId: second,
        interviewee:
          party.kind === 'person'
            ? {
                name: party.name,
                idType: party.idType,
                idNumber: party.idNumber,
                address: party.address,
                phone: party.phone,
                relation: '当事人',
              }
            : { employer: party.name },
        openings,
        qa: [{ id: randomUUID(), q: '', a: '' }],
        closingStatement: t.closing,
      };
    case 'onsite':
      return {
        startTime: now,
        inspectorIds: [first, second].filter(Boolean),
        recorderId: second,
        reason: renderTemplateText(templateParagraph(t, 'reason'), { matter: matterPhrase(ctx.case.matterName) }),
        party: {
          name: party.name,
          licence: party.kind === 'organisation' ? '营业执照' : party.idType,
          idNumber: party.kind === 'organisation' ? party.creditCode : party.idNumber,
          address: party.address,
          legalRepresentative: party.kind === 'organisation' ? party.legalRepresentative : '',
          phone: party.phone,
          platform: [platform.name, platform.domain, platform.icp].filter(Boolean).join('，'),
        },
        openings,
      };
    case 'evidence':
      return {
        startTime: now,
        timeSource: renderTemplateText(templateParagraph(t, 'timeSource'), { time: now.replace('T', ' ') }),
        collectorIds: [first, second].filter(Boolean),
        recorderId: second,
        target: { siteName: platform.name, url: platform.url, domain: platform.domain },
        environment: {
          device: `取证计算机（主机名 ${ctx.machine.host}）`,
          os: ctx.machine.os,
          software: ctx.machine.software,
        },
      };
    case 'preservation':
      return { partyName: party.name, startDate: toLocalDate(ctx.now), officerIds: [first, second].filter(Boolean) };
  }
}
