// The staff app's calls to HQ's JSON API (protocol/staff/staff-api.ts): the session cookie goes by
// itself (same origin); requests that change something carry the session's CSRF token; every answer
// is checked against its route's schema before the page uses it.
import { CSRF_HEADER, STAFF_API, STAFF_ROUTES, type Answer } from '../protocol/staff/staff-api.ts';

export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

let csrf = '';
export const setCsrf = (token: string) => {
  csrf = token;
};

type Routes = typeof STAFF_ROUTES;

export async function call<K extends keyof Routes>(
  key: K,
  o: { params?: Record<string, string>; query?: Record<string, string | number | undefined>; body?: unknown } = {},
): Promise<Answer<K>> {
  const r = STAFF_ROUTES[key];
  let path: string = r.path;
  for (const [k, v] of Object.entries(o.params ?? {})) path = path.replace(`:${k}`, encodeURIComponent(v));
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(o.query ?? {})) if (v !== undefined && v !== '') qs.set(k, String(v));
  const url = `${STAFF_API}${path}${qs.size ? `?${qs}` : ''}`;
  const res = await fetch(url, {
    method: r.method,
    credentials: 'same-origin',
    headers: {
      ...(r.method !== 'GET' ? { [CSRF_HEADER]: csrf } : {}),
      ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
  });
  const json = (await res.json().catch(() => null)) as { message?: string } | null;
  if (!res.ok) throw new ApiError(res.status, json?.message ?? `总部答复 ${res.status}`);
  const parsed = (r.answer as { safeParse(x: unknown): { success: boolean; data?: unknown } }).safeParse(json);
  if (!parsed.success) throw new ApiError(500, '总部的答复格式不符（版本不一致？请刷新页面）。');
  return parsed.data as Answer<K>;
}
