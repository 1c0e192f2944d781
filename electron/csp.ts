// The renderer's Content-Security-Policy: only our own bundled code, no eval, no remote anything.
// Sent by the app:// protocol handler and by the e2e test server, so the tests run under it too.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export const APP_SCHEME = 'app';
export const APP_HOST = 'tend';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
