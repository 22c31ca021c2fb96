import { z } from 'zod';

// zod's own words come from the catalogue wherever a schema of the desk is checked.
import '../i18n/zodMessages';

import { CHANNELS, type BridgeMethod, type Channel } from './channels';
import { format } from '../i18n/format';
import { teamContract } from './teamContract';

/**
 * THE contract between the renderer and the main process. Every channel has a request and a
 * response schema; main parses every request, the renderer parses every response.
 * SECURITY: there is no generic invoke: the preload exposes one method per channel below.
 */

/** Largest file the renderer may hand to main to write: a 100,000-entry record fits easily. */
export const MAX_SAVE_BYTES = 512 * 1024 * 1024;
/** Largest file main will read back for the renderer. */
export const MAX_OPEN_BYTES = 256 * 1024 * 1024;

export const FileFilterSchema = z.object({
  name: z.string().min(1).max(80),
  extensions: z
    .array(z.string().regex(/^[A-Za-z0-9]{1,10}$/, 'extension must be letters or digits'))
    .min(1)
    .max(10),
});
export type FileFilter = z.infer<typeof FileFilterSchema>;

// SECURITY: the renderer proposes a file name only; main picks the folder through the OS dialog.
const SuggestedNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((n) => !/[/\\]/.test(n) && n !== '.' && n !== '..', { error: () => format('validation.fileNameNotPath') });

export const SaveFileRequestSchema = z.object({
  suggestedName: SuggestedNameSchema,
  /** Text content (utf8) or binary content encoded as base64 (DOCX, PDF). */
  content: z.string().max(Math.ceil((MAX_SAVE_BYTES * 4) / 3)),
  encoding: z.enum(['utf8', 'base64']),
  filters: z.array(FileFilterSchema).max(10),
  title: z.string().max(120).optional(),
});
export type SaveFileRequest = z.infer<typeof SaveFileRequestSchema>;

export const SaveFileResponseSchema = z.object({
  /** Where the file was written, or null when the person cancelled the dialog. */
  savedTo: z.string().nullable(),
});
export type SaveFileResponse = z.infer<typeof SaveFileResponseSchema>;

export const OpenFileRequestSchema = z.object({
  filters: z.array(FileFilterSchema).max(10),
  maxBytes: z.number().int().positive().max(MAX_OPEN_BYTES),
  title: z.string().max(120).optional(),
});
export type OpenFileRequest = z.infer<typeof OpenFileRequestSchema>;

export const OpenFileResponseSchema = z.object({
  /**
   * The chosen file, or null when the person cancelled the dialog.
   * FORMAT: the file's bytes exactly as on disk, in base64: main does not guess how the text is
   * encoded (a spreadsheet from Excel on Windows is Windows-1252, not UTF-8); the renderer does.
   */
  file: z
    .object({
      name: z.string(),
      base64: z
        .string()
        .max(Math.ceil((MAX_OPEN_BYTES * 4) / 3) + 4)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64'),
      size: z.number().int().nonnegative(),
    })
    .nullable(),
});
export type OpenFileResponse = z.infer<typeof OpenFileResponseSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** The folder holding the desk's data (IndexedDB, backups). */
  dataDir: z.string(),
  /** Free space on the disk holding dataDir, when it can be read. */
  freeDiskBytes: z.number().nonnegative().nullable(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/**
 * How many automatic backups main keeps: the newest few, then one a day for a month.
 * SECURITY: main keeps the policy and rotates by it; the renderer may only ask to change it,
 * within these bounds, so no single call can leave the desk with fewer than the floor.
 */
export const BACKUP_POLICY_BOUNDS = {
  keepLast: { min: 3, max: 500 },
  keepDailyForDays: { min: 7, max: 3650 },
} as const;
export const BackupPolicySchema = z.strictObject({
  keepLast: z.number().int().min(BACKUP_POLICY_BOUNDS.keepLast.min).max(BACKUP_POLICY_BOUNDS.keepLast.max),
  keepDailyForDays: z
    .number()
    .int()
    .min(BACKUP_POLICY_BOUNDS.keepDailyForDays.min)
    .max(BACKUP_POLICY_BOUNDS.keepDailyForDays.max),
  /**
   * SECURITY: when on, main writes only passphrase-encrypted automatic backups (age armor) and
   * refuses one in clear. A policy file written before encryption existed reads as off.
   */
  encrypted: z.boolean().default(false),
});
export type BackupPolicy = z.infer<typeof BackupPolicySchema>;
export const DEFAULT_BACKUP_POLICY: BackupPolicy = { keepLast: 12, keepDailyForDays: 30, encrypted: false };

// SECURITY: a backup is named by main; the renderer may only point at one of those names.
export const BackupNameSchema = z
  .string()
  .regex(/^auto-\d{8}-\d{6}-\d{3}(-[a-z-]{1,30})?\.json(\.age)?$/, 'is not the name of an automatic backup');

/** SECURITY: the content only; main checks it is a desk backup, names it and rotates by its own policy. */
export const AutoBackupRequestSchema = z.strictObject({
  content: z.string().min(2).max(MAX_SAVE_BYTES),
  /** Why this backup was made: kept in its name ("before-restore"). */
  reason: z
    .string()
    .regex(/^[a-z-]{1,30}$/)
    .optional(),
});
export const BackupInfoSchema = z.object({
  name: BackupNameSchema,
  createdAt: z.number().int().nonnegative(),
  size: z.number().int().nonnegative(),
  /** Named for a moment still ahead of the clock: written while the computer's clock ran fast. */
  datedAhead: z.boolean(),
});
export type BackupInfo = z.infer<typeof BackupInfoSchema>;

/**
 * An after-action record's export package: the zip the renderer packed from one sealed record.
 * Main checks every file against the package's manifest before writing it, atomically, where
 * the person chooses.
 */
export const SavePackageRequestSchema = z.object({
  /** `….zip`, or `….zip.age` for a package encrypted with the backup passphrase. */
  suggestedName: SuggestedNameSchema.refine((n) => /\.zip(\.age)?$/i.test(n), {
    error: () => format('validation.packageName'),
  }),
  zip: z
    .custom<Uint8Array>((v) => v instanceof Uint8Array, {
      error: () => format('validation.packageBytes'),
    })
    .refine((b) => b.byteLength > 0 && b.byteLength <= MAX_SAVE_BYTES, {
      message: `must be between 1 byte and ${MAX_SAVE_BYTES} bytes`,
    }),
  title: z.string().max(120).optional(),
});
export type SavePackageRequest = z.infer<typeof SavePackageRequestSchema>;

/**
 * The backup passphrase as the operating system's secure store keeps it (Electron's safeStorage),
 * when the person asked the desk to remember it. `available` is false where there is no such
 * store (the browser edition, or a Linux desktop without a keyring); `reason` says why in words.
 */
export const StoredPassphraseSchema = z.object({
  available: z.boolean(),
  reason: z.string().max(500).nullable(),
  passphrase: z.string().max(1024).nullable(),
  /** The remembered passphrase could not be read back (damaged file, another user's keyring). */
  problem: z.string().max(500).nullable(),
});
export type StoredPassphrase = z.infer<typeof StoredPassphraseSchema>;

type TeamMethod = keyof typeof teamContract;

/** The team's schemas, each under its channel's name. */
const teamChannels = Object.fromEntries(
  Object.entries(teamContract).map(([method, schemas]) => [CHANNELS[method as TeamMethod], schemas]),
) as { [M in TeamMethod as (typeof CHANNELS)[M]]: (typeof teamContract)[M] };

export const ipcContract = {
  [CHANNELS.getAppInfo]: { request: z.undefined(), response: AppInfoSchema },
  [CHANNELS.saveFile]: { request: SaveFileRequestSchema, response: SaveFileResponseSchema },
  [CHANNELS.openFile]: { request: OpenFileRequestSchema, response: OpenFileResponseSchema },
  [CHANNELS.writeAutoBackup]: {
    request: AutoBackupRequestSchema,
    response: z.object({ written: BackupInfoSchema, removed: z.array(BackupNameSchema) }),
  },
  [CHANNELS.getBackupPolicy]: { request: z.undefined(), response: BackupPolicySchema },
  [CHANNELS.setBackupPolicy]: { request: BackupPolicySchema, response: BackupPolicySchema },
  [CHANNELS.listBackups]: {
    request: z.undefined(),
    response: z.object({ folder: z.string(), backups: z.array(BackupInfoSchema) }),
  },
  [CHANNELS.readBackup]: { request: z.object({ name: BackupNameSchema }), response: z.object({ text: z.string() }) },
  // The page that asks is printed as it stands (its print stylesheet applies), then saved.
  [CHANNELS.savePdf]: {
    request: z.object({
      suggestedName: SuggestedNameSchema,
      title: z.string().max(120).optional(),
      landscape: z.boolean().optional(),
    }),
    response: SaveFileResponseSchema,
  },
  [CHANNELS.savePackage]: { request: SavePackageRequestSchema, response: SaveFileResponseSchema },
  [CHANNELS.getStoredPassphrase]: { request: z.undefined(), response: StoredPassphraseSchema },
  // SECURITY: only something a person could have typed as a passphrase is stored.
  [CHANNELS.rememberPassphrase]: {
    request: z.strictObject({ passphrase: z.string().min(1).max(1024) }),
    response: z.object({ remembered: z.literal(true) }),
  },
  [CHANNELS.forgetPassphrase]: { request: z.undefined(), response: z.object({ forgotten: z.boolean() }) },
  ...teamChannels,
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

export type RequestOf<C extends Channel> = z.input<(typeof ipcContract)[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<(typeof ipcContract)[C]['response']>;

/** Closed set of failures a handler reports; the renderer turns each into words. */
export const IpcErrorSchema = z.object({
  code: z.enum(['forbidden', 'invalid-request', 'too-large', 'io-failed', 'internal']),
  message: z.string(),
});
export type IpcError = z.infer<typeof IpcErrorSchema>;

/** FORMAT: every reply across IPC is wrapped; handlers never throw across the boundary. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export function ipcResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: IpcErrorSchema }),
  ]);
}

/** The object the preload puts on `window.desk`: one method per channel, nothing else. */
export type DeskBridge = {
  [M in BridgeMethod]: (
    request: RequestOf<(typeof CHANNELS)[M]>,
  ) => Promise<IpcResult<ResponseOf<(typeof CHANNELS)[M]>>>;
};

/** Turns a zod failure into one readable line per problem: "suggestedName: must be a file name". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) =>
      i.path.length > 0 ? format('text.issue', { path: i.path.map(String).join('.'), message: i.message }) : i.message,
    )
    .join('; ');
}
