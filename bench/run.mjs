#!/usr/bin/env node
// npm run bench: builds the browser edition with a harness beside it, drives both in headless
// Chromium, prints a table and writes bench/results/timeline.json.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import { chromium } from '@playwright/test';

import { chromiumLaunch } from '../scripts/chromium.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 5233);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
// BENCH_IMPORT_ONLY=1: only the import and the bare IndexedDB puts it is compared with (a quicker run).
const IMPORT_ONLY = Boolean(process.env.BENCH_IMPORT_ONLY);
// BENCH_JOIN_ONLY=1: only a desk joining a team whose incident holds BENCH_JOIN_RECORDS entries.
const JOIN_ONLY = Boolean(process.env.BENCH_JOIN_ONLY);
const JOIN_RECORDS = Number(process.env.BENCH_JOIN_RECORDS ?? 100_000);
const BASE = `http://127.0.0.1:${PORT}`;

execFileSync('npx', ['vite', 'build', '--config', 'bench/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
execFileSync(process.execPath, ['scripts/build-web.mjs'], { stdio: 'inherit' });
const dataDir = mkdtempSync(join(tmpdir(), 'desk-bench-'));
const server = spawn(process.execPath, ['out/web/server.cjs'], {
  env: { ...process.env, PORT: String(PORT), RENDERER_OUT: '../out/bench', DESK_DATA_DIR: dataDir },
  stdio: 'ignore',
});
await new Promise((r) => setTimeout(r, 800));

const browser = await chromium.launch(chromiumLaunch);
const results = {
  date: new Date().toISOString(),
  machine: { cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), chromium: browser.version() },
  sizes: [],
  ui: null,
};
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30 * 60_000);
  page.on('console', (m) => process.env.BENCH_VERBOSE && console.log(`  [page] ${m.text()}`));
  await page.goto(`${BASE}/bench/harness.html`);
  // BENCH_UI_ONLY=1 measures only the timeline view at the largest size (a quicker run while working on it).
  if (!IMPORT_ONLY && !process.env.BENCH_UI_ONLY) {
    process.stdout.write(`a desk joining a team, ${JOIN_RECORDS} entries… `);
    results.teamJoin = await page.evaluate((n) => window.bench.teamJoin(n), JOIN_RECORDS);
    const j = results.teamJoin;
    if (process.env.BENCH_VERBOSE) console.log(j.progress);
    console.log(
      `signed in ${(j.signMs / 1000).toFixed(1)} s; taken in, checked and shown in ${(j.joinMs / 1000).toFixed(1)} s over ${j.exchanges} exchanges (${j.entriesShown} entries shown), main thread's longest stall ${j.worstStallMs.toFixed(0)} ms`,
    );
  }
  for (const n of process.env.BENCH_UI_ONLY || JOIN_ONLY ? [] : SIZES) {
    process.stdout.write(`timeline with ${n} entries… `);
    const r = await page.evaluate(
      ([size, only]) => window.bench.runSize(size, `bench-${size}`, only),
      [n, IMPORT_ONLY],
    );
    results.sizes.push(r);
    if (process.env.BENCH_PROFILE)
      console.log(
        await page.evaluate(([size, id]) => window.bench.profileQuery(`bench-${size}`, id), [n, r.incidentId]),
      );
    console.log(
      `import ${r.importMs.toFixed(0)} ms, bare IndexedDB ${r.rawPutMs.toFixed(0)} ms (${r.ratio.toFixed(2)}×)`,
    );
  }

  // Reading and checking a spreadsheet for import (what the import's worker does).
  results.csvImport = [];
  for (const n of IMPORT_ONLY || JOIN_ONLY ? [] : [20_000, 100_000])
    results.csvImport.push(await page.evaluate((size) => window.bench.csvImportCheck(size), n));

  // BENCH_SKIP_UI=1: the data layer and the record only (a shorter run).
  if (!process.env.BENCH_SKIP_UI && !IMPORT_ONLY && !JOIN_ONLY) {
    // The UI at the largest size: first paint of the timeline, then frame times while scrolling.
    const largest = SIZES[SIZES.length - 1];
    const incidentId = await page.evaluate((size) => window.bench.seedApp(size), largest);
    if (process.env.BENCH_PROFILE)
      console.log(await page.evaluate((id) => window.bench.profileColdIndex(id), incidentId));
    // Three openings: the first as after a restart (nothing cached), then two more; each says when
    // the code was ready (DOMContentLoaded) and when the first entries were on screen.
    const openings = [];
    let app;
    for (let i = 0; i < 3; i += 1) {
      if (app) await app.close();
      app = await context.newPage();
      await app.goto(`${BASE}/src-renderer/index.html#/incident/${incidentId}/timeline`);
      await app.waitForSelector('.tl-entry:not(.tl-entry--loading)');
      const firstPaintMs = await app.evaluate(() => performance.now());
      // The whole list (all entries placed, the count shown) follows the first screenful.
      await app.waitForFunction(() =>
        /^[\d,]+ entries$/.test(document.querySelector('[data-testid="timeline-count"]')?.textContent ?? ''),
      );
      openings.push(
        await app.evaluate(
          (paint) => ({
            firstPaintMs: paint,
            fullListMs: performance.now(),
            codeReadyMs: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
          }),
          firstPaintMs,
        ),
      );
    }
    // The first search after opening: typed the moment the first entries show (the index is
    // still being built in its worker), then again once the index is ready.
    const count = '[data-testid="timeline-count"]';
    // stayOpenMs: the desk stays open a moment after the search, as a person would keep it, which
    // gives the worker time to keep the new index for the next session.
    // overviewMs: the desk is opened at its overview and the incident a moment later, as a person
    // would, rather than straight at the incident's timeline.
    const searchOnce = async (waitForIndex, { stayOpenMs = 0, overviewMs = 0 } = {}) => {
      await app.close();
      app = await context.newPage();
      if (overviewMs > 0) {
        await app.goto(`${BASE}/src-renderer/index.html#/`);
        await app.waitForTimeout(overviewMs);
        await app.evaluate((id) => (location.hash = `#/incident/${id}/timeline`), incidentId);
      } else await app.goto(`${BASE}/src-renderer/index.html#/incident/${incidentId}/timeline`);
      await app.waitForSelector('.tl-entry:not(.tl-entry--loading)');
      if (waitForIndex) await app.waitForSelector('[data-index-state="ready"]', { state: 'attached' });
      const indexReadyMs = waitForIndex ? await app.evaluate(() => performance.now()) : null;
      const typedAt = await app.evaluate(() => performance.now());
      await app.fill('#tl-search', 'ambulance vigil');
      await app.waitForFunction(
        (sel) => /^Showing [\d,]+ of [\d,]+$/.test(document.querySelector(sel)?.textContent ?? ''),
        count,
      );
      const shownAt = await app.evaluate(() => performance.now());
      const text = await app.textContent(count);
      await app.fill('#tl-search', '');
      await app.waitForFunction(
        (sel) => /^[\d,]+ entries$/.test(document.querySelector(sel)?.textContent ?? ''),
        count,
      );
      if (stayOpenMs > 0) await app.waitForTimeout(stayOpenMs);
      return { typedAtMs: typedAt, indexReadyMs, resultMs: shownAt - typedAt, result: text };
    };
    // Cold: nothing kept from an earlier session (a restored desk), so the index is built from the
    // 100,000 entries. Warm: the index kept by the openings above is read back.
    await page.evaluate(() => window.bench.dropSearchCache());
    const coldAfterOverview = await searchOnce(false, { overviewMs: 5000 });
    await page.evaluate(() => window.bench.dropSearchCache());
    const cold = await searchOnce(false, { stayOpenMs: 6000 });
    const warm = await searchOnce(false);
    const firstSearch = { cold, coldAfterOverview, warm, onceIndexed: await searchOnce(true) };
    if (process.env.BENCH_PROFILE)
      console.log(await page.evaluate((id) => window.bench.profileSearchLoad(id), incidentId));
    const firstPaintMs = openings[0].firstPaintMs;
    const frames = await app.evaluate(async () => {
      const el = document.querySelector('.tl-scroll');
      const deltas = [];
      let last = performance.now();
      const end = last + 4000;
      await new Promise((resolve) => {
        const step = (now) => {
          deltas.push(now - last);
          last = now;
          el.scrollTop += 900;
          if (now < end) requestAnimationFrame(step);
          else resolve();
        };
        requestAnimationFrame(step);
      });
      const sorted = [...deltas].sort((a, b) => a - b);
      return {
        frames: deltas.length,
        maxMs: sorted[sorted.length - 1],
        p95Ms: sorted[Math.floor(sorted.length * 0.95)],
        medianMs: sorted[Math.floor(sorted.length / 2)],
        scrolledTo: el.scrollTop,
      };
    });
    results.ui = { entries: largest, firstPaintMs, openings, firstSearch, scroll: frames };
  }
} finally {
  await browser.close();
  server.kill();
  rmSync(dataDir, { recursive: true, force: true });
}
// The import's figures were printed as each size ran; nothing is written to bench/results.
if (IMPORT_ONLY || JOIN_ONLY) process.exit(0);

const f = (x) => (x === undefined ? '—' : x.toFixed(x < 10 ? 2 : 0));
console.log('\nTimeline benchmark (times in ms; median of 15 for queries)');
console.log(
  'entries  | import | raw IDB put | ratio | filtered query | search | search index build | index read back | list order load',
);
for (const r of results.sizes) {
  console.log(
    `${String(r.entries).padEnd(8)} | ${f(r.importMs).padStart(6)} | ${f(r.rawPutMs).padStart(11)} | ${r.ratio.toFixed(2).padStart(5)} | ${f(r.queryMedianMs).padStart(14)} | ${f(r.searchMedianMs).padStart(6)} | ${f(r.indexBuildMs).padStart(18)} | ${f(r.indexKeptLoadMs).padStart(15)} | ${f(r.orderLoadMs).padStart(15)}`,
  );
}
console.log(
  '\nAfter-action record and export package (times in ms). Build = read every row once + walk the chain + assemble + seal;',
);
console.log('package = build + JSON + PDF + DOCX + CSV + zip with manifest (all in the export worker).');
console.log(
  'entries  | edition  | read  | chain | record build | JSON | PDF    | DOCX   | CSV  | zip  | whole package | JSON MB | PDF MB | DOCX MB | zip MB',
);
for (const r of results.sizes) {
  for (const e of [r.record.internal, r.record.council]) {
    const s = e.steps;
    console.log(
      `${String(r.entries).padEnd(8)} | ${e.profile.padEnd(8)} | ${f(e.collectMs).padStart(5)} | ${f(e.chainMs).padStart(5)} | ${f(e.recordBuildMs).padStart(12)} | ${f(s.json).padStart(4)} | ${f(s.pdf).padStart(6)} | ${f(s.docx).padStart(6)} | ${f(s.csv).padStart(4)} | ${f(s.zip).padStart(4)} | ${f(e.packageMs).padStart(13)} | ${e.sizes.jsonMB.toFixed(1).padStart(7)} | ${e.sizes.pdfMB.toFixed(1).padStart(6)} | ${e.sizes.docxMB.toFixed(2).padStart(7)} | ${e.sizes.zipMB.toFixed(1).padStart(6)}`,
    );
  }
}
console.log('\nTimeline CSV import, reading and checking (Windows-1252, US dates; times in ms)');
console.log('rows     | file MB | decode + parse | check rows | importable');
for (const c of results.csvImport ?? []) {
  console.log(
    `${String(c.rows).padEnd(8)} | ${(c.bytes / 2 ** 20).toFixed(1).padStart(7)} | ${f(c.readMs).padStart(14)} | ${f(c.checkMs).padStart(10)} | ${String(c.importable).padStart(10)}`,
  );
}
console.log(
  `\nMachine: ${results.machine.cores} cores, ${results.machine.memoryGiB} GiB, Chromium ${results.machine.chromium}. Figures vary with the machine's load: run again to compare.`,
);
if (results.ui) {
  console.log(
    `\nTimeline view with ${results.ui.entries} entries, opened three times: first paint ${results.ui.openings.map((o) => `${f(o.firstPaintMs)} ms (code ready at ${f(o.codeReadyMs)}, whole list at ${f(o.fullListMs)})`).join(', then ')} after navigation;`,
  );
  console.log('then, with the whole list loaded,');
  const fs = results.ui.firstSearch;
  console.log(
    `first search after opening, typed at first paint (${f(fs.warm.typedAtMs)} ms after navigation): results in ${f(fs.warm.resultMs)} ms (${fs.warm.result});`,
  );
  console.log(
    `  the same on a desk with no kept index (after a restore; built from the entries): results in ${f(fs.cold.resultMs)} ms when the incident is opened at once, ${f(fs.coldAfterOverview.resultMs)} ms when it is opened 5 s after the overview (the desk indexes in the background);`,
  );
  console.log(
    `search index ready ${f(fs.onceIndexed.indexReadyMs)} ms after navigation; a search typed then: results in ${f(fs.onceIndexed.resultMs)} ms (the box waits 250 ms for typing to pause);`,
  );
  console.log(
    `scrolling ${results.ui.scroll.frames} frames: median ${f(results.ui.scroll.medianMs)} ms, p95 ${f(results.ui.scroll.p95Ms)} ms, worst ${f(results.ui.scroll.maxMs)} ms`,
  );
}
if (process.env.BENCH_UI_ONLY) process.exit(0);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/timeline.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('\nWritten to bench/results/timeline.json');
