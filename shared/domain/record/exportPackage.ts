import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { z } from 'zod';

// zod's own words come from the catalogue wherever a schema of the desk is checked.
import '../../i18n/zodMessages';

import type { Sha256Hex } from '../integrity/canonical';
import { err, ok, type Result } from '../result';
import type { Check } from './verifyRecord';
import type { Ed25519Verify } from '../signed/ed25519';
import { verifyRecordText } from './verifyRecord';
import { verifyAnyRecordText } from './verifySignedRecord';
import { format } from '../../i18n/format';

/**
 * FORMAT: the export package: one zip holding every format of one sealed record (the JSON, the
 * PDF, the Word document, the timeline CSV, the milestones calendar) and a manifest with each
 * file's size and SHA-256. The verifier, given the package, checks every file against the
 * manifest, then the record itself.
 */
export const PACKAGE_FORMAT = 'response-desk-package';
export const PACKAGE_FORMAT_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';

/** SHA-256 of raw bytes, hex: Web Crypto in the renderer, node:crypto in tools. */
export type Sha256Bytes = (bytes: Uint8Array) => Promise<string>;

export const PACKAGE_ROLES = ['record', 'report-pdf', 'report-docx', 'timeline-csv', 'milestones-ics'] as const;
export type PackageRole = (typeof PACKAGE_ROLES)[number];

/** A file name inside the package: a plain name, never a path. */
const FileNameSchema = z
  .string()
  .min(1)
  .max(200)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name may not hold
  .regex(/^[^/\\:*?"<>|\u0000-\u001f]+$/, 'must be a plain file name')
  .refine((n) => n !== '.' && n !== '..' && n !== MANIFEST_NAME, 'is not a name a package file may have');

export const ManifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
  createdAt: z.iso.datetime(),
  /** The record every file was made from: its file, and the checksum sealed inside it. */
  record: z.object({
    file: FileNameSchema,
    checksum: z.string().regex(/^[0-9a-f]{64}$/),
    profile: z.string(),
    formatVersion: z.number().int().positive(),
  }),
  files: z
    .array(
      z.object({
        name: FileNameSchema,
        role: z.enum(PACKAGE_ROLES),
        bytes: z.number().int().nonnegative(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .min(1)
    .max(20),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export type PackageFile = { name: string; role: PackageRole; bytes: Uint8Array };

/**
 * Zips the files with their manifest. Every entry carries the export's time, so the same record
 * always makes the same bytes.
 */
export async function buildPackage(
  files: readonly PackageFile[],
  record: { checksum: string; profile: string; formatVersion: number; exportedAt: string },
  sha256: Sha256Bytes,
): Promise<{ zip: Uint8Array; manifest: Manifest }> {
  const recordFile = files.find((f) => f.role === 'record');
  if (!recordFile) throw new Error('An export package holds its record.');
  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    createdAt: record.exportedAt,
    record: {
      file: recordFile.name,
      checksum: record.checksum,
      profile: record.profile,
      formatVersion: record.formatVersion,
    },
    files: await Promise.all(
      files.map(async (f) => ({
        name: f.name,
        role: f.role,
        bytes: f.bytes.byteLength,
        sha256: await sha256(f.bytes),
      })),
    ),
  };
  const mtime = new Date(record.exportedAt);
  const entries: Record<string, [Uint8Array, { level: 0 | 1; mtime: Date }]> = {};
  // The PDF and the DOCX are compressed already; the rest at the fastest level (a 100,000-entry JSON is 130 MB).
  for (const f of files)
    entries[f.name] = [f.bytes, { level: f.role === 'report-pdf' || f.role === 'report-docx' ? 0 : 1, mtime }];
  entries[MANIFEST_NAME] = [strToU8(`${JSON.stringify(manifest, null, 2)}\n`), { level: 1, mtime }];
  return { zip: zipSync(entries), manifest };
}

export type UnzipError = { code: 'not-a-zip'; detail: string } | { code: 'folder-inside'; name: string };

/** The files of a zipped package, by name; a folder inside is reported by its name. */
export function unzipPackage(bytes: Uint8Array): Result<Map<string, Uint8Array>, UnzipError> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (e) {
    return err({ code: 'not-a-zip', detail: e instanceof Error ? e.message : String(e) });
  }
  const files = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(entries)) {
    if (name.includes('/') || name.includes('\\')) return err({ code: 'folder-inside', name });
    files.set(name, data);
  }
  return ok(files);
}

export type PackageVerification = { ok: boolean; checks: Check[]; recordChecks: Check[]; manifest: Manifest | null };

/**
 * Checks a package as given: the manifest, then every file against it (changed, added or
 * removed files are named), then the record inside, and that the manifest names that record.
 */
export async function verifyPackageFiles(
  files: ReadonlyMap<string, Uint8Array>,
  sha256Bytes: Sha256Bytes,
  sha256Text: Sha256Hex,
  /** `verify` checks the signed records of a record of format 3 (without it, only formats 1 and 2 are read). */
  options: { record: boolean; verify?: Ed25519Verify } = { record: true },
): Promise<PackageVerification> {
  const checks: Check[] = [];
  const done = (recordChecks: Check[] = [], manifest: Manifest | null = null): PackageVerification => ({
    ok: checks.every((c) => c.ok) && recordChecks.every((c) => c.ok),
    checks,
    recordChecks,
    manifest,
  });
  const manifestBytes = files.get(MANIFEST_NAME);
  if (!manifestBytes) {
    checks.push({ name: MANIFEST_NAME, ok: false, detail: format('record.package.noManifest') });
    return done();
  }
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(manifestBytes));
  } catch (e) {
    checks.push({
      name: MANIFEST_NAME,
      ok: false,
      detail: format('record.package.manifestNotJson', { error: e instanceof Error ? e.message : String(e) }),
    });
    return done();
  }
  const parsed = ManifestSchema.strict().safeParse(raw);
  if (!parsed.success) {
    checks.push({
      name: MANIFEST_NAME,
      ok: false,
      detail: format('record.package.manifestInvalid', {
        issues: parsed.error.issues
          .slice(0, 3)
          .map((i) =>
            format('text.issue', {
              path: i.path.join('.') || format('record.package.wholeManifest'),
              message: i.message,
            }),
          )
          .join('; '),
      }),
    });
    return done();
  }
  const manifest = parsed.data;
  checks.push({
    name: MANIFEST_NAME,
    ok: true,
    detail: format('record.package.manifestOk', { files: manifest.files.length, createdAt: manifest.createdAt }),
  });
  const listed = new Set(manifest.files.map((f) => f.name));
  for (const f of manifest.files) {
    const bytes = files.get(f.name);
    if (!bytes) checks.push({ name: f.name, ok: false, detail: format('record.package.missing') });
    else {
      const hash = await sha256Bytes(bytes);
      checks.push(
        hash === f.sha256 && bytes.byteLength === f.bytes
          ? { name: f.name, ok: true, detail: format('record.verify.checksumOk', { hash }) }
          : { name: f.name, ok: false, detail: format('record.package.changed', { listed: f.sha256, found: hash }) },
      );
    }
  }
  for (const name of [...files.keys()].sort()) {
    if (name !== MANIFEST_NAME && !listed.has(name))
      checks.push({ name, ok: false, detail: format('record.package.added') });
  }
  const recordBytes = files.get(manifest.record.file);
  if (!recordBytes || !options.record) return done([], manifest);
  const text = strFromU8(recordBytes);
  const verified = options.verify
    ? await verifyAnyRecordText(text, sha256Text, { verify: options.verify })
    : await verifyRecordText(text, sha256Text);
  const recordChecks = verified.checks.map((c) => ({ ...c, name: `${manifest.record.file}: ${c.name}` }));
  if (verified.record && verified.record.checksum.value !== manifest.record.checksum) {
    recordChecks.push({
      name: `${manifest.record.file}: manifest`,
      ok: false,
      detail: format('record.package.otherChecksum', {
        record: verified.record.checksum.value,
        manifest: manifest.record.checksum,
      }),
    });
  }
  return done(recordChecks, manifest);
}
