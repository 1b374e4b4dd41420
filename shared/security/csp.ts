// The renderer's content-security policy: nothing but its own scripts and the API. One renderer,
// one policy — the desktop app sends it on every app:// answer (electron/app-content.ts), the web
// shell on every page and API answer (web-shell/web-shell-server.ts); a <meta> copy sits in
// renderer/index.html.
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // antd injects its styles at run time (CSS-in-JS)
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  'frame-src blob:', // the PDF preview
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
