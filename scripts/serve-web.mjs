#!/usr/bin/env node
// Serves the built renderer (out/renderer) as the browser edition on 127.0.0.1 only.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.env.RENDERER_OUT
  ? resolve(fileURLToPath(new URL('../src-renderer/', import.meta.url)), process.env.RENDERER_OUT)
  : resolve(fileURLToPath(new URL('../out/renderer', import.meta.url)));
const port = Number(process.env.PORT ?? 5178);
const host = '127.0.0.1';

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

server.on('error', (e) => {
  console.error(e.code === 'EADDRINUSE' ? `Port ${port} is in use: set PORT to another number, e.g. PORT=5190 npm run web` : e.message);
  process.exit(1);
});
server.listen(port, host, () => {
  console.log(`Response Desk (browser edition) is running at http://${host}:${port}/`);
  console.log('Data stays in this browser profile. Press Ctrl+C to stop.');
});
