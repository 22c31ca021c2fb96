import { strToU8 } from 'fflate';

import { milestoneFrom, milestonesCalendar, type Milestone } from '../checklists/calendar';
import { timelineToCsv } from '../timeline/csv';
import { buildPackage, type Manifest, type PackageFile, type Sha256Bytes } from './exportPackage';
import type { DeskLocale } from '../locale/deskLocale';
import { recordDocxBytes } from './recordDocx';
import type { RecordFile, RecordFileV3 } from './recordFile';
import { recordPdfBytes, type PdfFonts } from './recordPdf';
import { format } from '../../i18n/format';

/** The package's files, named after the package: "after-action-…-council-2026-11-24-1530.json". */
export const packageNames = (base: string) => ({
  zip: `${base}.zip`,
  json: `${base}.json`,
  pdf: `${base}.pdf`,
  docx: `${base}.docx`,
  csv: `${base}-timeline.csv`,
  ics: `${base}-milestones.ics`,
});

export type PackageStep = 'json' | 'pdf' | 'docx' | 'csv' | 'ics' | 'zip';
/** "Laying out the PDF": what a step of making the package is doing, for its progress bar. */
export function packageStepWords(step: PackageStep): string {
  return format('record.package.step', { step });
}

export type BuiltPackage = { name: string; zip: Uint8Array; manifest: Manifest; files: PackageFile[] };

/** The record's milestones, as the calendar file needs them. */
export function recordMilestones(record: RecordFile): Milestone[] {
  return (record.content.checklists ?? []).flatMap((p) =>
    p.items.map((i) => milestoneFrom(i, { offsetLabel: i.offset, sourceLine: i.source })),
  );
}

/**
 * Every format of ONE sealed record, and the package that ties them together: the JSON first,
 * so the reports can print its file name and SHA-256; then the PDF, the Word document, the
 * timeline CSV and, when the record has dated milestones, the calendar file; then the zip with
 * its manifest. `step` is told before each part (for a progress bar) and may throw to cancel.
 */
export async function makeRecordPackage(
  sealed: RecordFile | RecordFileV3,
  deps: {
    base: string;
    fonts: PdfFonts;
    sha256Bytes: Sha256Bytes;
    text?: string;
    locale?: DeskLocale | undefined;
    step?: (step: PackageStep, index: number, of: number) => void | Promise<void>;
  },
): Promise<BuiltPackage> {
  // The reports read what formats 2 and 3 share (format 3 adds the signed records, which only the
  // JSON carries); the version they print is the record's own.
  const record = sealed as RecordFile;
  const names = packageNames(deps.base);
  const milestones = recordMilestones(record).filter(
    (m) => m.milestone && m.dueAt !== null && m.status !== 'not-applicable',
  );
  const steps: PackageStep[] = [
    'json',
    'pdf',
    'docx',
    ...(record.content.timeline ? (['csv'] as const) : []),
    ...(milestones.length > 0 ? (['ics'] as const) : []),
    'zip',
  ];
  const step = async (s: PackageStep) => deps.step?.(s, steps.indexOf(s), steps.length);

  await step('json');
  // The sealed record's canonical text when the caller has it (sealRecordText), else written here.
  const json = strToU8(deps.text ?? JSON.stringify(sealed));
  const jsonFile = { name: names.json, sha256: await deps.sha256Bytes(json) };
  const report = { jsonFile, packageName: names.zip, locale: deps.locale };
  const files: PackageFile[] = [{ name: names.json, role: 'record', bytes: json }];
  await step('pdf');
  files.push({ name: names.pdf, role: 'report-pdf', bytes: await recordPdfBytes(record, deps.fonts, report) });
  await step('docx');
  files.push({ name: names.docx, role: 'report-docx', bytes: await recordDocxBytes(record, report) });
  if (record.content.timeline) {
    await step('csv');
    files.push({
      name: names.csv,
      role: 'timeline-csv',
      bytes: strToU8(timelineToCsv(record.content.timeline.entries, record.content.incident.timeZone)),
    });
  }
  if (milestones.length > 0) {
    await step('ics');
    files.push({
      name: names.ics,
      role: 'milestones-ics',
      bytes: strToU8(
        milestonesCalendar(record.content.incident, milestones, {
          cityName: record.cityName,
          now: Date.parse(record.exportedAt),
        }),
      ),
    });
  }
  await step('zip');
  const built = await buildPackage(
    files,
    {
      checksum: record.checksum.value,
      profile: record.profile,
      formatVersion: record.formatVersion,
      exportedAt: record.exportedAt,
    },
    deps.sha256Bytes,
  );
  return { name: names.zip, zip: built.zip, manifest: built.manifest, files };
}
