#!/usr/bin/env node
// Serves the built renderer (out/renderer) as the browser edition on 127.0.0.1 only.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.env.RENDERER_OUT
  ? resolve(fileURLToPath(new URL('../src-renderer/', import.meta.url)), process.env.RENDERER_OUT)
  : resolve(fileURLToPath(new URL('../out/renderer', import.meta.url)));
// FORMAT: the browser keeps the desk's data per address (origin): http://127.0.0.1:5178 holds one
// desk, any other port an empty one. tests/unit/main/dataLocation.test.ts pins both.
const DEFAULT_PORT = 5178;
const port = Number(process.env.PORT ?? DEFAULT_PORT);
const host = '127.0.0.1';
const address = `http://${host}:${port}/`;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};
// SECURITY: the same policy as the desktop shell: nothing but the desk's own files.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

if (!existsSync(join(root, process.env.RENDERER_OUT ? '' : 'index.html'))) {
  console.error('The renderer is not built: run "npm run web" (it builds first) or "npm run build:renderer".');
  process.exit(1);
}

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', `http://${host}`).pathname);
  const file = normalize(join(root, path === '/' ? 'index.html' : path));
  // SECURITY: never serve outside the build folder.
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end('Forbidden');
    return;
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
  createReadStream(file).pipe(res);
});

/** True when what answers at the address is a Response Desk (another copy of this server). */
async function deskAlreadyThere() {
  try {
    const reply = await fetch(address, { signal: AbortSignal.timeout(2000) });
    return /<title>Response Desk<\/title>/.test(await reply.text());
  } catch {
    return false;
  }
}

server.on('error', async (e) => {
  if (e.code !== 'EADDRINUSE') {
    console.error(e.message);
    process.exit(1);
  }
  // Never send anyone to another port: the browser keeps the desk's data per address, so the same
  // desk on another port opens empty, and entries typed there are not where the team looks.
  const lines = (await deskAlreadyThere())
    ? [`Response Desk is already running at ${address}: open that address in your browser.`]
    : [
        `Port ${port} is taken by another program, so the desk cannot start at ${address}.`,
        `Close that program, then run "npm run web" again.`,
      ];
  console.error(
    [
      ...lines,
      `Your desk's data lives in your browser's profile, under the address ${address}; the desk at any other address starts empty.`,
    ].join('\n'),
  );
  process.exit(1);
});
server.listen(port, host, () => {
  console.log(`Response Desk (browser edition) is running at ${address}`);
  console.log(`Its data lives in this browser profile, under exactly this address: open the desk here each time. Press Ctrl+C to stop.`);
});
