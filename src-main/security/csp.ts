/**
 * The Content-Security-Policy sent with every page the `app://` protocol serves. It repeats the
 * renderer's `<meta>` policy and adds `frame-ancestors`, which only works as a header.
 * SECURITY: no inline script, no eval, no remote anything: the desk works offline and loads only
 * its own files.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
