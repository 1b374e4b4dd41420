// What the staff API answers, read through the viewer's scope (hq/db/scope.ts) and, for personal
// data, through the logged case reader — shaped as protocol/staff/staff-api.ts declares.
import type { Answer, CasesQuery } from '../../../protocol/staff/staff-api.ts';
import type { Viewer } from '../../db/scope.ts';
import type { HqApp } from '../../hq-app.ts';
import { fail } from '../../hq-failure.ts';
import { reverifyDocument } from '../../ingest/reverify.ts';
import { caseStats, monthsBetween } from '../../stats/case-stats.ts';
import type { Office } from '../../offices/office-store.ts';
import { actionLabel, actorLabel, documentTypeLabel, KIND_LABELS } from '../web/pages/format.ts';

const officeRow = (o: Office) => ({
  id: o.id,
  name: o.name,
  level: o.level,
  parentId: o.parent_id,
  depth: o.path.split('/').length - 2,
});

export function staffReads(hq: HqApp) {
  async function deviceRows(v: Viewer) {
    const devices = await hq.devices.visibleTo(v);
    const out = [];
    for (const d of devices)
      out.push({
        deviceId: d.device_id,
        name: d.name,
        agencyName: d.agency_name,
        officeName: d.office_name,
        casePrefix: d.case_prefix,
        enrolledAt: d.enrolled_at,
        lastSyncAt: d.last_sync_at,
        revokedAt: d.revoked_at,
        revokeReason: d.revoke_reason,
        chain: await hq.browse.chain(d.device_id),
      });
    return out;
  }

  return {
    async overview(v: Viewer): Promise<Answer<'overview'>> {
      const devices = await deviceRows(v);
      const names = new Map(devices.map((d) => [d.deviceId, d]));
      return {
        counts: await hq.browse.countsFor(v),
        flags: (await hq.browse.flagsFor(v)).map((f) => ({
          id: f.id,
          deviceId: f.device_id,
          deviceName: names.get(f.device_id)?.name ?? null,
          officeName: names.get(f.device_id)?.officeName ?? null,
          seq: f.seq,
          kind: f.kind,
          label: KIND_LABELS[f.kind] ?? f.kind,
          detail: f.detail,
          createdAt: f.created_at,
        })),
        devices,
        offices: (await hq.offices.visible(v)).map(officeRow),
        deadlines: (await hq.deadlines.urgentFor(v)).map(({ deviceId: _, ...d }) => d),
      };
    },

    async cases(v: Viewer, q: CasesQuery): Promise<Answer<'cases'>> {
      const r = await hq.cases.search(v, {
        ...(q.q ? { q: q.q } : {}),
        ...(q.office ? { officeId: q.office } : {}),
        ...(q.matter ? { matter: q.matter } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.party ? { party: q.party } : {}),
        ...(q.officer ? { officer: q.officer } : {}),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        ...(q.verify ? { verify: q.verify } : {}),
        ...(q.sort ? { sort: q.sort } : {}),
        ...(q.page ? { page: Number(q.page) } : {}),
        ...(q.pageSize ? { pageSize: Number(q.pageSize) } : {}),
      });
      return {
        rows: r.rows.map((c) => ({
          id: c.id,
          caseNo: c.case_no,
          partyName: c.party_name,
          matterName: c.matter_name,
          status: c.status,
          updatedAt: c.updated_at,
          officeName: c.office_name,
          documents: c.documents,
          flags: c.flags,
        })),
        total: r.total,
        page: r.page,
        pageSize: r.pageSize,
      };
    },

    async caseById(v: Viewer, id: string): Promise<Answer<'case'> | null> {
      const r = await hq.cases.caseById(v, id);
      if (!r) return null;
      const { c } = r;
      return {
        case: {
          id: c.id,
          caseNo: c.case_no,
          partyName: c.party_name,
          matterName: c.matter_name,
          status: c.status,
          updatedAt: c.updated_at,
          officeName: c.office_name,
        },
        documents: r.documents.map((d) => ({
          id: d.id,
          type: d.type,
          typeLabel: documentTypeLabel(d.type),
          docNo: d.doc_no,
          sealedAt: d.sealed_at,
          seq: d.seq,
          hqSeq: d.hq_seq,
          receivedAt: d.received_at,
          via: d.via,
        })),
      };
    },

    async document(v: Viewer, id: string): Promise<Answer<'document'> | null> {
      const d = await hq.cases.document(v, id);
      if (!d) return null;
      const p = d.payload;
      const chain = await hq.browse.chain(d.deviceId);
      const office = await hq.offices.get(d.officeId);
      const href = `/documents/${encodeURIComponent(id)}`;
      return {
        id,
        caseId: p.document.caseId,
        caseNo: p.document.caseNo,
        docNo: p.document.docNo,
        typeLabel: documentTypeLabel(p.document.type),
        pages: p.document.pages,
        officeName: office?.name ?? '',
        problems: await reverifyDocument(hq, id),
        missingBefore: chain.missing.filter((s) => s < d.seq),
        seal: {
          deviceId: d.deviceId,
          seq: d.seq,
          hqSeq: d.receipt.hqSeq,
          sha256: d.sealSha256,
          sm3: d.sealSm3,
          sealedAt: p.time.sealedAt,
          receivedAt: d.receivedAt,
          via: d.via,
        },
        receipt: { hqTime: d.receipt.hqTime, hqSeq: d.receipt.hqSeq, chainComplete: d.receipt.chainComplete },
        officers: p.officers.map((o) => ({ name: o.name, certNo: o.certNo })),
        signatures: p.signatures.map((s) => ({ id: s.id, role: s.role, signer: s.signerName })),
        evidence: p.evidence.map((e) => ({
          sha256: e.sha256,
          fileName: e.fileName,
          size: e.sizeBytes,
          href: `${href}/evidence/${e.sha256}`,
        })),
        pdfHref: d.printInput ? `${href}/pdf` : null,
      };
    },

    async devices(v: Viewer, enrollAddress: string, tlsFingerprint: string | null): Promise<Answer<'devices'>> {
      return {
        devices: await deviceRows(v),
        codes: (await hq.devices.codes(v)).map((c) => ({
          note: c.note,
          casePrefix: c.casePrefix,
          createdAt: c.createdAt,
          expiresAt: c.expiresAt,
          usedAt: c.usedAt,
        })),
        enrollAddress,
        tlsFingerprint,
        offices: (await hq.offices.visible(v, 'admin')).map(officeRow),
      };
    },

    async staff(v: Viewer): Promise<Answer<'staff'>> {
      return {
        staff: (await hq.admins.staff(v)).map((s) => ({
          id: s.id,
          username: s.username,
          officeName: s.officeName,
          role: s.role,
          throttledUntil: s.throttledUntil,
          throttledClients: s.throttledClients,
        })),
        offices: (await hq.offices.visible(v, 'admin')).map(officeRow),
      };
    },

    async stats(v: Viewer, q: { from?: string; to?: string; office?: string }): Promise<Answer<'stats'>> {
      // Default: the twelve months up to this one (Beijing).
      const now = new Date(hq.now().getTime() + 8 * 3600_000).toISOString().slice(0, 7);
      const to = q.to ?? now;
      const [y, m] = to.split('-').map(Number) as [number, number];
      const from = q.from ?? (m === 12 ? `${y}-01` : `${y - 1}-${String(m + 1).padStart(2, '0')}`);
      if (from > to) throw fail(400, 'bad_request', '起始月份不能晚于结束月份。');
      const months = monthsBetween(from, to);
      if (months.length > 60 || months.at(-1) !== to)
        throw fail(400, 'bad_request', '统计范围最多60个月，请缩小起止月份。');
      return {
        from,
        to,
        months,
        offices: (await hq.offices.visible(v)).map(officeRow),
        rows: await caseStats(hq.db, v, { from, to, ...(q.office ? { officeId: q.office } : {}) }),
      };
    },

    async events(v: Viewer): Promise<Answer<'events'>> {
      return {
        rows: (await hq.browse.eventsFor(v)).map((e) => ({
          id: e.id,
          at: e.at,
          who: actorLabel(e.actor),
          officeName: e.office_name ?? '总部',
          action: e.action,
          actionLabel: actionLabel(e.action),
          detail: e.detail,
        })),
      };
    },

    async access(v: Viewer, documentId?: string): Promise<Answer<'access'>> {
      return {
        rows: (await hq.cases.accessLog(v, documentId ? { documentId } : {})).map((r) => ({
          id: r.id,
          at: r.at,
          who: r.username,
          officeName: r.office_name,
          action: r.action,
          actionLabel: actionLabel(r.action),
          detail: r.detail,
        })),
      };
    },
  };
}
