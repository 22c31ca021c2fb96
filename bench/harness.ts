// Drives the desk's own data layer in the browser for bench/run.mjs. Not part of the app.
import Dexie from 'dexie';
import { DeskDatabase, DB_NAME } from '../src-renderer/db/database';
import { createSearchCache, searchCacheName } from '../src-renderer/db/searchCache';
import { createDeskCore } from '../src-renderer/desk/core';
import { written } from '../tests/support/written';
import { queryTimeline, readOrder } from '../src-renderer/db/repos/timelineQuery';
import { EMPTY_FILTER } from '../shared/domain/timeline/listFilter';
import { SCHEMA_HISTORY } from '../src-renderer/db/schema';
import { createTimelineOrderCache } from '../src-renderer/desk/timeline/orderCache';
import boldFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import regularFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';

import { buildRecord } from '../shared/domain/record/buildRecord';
import { RECORD_SECTIONS, type AudienceProfile } from '../shared/domain/record/profiles';
import { sealRecordText } from '../shared/domain/record/recordFile';
import { makeRecordPackage, type PackageStep } from '../shared/domain/record/recordPackage';
import { createChainVerifier } from '../shared/domain/timeline/chain';
import { analyseImport } from '../shared/domain/timeline/csvImport';
import { readImportFile } from '../shared/domain/timeline/csvImportFile';
import { createTimelineSearch } from '../src-renderer/desk/timeline/search/searchIndex';
import { TimelineTextIndex, searchableText } from '../shared/domain/timeline/textIndex';
import { plainEntry } from '../shared/domain/timeline/plainEntry';
import { sha256Bytes, sha256Hex } from '../src-renderer/lib/sha256';
import {
  TIMELINE_CATEGORIES,
  type EntryContent,
  type TimelineCategory,
  type TimelineEntry,
} from '../shared/schemas/timeline';
import { createTimelineRepo } from '../src-renderer/db/repos/timelineRepo';
import { teamJoin } from './teamJoin';

const START = Date.UTC(2026, 10, 10, 13, 0);
const TAGS = ['scene', 'traffic', 'medical', 'families', 'media', 'police', 'faith', 'schools', 'transport', 'shelter'];
const SOURCES = [
  'Police',
  'Ambulance',
  'Hospital',
  'Fire service',
  'Mayor\u2019s office',
  'Social media',
  'Resident',
  'School',
];
const WORDS = [
  'crowd',
  'cordon',
  'ambulance',
  'vigil',
  'mosque',
  'church',
  'station',
  'bridge',
  'school',
  'hospital',
  'rumour',
  'statement',
  'closure',
  'evacuation',
  'volunteers',
  'candles',
  'press',
  'briefing',
  'injured',
  'shelter',
];

/** Deterministic pseudo-random numbers, so every run logs the same incident. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function contents(n: number): EntryContent[] {
  const r = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const span = 14 * 24 * 3_600_000;
  return Array.from({ length: n }, (_, i) =>
    plainEntry({
      occurredAt: START + Math.floor((i / n) * span + r() * 60_000),
      category: pick<TimelineCategory>(TIMELINE_CATEGORIES),
      title: `${pick(WORDS)} ${pick(WORDS)} near ${pick(WORDS)} (${i})`,
      body: r() < 0.3 ? `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}` : '',
      source: pick(SOURCES),
      verification: pick(['unverified', 'confirmed', 'disproven'] as const),
      tags: [pick(TAGS), ...(r() < 0.3 ? [pick(TAGS)] : [])].filter((t, j, a) => a.indexOf(t) === j),
    }),
  );
}

function dropDatabase(name: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const d = indexedDB.deleteDatabase(name);
    d.onsuccess = d.onerror = () => resolve();
    d.onblocked = () => console.log(`deleting ${name} is blocked by an open connection`);
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** The same rows written with bare IndexedDB: one transaction, one put per record. */
async function rawPut(name: string, tables: Record<string, unknown[]>): Promise<number> {
  await dropDatabase(name);
  const stores = SCHEMA_HISTORY[0]?.stores ?? {};
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      for (const [table, spec] of Object.entries(stores)) {
        if (!(table in tables)) continue;
        const [pk, ...indexes] = spec.split(',').map((s) => s.trim());
        const keyPath = pk?.startsWith('[') ? pk.slice(1, -1).split('+') : (pk ?? null);
        const store = open.result.createObjectStore(table, { keyPath });
        for (const ix of indexes) {
          const multi = ix.startsWith('*');
          const clean = ix.replace(/^\*/, '');
          const keyPath = clean.startsWith('[') ? clean.slice(1, -1).split('+') : clean;
          store.createIndex(clean, keyPath, { multiEntry: multi });
        }
      }
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(new Error(open.error?.message ?? 'open failed'));
  });
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(Object.keys(tables), 'readwrite', { durability: 'strict' });
    for (const [table, rows] of Object.entries(tables)) {
      const store = tx.objectStore(table);
      for (const row of rows) store.put(row);
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(new Error(tx.error?.message ?? 'transaction failed'));
  });
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

/** A fresh desk database holding the settings and the one incident the benchmark logs into. */
async function openBenchDesk(dbName: string, n: number, idPrefix: string) {
  const db = new DeskDatabase(dbName);
  let seq = 0;
  const { useCases: repos, feed } = createDeskCore({ db, gen: () => `${idPrefix}-${(seq += 1)}`, sha256: sha256Hex });
  const actor = { operator: 'Benchmark', now: START + 15 * 24 * 3_600_000 };
  await repos.settings.save(
    { cityName: 'Benchmark City', operatorName: 'Benchmark', defaultTimeZone: 'Europe/Oslo' },
    actor,
  );
  const incident = await written(
    repos.incidents.create(
      {
        title: `Benchmark incident (${n} entries)`,
        kind: 'attack',
        startAt: START,
        timeZone: 'Europe/Oslo',
        location: 'Market Square',
        description: '',
      },
      actor,
    ),
  );
  return { db, repos, feed, actor, incident };
}

/** `importOnly`: the import and the bare IndexedDB puts it is compared with, nothing after them. */
async function runSize(n: number, dbName: string, importOnly = false) {
  await dropDatabase(dbName);
  const { db, repos, feed, actor, incident } = await openBenchDesk(dbName, n, String(n));
  const rows = contents(n);

  console.log(`${dbName}: importing ${n}`);
  const t0 = performance.now();
  const logged = await repos.timeline.append(incident.id, rows, actor);
  if (!logged.ok) throw new Error(`the benchmark's entries were not logged (${logged.error.code})`);
  const importMs = performance.now() - t0;

  const tables = {
    timelineEntries: await db.timelineEntries.where('incidentId').equals(incident.id).toArray(),
    timelineRevisions: await db.timelineRevisions.where('incidentId').equals(incident.id).toArray(),
    timelineOrder: await db.timelineOrder.toArray(),
  };
  console.log(`${dbName}: raw put`);
  const rawMs = await rawPut(`${dbName}-raw`, tables);
  if (importOnly) {
    db.close();
    await dropDatabase(dbName);
    await dropDatabase(`${dbName}-raw`);
    return { entries: n, incidentId: incident.id, importMs, rawPutMs: rawMs, ratio: importMs / rawMs };
  }
  console.log(`${dbName}: queries`);

  const filter = {
    ...EMPTY_FILTER,
    from: START + 2 * 86_400_000,
    to: START + 9 * 86_400_000,
    categories: ['decision' as const],
    tags: ['traffic'],
  };
  const queryTimes: number[] = [];
  let matched = 0;
  const orderCache = createTimelineOrderCache({ store: repos.timeline, readOrder: (id) => readOrder(db, id), feed });
  const o0 = performance.now();
  await orderCache.get(incident.id);
  const orderLoadMs = performance.now() - o0;
  for (let i = 0; i < 15; i += 1) {
    const q0 = performance.now();
    matched = (await queryTimeline(db, incident.id, filter, null, await orderCache.get(incident.id))).length;
    queryTimes.push(performance.now() - q0);
  }
  const search = createTimelineSearch(repos.timeline, { dbName });
  const b0 = performance.now();
  await search.search(incident.id, 'warmup');
  const indexBuildMs = performance.now() - b0;
  // The next session: the index kept by this one is read back (in a new worker) and searched.
  const kept = createSearchCache(searchCacheName(dbName));
  for (let tries = 0; tries < 600 && !(await kept.load(incident.id)); tries += 1)
    await new Promise((r) => setTimeout(r, 100));
  const nextSession = createTimelineSearch(repos.timeline, { dbName });
  const w0 = performance.now();
  await nextSession.search(incident.id, 'warmup');
  const indexKeptLoadMs = performance.now() - w0;
  const searchTimes: number[] = [];
  let hits = 0;
  for (let i = 0; i < 15; i += 1) {
    const s0 = performance.now();
    hits = (await search.search(incident.id, i % 2 ? 'vigil mosque' : 'ambulance')).ids.size;
    searchTimes.push(performance.now() - s0);
  }
  // The after-action record as the export worker makes it: gathered (each row read once), chain
  // walked over the rows read, built and sealed; then the whole package, format by format.
  console.log(`${dbName}: record`);
  const fonts = {
    regular: new Uint8Array(await (await fetch(regularFontUrl)).arrayBuffer()),
    bold: new Uint8Array(await (await fetch(boldFontUrl)).arrayBuffer()),
  };
  const record = async (profile: AudienceProfile) => {
    const r0 = performance.now();
    const source = await repos.record.collect(incident.id);
    if (!source) throw new Error('incident vanished');
    const collectMs = performance.now() - r0;
    const verifier = createChainVerifier(incident.id, sha256Hex);
    await verifier.push(source.revisions);
    const chain = verifier.finish(source.entries);
    const chainMs = performance.now() - r0 - collectMs;
    const { record: sealed, text } = await sealRecordText(
      buildRecord(source, {
        profile,
        sections: RECORD_SECTIONS,
        withheldNames: [],
        includeContactDetails: false,
        exportedBy: 'Benchmark',
        now: actor.now,
        appVersion: 'bench',
        chain,
      }),
      sha256Hex,
    );
    const buildMs = performance.now() - r0;
    const steps: Partial<Record<PackageStep, number>> = {};
    let last = performance.now();
    let current = null as PackageStep | null;
    const built = await makeRecordPackage(sealed, {
      base: 'bench',
      text,
      fonts,
      sha256Bytes,
      step: (step) => {
        const now = performance.now();
        if (current) steps[current] = now - last;
        current = step;
        last = now;
      },
    });
    if (current) steps[current] = performance.now() - last;
    const packageMs = performance.now() - r0;
    const size = (role: string) => (built.files.find((f) => f.role === role)?.bytes.byteLength ?? 0) / 2 ** 20;
    return {
      profile,
      collectMs,
      chainMs,
      recordBuildMs: buildMs,
      steps,
      packageMs,
      sizes: {
        jsonMB: size('record'),
        pdfMB: size('report-pdf'),
        docxMB: size('report-docx'),
        csvMB: size('timeline-csv'),
        zipMB: built.zip.byteLength / 2 ** 20,
      },
    };
  };
  const internal = await record('internal');
  const council = await record('council');
  db.close();
  // Free the disk and memory before the next size.
  await dropDatabase(dbName);
  await dropDatabase(searchCacheName(dbName));
  await dropDatabase(`${dbName}-raw`);
  return {
    entries: n,
    incidentId: incident.id,
    record: { internal, council },
    orderLoadMs,
    importMs,
    rawPutMs: rawMs,
    ratio: importMs / rawMs,
    queryMedianMs: median(queryTimes),
    queryMatched: matched,
    indexBuildMs,
    indexKeptLoadMs,
    searchMedianMs: median(searchTimes),
    searchHits: hits,
  };
}

declare global {
  interface Window {
    bench: { runSize: typeof runSize; seedApp: (n: number) => Promise<string>; dropSearchCache: () => Promise<void> };
  }
}

window.bench = {
  runSize,
  /** Forgets the search index kept between sessions, so the next opening builds it from the entries. */
  dropSearchCache: () => dropDatabase(searchCacheName(DB_NAME)),
  /** Fills the app's own database (the one the desk opens) for the UI measurements. */
  seedApp: async (n: number) => {
    await dropDatabase(DB_NAME);
    await dropDatabase(searchCacheName(DB_NAME));
    const { db, repos, actor, incident } = await openBenchDesk(DB_NAME, n, 'app');
    const logged = await repos.timeline.append(incident.id, contents(n), actor);
    if (!logged.ok) throw new Error(`the benchmark's entries were not logged (${logged.error.code})`);
    db.close();
    return incident.id;
  },
};

/** Times each part of the filtered query, for finding where the time goes. */
export async function profileQuery(dbName: string, incidentId: string): Promise<Record<string, number>> {
  const db = new DeskDatabase(dbName);
  const lo = START + 2 * 86_400_000;
  const hi = START + 9 * 86_400_000;
  const time = async (f: () => Promise<unknown>) => {
    const t = performance.now();
    await f();
    return performance.now() - t;
  };
  const out = {
    orderKeys: await time(() =>
      db.timelineOrder
        .where('[incidentId+occurredAt+id]')
        .between([incidentId, lo, ''], [incidentId, hi, '\uffff'])
        .primaryKeys(),
    ),
    category: await time(() =>
      db.timelineEntries
        .where('[incidentId+category+occurredAt]')
        .between([incidentId, 'decision', lo], [incidentId, 'decision', hi])
        .primaryKeys(),
    ),
    tag: await time(() => db.timelineEntries.where('tags').equals('traffic').primaryKeys()),
  };
  db.close();
  return out;
}
(window.bench as unknown as Record<string, unknown>)['profileQuery'] = profileQuery;

/**
 * Reading and checking a timeline CSV as the import does (in its worker): a Windows-1252 file
 * with US dates and times, n rows, into an America/Chicago incident.
 */
export function csvImportCheck(n: number): {
  rows: number;
  bytes: number;
  readMs: number;
  checkMs: number;
  importable: number;
} {
  const r = rng(7);
  const lines = ['Date,Time,Event,Source,Category'];
  for (let i = 0; i < n; i += 1) {
    const at = new Date(START + Math.floor(r() * 14 * 24 * 60) * 60_000);
    const h = at.getUTCHours();
    lines.push(
      `${at.getUTCMonth() + 1}/${at.getUTCDate()}/${at.getUTCFullYear()},${h % 12 || 12}:${String(at.getUTCMinutes()).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'},Réunion à la mairie n° ${i + 1},${SOURCES[i % SOURCES.length] ?? ''},decision`,
    );
  }
  // Latin-1 letters only, so each character is its Windows-1252 byte.
  const text = lines.join('\r\n');
  const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
  const t0 = performance.now();
  const file = readImportFile(bytes);
  const readMs = performance.now() - t0;
  if (!file.ok) throw new Error('the benchmark file did not read');
  const t1 = performance.now();
  const checked = analyseImport(
    file.value.table,
    { mapping: file.value.suggestedMapping, dateOrder: 'month-first', ambiguity: {} },
    { timeZone: 'America/Chicago', incidentStart: START, now: START + 30 * 86_400_000, existing: new Map() },
  );
  const checkMs = performance.now() - t1;
  return { rows: n, bytes: bytes.length, readMs, checkMs, importable: checked.ok ? checked.value.rows.length : 0 };
}
(window.bench as unknown as Record<string, unknown>)['csvImportCheck'] = csvImportCheck;

/** What `step` returned, and how many milliseconds it took. */
async function time<T>(step: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const v = await step();
  return [v, performance.now() - t];
}

/** Times each step of reading a kept search index back, for finding where the time goes. */
export async function profileSearchLoad(incidentId: string): Promise<Record<string, number>> {
  const cache = createSearchCache(searchCacheName(DB_NAME));
  const [kept, loadMs] = await time(() => cache.load(incidentId));
  if (!kept) return { loadMs, missing: 1 };
  const [, indexMs] = await time(() => TimelineTextIndex.fromTexts(kept.ids, kept.texts));
  const db = new DeskDatabase(DB_NAME);
  const [, openMs] = await time(() => db.open());
  const [, revisionMs] = await time(() =>
    db.timelineRevisions.where('[incidentId+chainSeq]').equals([incidentId, kept.syncedSeq]).first(),
  );
  db.close();
  const [, workerMs] = await time(async () => {
    const search = createTimelineSearch(
      createDeskCore({ db: new DeskDatabase(DB_NAME), gen: () => 'x', sha256: sha256Hex }).useCases.timeline,
    );
    await search.search(incidentId, 'ambulance');
  });
  return { loadMs, indexMs, openMs, revisionMs, workerMs, entries: kept.ids.length };
}
(window.bench as unknown as Record<string, unknown>)['profileSearchLoad'] = profileSearchLoad;

/** Where the time of an index built from the entries goes: reading them, and folding their text. */
export async function profileColdIndex(incidentId: string): Promise<Record<string, number>> {
  const db = new DeskDatabase(DB_NAME);
  await db.open();
  // For comparison: the keys first, then each entry by its key.
  const [, byKeyMs] = await time(async () => {
    const keys = await db.timelineEntries
      .where('[incidentId+occurredAt]')
      .between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey])
      .primaryKeys();
    for (let i = 0; i < keys.length; i += 5000) await db.timelineEntries.bulkGet(keys.slice(i, i + 5000));
  });
  const all: TimelineEntry[] = [];
  const [, pagesMs] = await time(() =>
    createTimelineRepo(db, sha256Hex).forEachPage(incidentId, (page) => void all.push(...page)),
  );
  const [, foldMs] = await time(() => all.map((e) => searchableText(e)));
  db.close();
  return { entries: all.length, byKeyMs, pagesMs, foldMs };
}
(window.bench as unknown as Record<string, unknown>)['profileColdIndex'] = profileColdIndex;
(window.bench as unknown as Record<string, unknown>)['teamJoin'] = teamJoin;
