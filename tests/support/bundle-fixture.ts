// A genuine sealed bundle made by a real core enrolled at a real HQ (in this process, on loopback):
// three sealed documents — a 询问笔录 (signed page by page), an 电子取证工作记录 with an evidence
// file, a second 询问笔录 — synced to HQ (so the bundle carries HQ's certificate of the device,
// its status statement and a receipt for each seal in trust/), then exported together.
import { demoEvidence, demoInquiry } from '../../scripts/demo-documents.ts';
import { makeCore, OFFICER_A, OFFICER_B, orgCaseInput, setUpPair, type TestCore } from './core-fixture.ts';
import { testHq, type TestHq } from './hq-fixture.ts';
import { signedDocument } from './signing-fixture.ts';
import { laterInquiry, lawfulEvidence } from './lawful-samples.ts';

export async function genuineBundle(): Promise<{
  t: TestCore;
  hq: TestHq;
  /** HQ's root fingerprint, as the office publishes it. */
  fingerprint: string;
  bundle: string;
  documentIds: string[];
}> {
  const t = makeCore();
  await setUpPair(t);
  const hq = await testHq();
  await t.must('sync.enroll', { url: hq.server.url, code: (await hq.hq.devices.createCode('test', '', '')).code });
  const ids = (await t.must('officers.list', {})).map((o) => o.id) as [string, string];
  const caseId = (await t.must('cases.create', orgCaseInput(ids, 'csl-59'))).id;
  const item = await t.core.evidence.ingest([Buffer.from('nginx 访问日志\n'.repeat(3000))], {
    caseId,
    fileName: 'access.log',
    officerIds: ids,
    meta: {
      category: '日志',
      description: '',
      source: '/var/log/nginx',
      method: '复制',
      timeSourceNote: '',
      provider: { name: '', idNumber: '', statement: false },
      original: true,
      copy: { method: '', madeAt: '', madeBy: '' },
    },
  });
  const ev = {
    ...demoEvidence(ids, ids[1]),
    items: [
      {
        id: item.id,
        name: 'access.log',
        category: '日志' as const,
        format: 'LOG',
        source: '/var/log/nginx',
        method: '复制',
        sizeBytes: String(item.sizeBytes),
        sha256: item.sha256,
        sm3: item.sm3,
        time: '2026-11-20T09:00',
        medium: '本机',
        evidenceId: item.id,
      },
    ],
  };
  const documentIds = [
    await signedDocument(t, caseId, 'inquiry', demoInquiry(ids[0], ids[1]), ids),
    await signedDocument(t, caseId, 'evidence', lawfulEvidence(ev), ids),
    await signedDocument(t, caseId, 'inquiry', laterInquiry(ids[0], ids[1]), ids),
  ];
  for (const d of documentIds)
    await t.must('seals.seal', { documentId: d, officerPasswords: [OFFICER_A.password, OFFICER_B.password] });
  const synced = await t.core.sync.run();
  if (!synced.ok) throw new Error(`sync: ${synced.message}`);
  const bundle = (await t.must('bundles.export', { documentIds })).path;
  return { t, hq, fingerprint: hq.hq.devices.certificates.fingerprint(), bundle, documentIds };
}
