#!/usr/bin/env node
// npm run bench:signed (also run at the end of npm run bench): signs 100,000 records of one desk
// as the door will, one at a time, then verifies them streamed in pages of 1,000 with progress,
// as Verify integrity and the command-line verifier will. Run in headless Chromium (Web Crypto:
// what the desk uses) and in Node (Web Crypto, and node:crypto as response-desk-verify uses).
// Then, in Node, a backup encrypted and decrypted with a passphrase in the age format
// (BENCH_ENCRYPT_MB, 150 by default). Prints tables and writes bench/results/signed.json.
// BENCH_SIGNED_RECORDS for another number of records.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';

import { chromium } from '@playwright/test';
import { build } from 'esbuild';

const N = Number(process.env.BENCH_SIGNED_RECORDS ?? 100_000);
const ENCRYPT_MB = Number(process.env.BENCH_ENCRYPT_MB ?? 150);
const PORT = Number(process.env.BENCH_PORT ?? 0);

const bundle = async (format) =>
  (
    await build({
      entryPoints: [format === 'iife' ? 'bench/signedBench.ts' : 'bench/signedBenchNode.ts'],
      bundle: true,
      write: false,
      format,
      globalName: format === 'iife' ? 'signedBench' : undefined,
      platform: format === 'iife' ? 'browser' : 'node',
      target: 'es2022',
      alias: { '@shared': './shared', '@main': './src-main' },
      logLevel: 'warning',
    })
  ).outputFiles[0].text;

const ms = (x) => `${x >= 100 ? x.toFixed(0) : x.toFixed(2)} ms`;
const results = {
  date: new Date().toISOString(),
  records: N,
  machine: { cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), loadAverageAtStart: loadavg()[0] },
  runs: [],
};

// Chromium, on a page served from 127.0.0.1 (Web Crypto needs a secure context).
const script = await bundle('iife');
const server = createServer((req, res) => {
  if (req.url === '/signed.js') {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(script);
  } else {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>signed records bench</title><script src="/signed.js"></script>');
  }
});
await new Promise((resolve) => server.listen(PORT, '127.0.0.1', resolve));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  results.machine.chromium = browser.version();
  const page = await browser.newPage();
  page.setDefaultTimeout(30 * 60_000);
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  process.stdout.write(`Chromium: signing and verifying ${N} records… `);
  const chromiumRun = await page.evaluate(async (n) => {
    // The desk hashes with Web Crypto's digest in the browser (batched per page); pure JavaScript for comparison.
    const digest = async (bytes) =>
      [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
        .map((b) => b.toString(16).padStart(2, '0'))
        .join('');
    const r = await window.signedBench.run(crypto.subtle, n, digest);
    const pureJs = await window.signedBench.verifyMany(
      r.records,
      r.roster,
      window.signedBench.webCryptoVerifier(crypto.subtle),
    );
    return { sign: r.sign, verify: r.verify, verifyPureJsSha256: pureJs };
  }, N);
  console.log('done');
  results.runs.push({ host: `Chromium ${browser.version()}`, ...chromiumRun });
} finally {
  await browser.close();
  server.close();
}

// Node, in this process.
const url = `data:text/javascript;base64,${Buffer.from(await bundle('esm')).toString('base64')}`;
const nodeBench = await import(url);
process.stdout.write(`Node ${process.version}: signing and verifying ${N} records… `);
const nodeRun = await nodeBench.run(globalThis.crypto.subtle, N);
const nodeCrypto = await nodeBench.verifyMany(
  JSON.parse(JSON.stringify(nodeRun.records)),
  nodeRun.roster,
  nodeBench.nodeEd25519Verifier(),
  nodeBench.nodeSha256,
);
console.log('done');
results.runs.push({
  host: `Node ${process.version}`,
  sign: nodeRun.sign,
  verify: nodeRun.verify,
  verifyNodeCrypto: nodeCrypto,
});

// A backup of ENCRYPT_MB, encrypted and decrypted whole, with the scrypt cost the desk writes.
process.stdout.write(`Node ${process.version}: encrypting and decrypting ${ENCRYPT_MB} MB with a passphrase… `);
const backup = new Uint8Array(ENCRYPT_MB * 2 ** 20);
for (let i = 0; i < backup.length; i += 97) backup[i] = i & 0xff;
const time = async (f) => {
  const t = performance.now();
  const value = await f();
  return { value, ms: performance.now() - t };
};
const PASSPHRASE = 'vigil at the town hall, 19:00';
const tiny = await time(() => nodeBench.encryptWithPassphrase(new Uint8Array(2), PASSPHRASE));
const enc = await time(() => nodeBench.encryptWithPassphrase(backup, PASSPHRASE));
const dec = await time(() => nodeBench.decryptWithPassphrase(enc.value.value, PASSPHRASE));
const wrong = await time(() => nodeBench.decryptWithPassphrase(tiny.value.value, 'not the passphrase'));
const same = dec.value.ok && Buffer.compare(dec.value.value.plaintext, backup) === 0;
results.encryption = {
  megabytes: ENCRYPT_MB,
  scryptWorkFactor: nodeBench.SCRYPT_WORK_FACTOR,
  passphraseOnlyMs: tiny.ms,
  encryptMs: enc.ms,
  decryptMs: dec.ms,
  wrongPassphraseMs: wrong.ms,
  roundTrip: same,
};
console.log('done');
results.machine.loadAverageAtEnd = loadavg()[0];

console.log(
  `\nSigned records, ${N.toLocaleString('en')} of one desk in one incident (record ≈ ${results.runs[0].sign.bytes} bytes)`,
);
console.log('| host | sign one: median | p95 | worst | sign all | verify all (streamed, with progress) |');
console.log('|------|-----:|-----:|-----:|-----:|-----:|');
for (const r of results.runs) {
  const verifies = [
    ['Web Crypto', r.verify],
    ['Web Crypto, SHA-256 in JavaScript', r.verifyPureJsSha256],
    ['node:crypto (response-desk-verify)', r.verifyNodeCrypto],
  ].filter(([, v]) => v);
  const verifyText = verifies.map(([how, v]) => `${ms(v.totalMs)} (${how}${v.ok ? '' : ', NOT OK'})`).join('; ');
  console.log(
    `| ${r.host} | ${ms(r.sign.medianMs)} | ${ms(r.sign.p95Ms)} | ${ms(r.sign.maxMs)} | ${ms(r.sign.totalMs)} | ${verifyText} |`,
  );
}
console.log(
  `Targets: one record signed well within the 100 ms quick entry has; ${N.toLocaleString('en')} records verified in 10 s or less. Load average ${results.machine.loadAverageAtStart.toFixed(1)} at the start, ${results.machine.loadAverageAtEnd.toFixed(1)} at the end (${results.machine.cores} cores): figures move with it.`,
);
const e = results.encryption;
console.log(`\nPassphrase encryption (age format, scrypt work factor ${e.scryptWorkFactor}), Node, pure JavaScript`);
console.log('| what | time |');
console.log('|------|-----:|');
console.log(`| the passphrase alone (scrypt, once per file) | ${ms(e.passphraseOnlyMs)} |`);
console.log(`| encrypt a ${e.megabytes} MB backup | ${ms(e.encryptMs)} |`);
console.log(`| decrypt it${e.roundTrip ? ' (every byte back)' : ', NOT THE SAME BYTES'} | ${ms(e.decryptMs)} |`);
console.log(`| refuse a wrong passphrase | ${ms(e.wrongPassphraseMs)} |`);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/signed.json', `${JSON.stringify(results, null, 2)}\n`);
