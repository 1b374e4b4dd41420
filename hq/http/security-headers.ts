// The headers on every answer HQ gives (device API and staff page alike), and the staff page's
// content security policy.
export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  // same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on form posts, and
  // the web page's cross-site check needs the real origin.
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
} as const;

/**
 * Over HTTPS only: browsers remember for a year to reach HQ by HTTPS alone. No includeSubDomains —
 * other services may live under HQ's domain. Browsers ignore it over a connection whose certificate
 * they do not trust, so a self-signed certificate (devices pin it) loses nothing by it.
 */
export const HSTS = { 'strict-transport-security': 'max-age=31536000' } as const;

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
