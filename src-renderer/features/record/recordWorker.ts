// Builds an after-action record and its export package off the UI thread: a 100,000-entry
// timeline is read once, its chain walked, the record assembled and sealed, then every format
// (JSON, PDF, DOCX, CSV, calendar) written from that one record and packed with its manifest,
// while the window stays responsive.
import boldFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import regularFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';

import { buildRecord, type RecordOptions } from '@shared/domain/record/buildRecord';
import type { Manifest, PackageFile } from '@shared/domain/record/exportPackage';
import {
  sealRecordText,
  withSignedRecords,
  type RecordFile,
  type UnsealedRecord,
  type UnsealedRecordV3,
} from '@shared/domain/record/recordFile';
import { makeRecordPackage, packageStepWords } from '@shared/domain/record/recordPackage';
import { createChainVerifier, verifiedHead } from '@shared/domain/timeline/chain';

import { openDeskForReading } from '../../desk/core';
import { sha256Bytes, sha256Hex } from '../../lib/sha256';
import { t } from '../../i18n/messages';

export type RecordWorkerRequest = {
  incidentId: string;
  options: Omit<RecordOptions, 'chain' | 'headsProblem'>;
  base: string;
};
export type RecordWorkerMessage =
  | { type: 'progress'; step: string; fraction: number }
  | {
      type: 'done';
      preview: RecordFile;
      name: string;
      zip: Uint8Array;
      files: PackageFile[];
      manifest: Manifest;
      head: { chainSeq: number; hash: string } | null;
      entries: number;
    }
  | { type: 'failed'; message: string };

const PREVIEW_ENTRIES = 300;
const CHAIN_PAGE = 5000;

type WorkerScope = {
  postMessage: (m: RecordWorkerMessage, transfer?: Transferable[]) => void;
  onmessage: ((e: MessageEvent<RecordWorkerRequest>) => void) | null;
};
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  void run(event.data).catch((e: unknown) =>
    scope.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) }),
  );
};

const progress = (step: string, fraction: number) => scope.postMessage({ type: 'progress', step, fraction });

async function fontBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(t('record.worker.fontFailed', { status: response.status }));
  return new Uint8Array(await response.arrayBuffer());
}

async function run({ incidentId, options, base }: RecordWorkerRequest): Promise<void> {
  const desk = openDeskForReading('The record worker');
  const fonts = Promise.all([fontBytes(regularFontUrl), fontBytes(boldFontUrl)]);
  progress(t('record.worker.reading'), 0);
  const source = await desk.useCases.record.collect(incidentId);
  if (!source) throw new Error(t('record.worker.gone'));
  // The chain is walked over the revisions just read: each row is read once.
  const verifier = createChainVerifier(incidentId, sha256Hex);
  const total = source.revisions.length;
  for (let from = 0; from < total; from += CHAIN_PAGE) {
    progress(t('record.worker.chain', { from, total }), 0.05 + 0.25 * (from / Math.max(1, total)));
    if (!(await verifier.push(source.revisions.slice(from, from + CHAIN_PAGE)))) break;
  }
  const chain = verifier.finish(source.entries);
  const locale = (await desk.useCases.settings.get())?.locale;
  const headsProblem = chain.ok
    ? await desk.useCases.publishedHeads.check(incidentId, verifiedHead(chain).chainSeq, source.incident.timeZone)
    : null;
  progress(t('record.worker.assembling'), 0.32);
  const built2 = buildRecord(source, { ...options, chain, headsProblem });
  // The internal edition, which holds the whole timeline word for word, carries the desks' signed
  // records and their roster (format 3), so anyone can check who wrote what.
  const signed =
    built2.profile === 'internal' && built2.content.timeline && built2.integrity.chainComplete
      ? await desk.useCases.record.signedSection(incidentId)
      : null;
  desk.close();
  const { record, text } = await sealRecordText<UnsealedRecord | UnsealedRecordV3>(
    signed ? withSignedRecords(built2, signed) : built2,
    sha256Hex,
  );
  const [regular, bold] = await fonts;
  const built = await makeRecordPackage(record, {
    base,
    text,
    locale,
    fonts: { regular, bold },
    sha256Bytes,
    step: (step, index, of) => progress(packageStepWords(step), 0.4 + 0.6 * (index / of)),
  });
  const timeline = record.content.timeline;
  const shown = timeline?.entries.slice(0, PREVIEW_ENTRIES);
  const shownIds = new Set(shown?.map((e) => e.id));
  // The preview shows what formats 2 and 3 share; the signed records stay in the file only.
  const { signed: _signed, ...shared } = { signed: null, ...record };
  const preview: RecordFile = {
    ...(shared as RecordFile),
    content: {
      ...record.content,
      ...(timeline &&
        shown && {
          timeline: { entries: shown, revisions: timeline.revisions.filter((r) => shownIds.has(r.entryId)) },
        }),
    },
  };
  const head = chain.ok && headsProblem === null ? verifiedHead(chain) : null;
  scope.postMessage(
    {
      type: 'done',
      preview,
      name: built.name,
      zip: built.zip,
      files: built.files,
      manifest: built.manifest,
      head,
      entries: timeline?.entries.length ?? 0,
    },
    [built.zip.buffer as ArrayBuffer],
  );
}
