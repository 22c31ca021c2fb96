import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

import { CONTENT_SECURITY_POLICY } from './csp';
import { APP_HOST, APP_SCHEME } from './trustedUrl';

/** Where an `app://desk/...` request leads: one file under the renderer folder, or nowhere. */
export type AppRequestResolution = { kind: 'file'; filePath: string } | { kind: 'forbidden'; reason: string };

/** The page served for `app://desk/` and for any folder. */
export const DEFAULT_DOCUMENT = 'index.html';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a file name; unknown kinds are served as opaque bytes, never sniffed. */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

const forbidden = (reason: string): AppRequestResolution => ({ kind: 'forbidden', reason });

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * SECURITY: the URL parser already folds `..` and `%2e%2e` segments away, so a request that
 * still carries one in its raw text was written by hand to probe the file system. Refuse it
 * instead of serving whatever the folded path happens to name.
 */
function hasRawDotDotSegment(requestUrl: string): boolean {
  const rawPath = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\\]*([^?#]*)/i.exec(requestUrl)?.[1] ?? '';
  return rawPath.split(/[/\\]/).some((segment) => {
    const decoded = decodeSegment(segment);
    return decoded === null || decoded === '..' || decoded.split(/[/\\]/).includes('..');
  });
}

/**
 * Maps `app://desk/<path>` to a file inside `rendererRoot`, or refuses.
 * SECURITY: only the `desk` host, no credentials or port, no `..` (plain or percent-encoded),
 * no encoded separators, drive letters or NUL bytes, and the result must stay under the root.
 */
export function resolveAppRequest(rendererRoot: string, requestUrl: string): AppRequestResolution {
  if (hasRawDotDotSegment(requestUrl)) return forbidden('path traversal');
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return forbidden('malformed URL');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST) return forbidden('unknown host');
  if (url.username !== '' || url.password !== '' || url.port !== '') return forbidden('unexpected authority');

  const rawSegments = url.pathname.split('/').slice(1);
  const segments: string[] = [];
  for (const [index, raw] of rawSegments.entries()) {
    const isLast = index === rawSegments.length - 1;
    if (raw === '') {
      // A trailing slash names a folder (its index page); an empty segment elsewhere ("//etc")
      // would let the rest of the path look absolute.
      if (isLast) continue;
      return forbidden('empty path segment');
    }
    const segment = decodeSegment(raw);
    if (segment === null) return forbidden('malformed percent-encoding');
    if (segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return forbidden('path traversal');
    segments.push(segment);
  }
  const wantsFolder = rawSegments.length === 0 || rawSegments[rawSegments.length - 1] === '';
  if (wantsFolder) segments.push(DEFAULT_DOCUMENT);

  const root = resolve(rendererRoot);
  const filePath = resolve(root, ...segments);
  const inside = relative(root, filePath);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    return forbidden('outside the renderer folder');
  }
  return { kind: 'file', filePath };
}

/** What the protocol handler needs from the file system. */
export type AppProtocolDeps = {
  readFile: (filePath: string) => Promise<Uint8Array>;
  rendererRoot: string;
  log?: { warn: (message: string, fields?: Record<string, unknown>) => void };
};

/** The subset of a fetch Request the handler reads. */
export type AppProtocolRequest = { url: string; method?: string };

const NOT_FOUND_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/**
 * The handler given to `protocol.handle('app', ...)`: serves the built renderer with a MIME type
 * and the desk's Content-Security-Policy on every response; 403 for anything outside the
 * renderer folder, 404 for a missing file.
 */
export function createAppProtocolHandler(deps: AppProtocolDeps): (request: AppProtocolRequest) => Promise<Response> {
  return async (request) => {
    const method = (request.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return textResponse(405, 'Method not allowed');

    const resolution = resolveAppRequest(deps.rendererRoot, request.url);
    if (resolution.kind === 'forbidden') {
      deps.log?.warn('refused app:// request', { reason: resolution.reason });
      return textResponse(403, 'Forbidden');
    }
    let bytes: Uint8Array;
    try {
      bytes = await deps.readFile(resolution.filePath);
    } catch (error) {
      if (NOT_FOUND_CODES.has(errorCode(error) ?? '')) return textResponse(404, 'Not found');
      deps.log?.warn('could not read a renderer file', { code: errorCode(error) });
      return textResponse(500, 'Could not read the file');
    }
    const headers = securityHeaders(mimeTypeFor(resolution.filePath));
    return new Response(method === 'HEAD' ? null : new Uint8Array(bytes), { status: 200, headers });
  };
}
