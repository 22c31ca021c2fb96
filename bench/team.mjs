#!/usr/bin/env node
// npm run bench:team: two desks' team engines on loopback TCP, as two laptops on a LAN would be.
// Measures: one new record reaching the other desk; 1,000 new records; 100,000 records to a desk
// that holds nothing yet. Prints a table and writes bench/results/team.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { HypercoreTeamEngine, createLanSharing } = require('../out/team/engine.cjs');

const PORT = Number(process.env.BENCH_PORT ?? 0);
const LARGE = Number(process.env.BENCH_TEAM_RECORDS ?? 100_000);
const TRIALS = Number(process.env.BENCH_TEAM_TRIALS ?? 20);
const team = { teamId: 'team_bench', secret: Buffer.alloc(32, 0x42) };
const quiet = { info() {}, warn() {}, error() {} };
const roster = () => ({ status: 'member' });
const folders = [];

function tempFolder(name) {
  const folder = mkdtempSync(join(tmpdir(), `desk-bench-${name}-`));
  folders.push(folder);
  return folder;
}

async function desk(name) {
  const folder = tempFolder(name);
  const opened = await HypercoreTeamEngine.open({ folder: join(folder, 'store'), team, roster, logger: quiet });
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

/** A timeline entry's worth of bytes: a signed record of one quick-entry line is about 600 bytes. */
function record(i) {
  return Buffer.from(
    JSON.stringify({
      kind: 'timeline.logged',
      seq: i,
      text: `14:05 Police confirm road closures on Main St, entry ${i}`,
      pad: 'x'.repeat(480),
    }),
  );
}

function waitFor(engine, predicate) {
  return new Promise((resolve) => {
    const off = engine.subscribe((event) => {
      if (predicate(event)) {
        off();
        resolve();
      }
    });
  });
}

async function connect(a, b) {
  const listening = createLanSharing({ engine: a, host: '127.0.0.1', port: PORT, logger: quiet });
  const started = await listening.start();
  if (!started.ok) throw new Error(started.error.message);
  const dialling = createLanSharing({
    engine: b,
    host: '127.0.0.1',
    port: 0,
    logger: quiet,
    peers: [`127.0.0.1:${started.value.port}`],
    backoff: { initialMs: 20, maxMs: 200 },
  });
  await dialling.start();
  while (!dialling.status().some((p) => p.state === 'connected')) await new Promise((r) => setTimeout(r, 5));
  return {
    stop: async () => {
      await dialling.stop();
      await listening.stop();
    },
  };
}

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const results = {
  date: new Date().toISOString(),
  machine: {
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: loadavg().map((x) => Math.round(x * 10) / 10),
  },
  rows: [],
};

try {
  const scribe = await desk('scribe');
  const comms = await desk('comms');
  const link = await connect(scribe, comms);
  const scope = { kind: 'incident', incidentId: 'inc_bench' };

  // 1. One new record: append on one desk, until the other desk's subscriber hears of it.
  const single = [];
  for (let i = 0; i < TRIALS; i += 1) {
    const t0 = performance.now();
    const arrived = waitFor(comms, (e) => !e.own && e.end === i + 1);
    await scribe.append(scope, [record(i)]);
    await arrived;
    single.push(performance.now() - t0);
  }
  results.rows.push({
    case: 'one new record reaches the other desk (median of ' + TRIALS + ')',
    ms: median(single),
    maxMs: Math.max(...single),
    targetMs: 2000,
  });

  // 2. 1,000 new records in one change set, until the other desk holds them all.
  {
    const base = TRIALS;
    const t0 = performance.now();
    const arrived = waitFor(comms, (e) => !e.own && e.end === base + 1000);
    await scribe.append(
      scope,
      Array.from({ length: 1000 }, (_, i) => record(base + i)),
    );
    await arrived;
    results.rows.push({ case: '1,000 new records reach the other desk', ms: performance.now() - t0, targetMs: 1000 });
  }

  // 2b. 1,000 records appended one by one on both desks at once (500 each way).
  {
    const t0 = performance.now();
    const start = TRIALS + 1000;
    const toComms = waitFor(comms, (e) => !e.own && e.end === start + 500);
    const toScribe = waitFor(scribe, (e) => !e.own && e.end === 500);
    await Promise.all([
      (async () => {
        for (let i = 0; i < 500; i += 1) await scribe.append(scope, [record(start + i)]);
      })(),
      (async () => {
        for (let i = 0; i < 500; i += 1) await comms.append(scope, [record(i)]);
      })(),
    ]);
    await Promise.all([toComms, toScribe]);
    // No target: this is bound by each desk's own disk writes (one append per record), not the link.
    results.rows.push({
      case: '1,000 records appended one at a time, 500 each way',
      ms: performance.now() - t0,
      targetMs: null,
    });
  }
  await link.stop();

  // 2c. The same 1,000 records with Hypercore alone (two Corestores on an in-process pipe, no
  // team engine): the floor this machine sets at this moment, to read the figures above against.
  {
    const Corestore = require('corestore');
    const left = new Corestore(join(tempFolder('raw'), 'store'));
    const right = new Corestore(join(tempFolder('raw'), 'store'));
    const core = left.get({ name: 'raw' });
    await core.ready();
    await core.append(record(0));
    const a = left.replicate(true);
    const b = right.replicate(false);
    a.pipe(b).pipe(a);
    const copy = right.get({ key: core.key });
    await copy.ready();
    copy.download({ start: 0, end: -1 });
    while (copy.contiguousLength < 1) await new Promise((r) => setTimeout(r, 5));
    const t0 = performance.now();
    await core.append(Array.from({ length: 1000 }, (_, i) => record(i + 1)));
    while (copy.contiguousLength < 1001) await new Promise((r) => setImmediate(r));
    results.rows.push({
      case: 'for comparison: Hypercore alone, 1,000 records',
      ms: performance.now() - t0,
      targetMs: null,
    });
    await left.close();
    await right.close();
  }

  // 3. A desk that holds nothing joins an incident of LARGE records.
  const writer = await desk('writer');
  const big = { kind: 'incident', incidentId: 'inc_large' };
  for (let i = 0; i < LARGE; i += 1000)
    await writer.append(
      big,
      Array.from({ length: Math.min(1000, LARGE - i) }, (_, j) => record(i + j)),
    );
  const newcomer = await desk('newcomer');
  const t0 = performance.now();
  const arrived = waitFor(newcomer, (e) => e.scope === 'incident:inc_large' && e.end === LARGE);
  const bigLink = await connect(writer, newcomer);
  await arrived;
  const ms = performance.now() - t0;
  results.rows.push({
    case: `${LARGE.toLocaleString('en')} records to a desk that holds none`,
    ms,
    targetMs: 60_000,
    perSecond: Math.round(LARGE / (ms / 1000)),
  });
  await bigLink.stop();
  for (const engine of [scribe, comms, writer, newcomer]) await engine.close();
} finally {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
}

const width = Math.max(...results.rows.map((r) => r.case.length));
console.log(
  `\nTeam sync benchmark: two desks on loopback TCP (Node ${process.version}, ${results.machine.cores} cores, load ${results.machine.loadAverage.join(' ')})`,
);
console.log(`${'case'.padEnd(width)}  ${'time'.padStart(10)}  ${'target'.padStart(8)}  result`);
for (const row of results.rows) {
  const time = row.ms < 10_000 ? `${row.ms.toFixed(0)} ms` : `${(row.ms / 1000).toFixed(1)} s`;
  const target =
    row.targetMs === null ? '—' : row.targetMs < 10_000 ? `${row.targetMs} ms` : `${row.targetMs / 1000} s`;
  const verdict = row.targetMs === null ? '' : row.ms <= row.targetMs ? 'within' : 'OVER';
  console.log(
    `${row.case.padEnd(width)}  ${time.padStart(10)}  ${target.padStart(8)}  ${verdict}${row.perSecond ? ` (${row.perSecond.toLocaleString('en')} records/s)` : ''}`,
  );
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/team.json', `${JSON.stringify(results, null, 2)}\n`);
