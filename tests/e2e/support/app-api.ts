// Set-up steps through the app's API, called from the page with the token the page holds (what
// the renderer does): for journeys whose subject is elsewhere (other journeys cover these steps
// in the UI). Also the officers' sign-in through the UI, which every journey starts with.
import type { Browser, Page } from 'playwright-core';
import { partySigner, syntheticSignature } from '../../../scripts/demo-signatures.ts';
import { creditCodeCheckChar } from '../../../shared/validation/credit-code.ts';
import { SessionPage, type OfficerData } from '../pages/app-page.ts';

export type ApiAnswer = {
  ok: boolean;
  value: Record<string, unknown> & { id: string };
  error?: { kind: string; message: string; fields?: Record<string, string> };
};

export function callApi(page: Page, name: string, arg: unknown): Promise<ApiAnswer> {
  return page.evaluate(
    async ([n, a]) => {
      const token = sessionStorage.getItem('field-api-token') ?? '';
      const r = await fetch(`api/${n}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-token': token },
        body: JSON.stringify(a),
      });
      return r.json();
    },
    [name, arg] as const,
  );
}

/** Like callApi, but a refusal fails the test with the core's message. */
export async function mustApi<T = ApiAnswer['value']>(page: Page, name: string, arg: unknown): Promise<T> {
  const r = await callApi(page, name, arg);
  if (!r.ok) throw new Error(`${name}: ${r.error?.message}`);
  return r.value as T;
}

/** Signs both officers in through the header's two slots and waits for 双人在场. */
export async function signInBoth(page: Page, a: OfficerData, b: OfficerData): Promise<void> {
  const s = new SessionPage(page);
  await s.signIn(0, a.certNo, a.password);
  await page.getByTestId('nav-cases').waitFor();
  await s.signIn(1, b.certNo, b.password);
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="session-pair-tag"]')?.textContent?.includes('双人'),
  );
}

/**
 * A new page on the app with the office set up (through the API) and both officers signed in
 * (through the UI): where most journeys start. Returns the page and the officers' ids, in order.
 */
export async function openAppWithPair(
  browser: Browser,
  url: string,
  agencyName: string,
  a: OfficerData,
  b: OfficerData,
  height = 900,
): Promise<{ page: Page; ids: [string, string] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height }, locale: 'zh-CN' });
  page.setDefaultTimeout(15_000);
  await page.goto(url);
  await mustApi(page, 'office.setup', { agencyName, officers: [a, b] });
  await page.reload();
  await signInBoth(page, a, b);
  const ids = (await mustApi<{ id: string }[]>(page, 'officers.list', {})).map((o) => o.id) as [string, string];
  return { page, ids };
}

/** The journeys' case: an organisation running a news site, under 网络安全法 matter csl-59. */
export async function createOrgCase(page: Page, officerIds: string[]): Promise<string> {
  const code = '91450204MA5N8K2X7' + creditCodeCheckChar('91450204MA5N8K2X7');
  const c = await mustApi<{ id: string }>(page, 'cases.create', {
    title: '柳州市星河网络科技有限公司涉嫌未履行网络安全保护义务案',
    source: '监督检查发现',
    party: {
      kind: 'organisation',
      name: '柳州市星河网络科技有限公司',
      creditCode: code,
      legalRepresentative: '陈立新',
      address: '柳州市柳南区航五路12号',
      phone: '',
    },
    platform: { name: '星河资讯', domain: 'xinghe-news.cn', url: '', icp: '' },
    conduct: { kind: 'day', from: '2026-10-12', discoveredOn: '2026-10-20' },
    matterId: 'csl-59',
    officerIds,
  });
  return c.id;
}

/** A document made, filled and submitted (待签名); returns its id. */
export async function readyDocument(page: Page, caseId: string, type: string, content: object): Promise<string> {
  const d = await mustApi<{ id: string; revision: number }>(page, 'documents.create', { caseId, type });
  await mustApi(page, 'documents.save', { id: d.id, revision: d.revision, content });
  await mustApi(page, 'documents.markReady', { id: d.id });
  return d.id;
}

/**
 * Signs every required slot of a 待签名 document through the API, without recording, with
 * synthetic handwriting: the officers with their passwords, everyone else by name (a witness
 * also with an identity number).
 */
export async function signThroughApi(
  page: Page,
  documentId: string,
  officers: { id: string; name: string; password: string }[],
): Promise<void> {
  const { ceremonyId } = await mustApi<{ ceremonyId: string }>(page, 'signing.start', {
    documentId,
    recording: false,
    noRecordingReason: '测试：签名经接口完成',
    // The web shell runs on the real clock and the sample records are of 2026-11-20: signing them
    // today is late (the case timeline's lateSignature) and needs its reason; ignored when in time.
    lateReason: '测试：示例文书日期早于今天，签名经接口补签',
  });
  const st = await mustApi<{
    required: { slotId: string; page: number | null; officerId: string | null; signerName: string; role: string }[];
  }>(page, 'signing.state', { id: documentId });
  for (const [i, slot] of st.required.entries()) {
    const officer = officers.find((o) => o.id === slot.officerId);
    const name = officer?.name ?? (slot.signerName || '陈立新');
    const sig = syntheticSignature(name, i + 1);
    await mustApi(page, 'signing.sign', {
      ceremonyId,
      slotId: slot.slotId,
      page: slot.page,
      ...partySigner(slot, name),
      ...(slot.role === '见证人' ? { signerIdNumber: '45020319750306001X' } : {}),
      officerPassword: officer?.password ?? '',
      imagePngBase64: sig.png.toString('base64'),
      strokes: sig.strokes,
    });
  }
  await mustApi(page, 'signing.end', { ceremonyId });
}

/**
 * Imports `sizeBytes` random bytes as evidence of a case, the way the renderer does: beginImport,
 * then the bytes to the web shell's PUT /upload/TICKET. Returns the evidence item.
 */
export async function importRandomEvidence(
  page: Page,
  caseId: string,
  fileName: string,
  sizeBytes: number,
): Promise<{ id: string; sha256: string; sm3: string; sizeBytes: number; fileName: string }> {
  const meta = {
    category: '截图',
    description: '',
    source: 'https://www.xinghe-news.cn/',
    method: '截屏',
    timeSourceNote: '',
    provider: { name: '', idNumber: '', statement: false },
    original: true,
    copy: { method: '', madeAt: '', madeBy: '' },
  };
  const { ticket } = await mustApi<{ ticket: string }>(page, 'evidence.beginImport', {
    caseId,
    documentId: '',
    fileName,
    sizeBytes,
    meta,
  });
  const r = await page.evaluate(
    async ([t, size]) => {
      const bytes = new Uint8Array(size);
      for (let off = 0; off < size; off += 65536)
        crypto.getRandomValues(bytes.subarray(off, Math.min(size, off + 65536)));
      const token = sessionStorage.getItem('field-api-token') ?? '';
      const res = await fetch(`upload/${encodeURIComponent(t)}`, {
        method: 'PUT',
        headers: { 'x-api-token': token, 'content-type': 'application/octet-stream' },
        body: bytes,
      });
      return res.json();
    },
    [ticket, sizeBytes] as const,
  );
  if (!r.ok) throw new Error(`upload: ${r.error?.message}`);
  return r.value;
}
