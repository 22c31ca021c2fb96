// The team's file on a USB stick: a working copy of a Corestore (its files, packed), encrypted with
// a key derived from the team secret. One file, written atomically, rather than a Corestore opened
// on the stick itself: on FAT/exFAT there are no extended attributes and inode numbers change from
// one mount to the next, so Corestore's device file takes a stick carried to another laptop for a
// copied store and refuses it; RocksDB's many files and renames are not atomic there; and a stick
// pulled mid-write must leave the previous copy whole. The stick also never holds records in clear.
import sodium from 'sodium-native';
import { z } from 'zod';

import { err, ok, type Result } from '@shared/domain/result';
import { format } from '@shared/i18n/format';

/** FORMAT: the first 8 bytes of every team sync file. */
export const ARCHIVE_MAGIC = Buffer.from('RDTSYNC1', 'ascii');
/** Plaintext per encrypted chunk. */
const CHUNK_BYTES = 1024 * 1024;
const ABYTES = sodium.crypto_secretstream_xchacha20poly1305_ABYTES;
const HEADERBYTES = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES;
/** Nothing the desk writes comes near this; a larger file is not ours or is a trap. */
export const MAX_ARCHIVE_BYTES = 2 * 1024 * 1024 * 1024;

export type ArchiveFile = { path: string; bytes: Uint8Array };

export type ArchiveError = {
  code: 'not-archive' | 'wrong-key-or-damaged' | 'incomplete' | 'damaged';
  message: string;
};

/** Store files are `db/<name>`: letters, digits, dot, dash, underscore; nothing that climbs out. */
const SAFE_PATH = /^db\/[A-Za-z0-9._-]{1,100}$/;

const ManifestSchema = z
  .object({
    format: z.literal('response-desk/team-sync'),
    version: z.literal(1),
    files: z
      .array(z.object({ path: z.string().regex(SAFE_PATH), size: z.number().int().nonnegative() }).strict())
      .max(10_000),
  })
  .strict();

/**
 * FORMAT: the plaintext inside the encryption: a 4-byte little-endian length, a UTF-8 JSON manifest
 * {"format":"response-desk/team-sync","version":1,"files":[{"path":"db/CURRENT","size":16},…]},
 * then each file's bytes in manifest order.
 */
export function packContainer(files: readonly ArchiveFile[]): Buffer {
  const manifest = Buffer.from(
    JSON.stringify({
      format: 'response-desk/team-sync',
      version: 1,
      files: files.map((file) => ({ path: file.path, size: file.bytes.byteLength })),
    }),
    'utf8',
  );
  const head = Buffer.alloc(4);
  head.writeUInt32LE(manifest.byteLength, 0);
  return Buffer.concat([
    head,
    manifest,
    ...files.map((file) => Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength)),
  ]);
}

export function unpackContainer(plain: Buffer): Result<ArchiveFile[], ArchiveError> {
  const damaged = (why: string): Result<ArchiveFile[], ArchiveError> =>
    err({ code: 'damaged', message: format('team.stick.contentsDamaged', { reason: why }) });
  if (plain.byteLength < 4) return damaged(format('team.stick.damage.noManifest'));
  const manifestLength = plain.readUInt32LE(0);
  if (manifestLength > plain.byteLength - 4) return damaged(format('team.stick.damage.manifestCut'));
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain.subarray(4, 4 + manifestLength)));
  } catch {
    return damaged(format('team.stick.damage.manifestNotJson'));
  }
  const manifest = ManifestSchema.safeParse(json);
  if (!manifest.success)
    return damaged(
      manifest.error.issues
        .map((i) => format('text.issue', { path: i.path.map(String).join('.'), message: i.message }))
        .slice(0, 3)
        .join('; '),
    );
  const paths = new Set<string>();
  const files: ArchiveFile[] = [];
  let offset = 4 + manifestLength;
  for (const file of manifest.data.files) {
    if (paths.has(file.path)) return damaged(format('team.stick.damage.fileTwice', { path: file.path }));
    paths.add(file.path);
    if (offset + file.size > plain.byteLength) return damaged(format('team.stick.damage.fileCut', { path: file.path }));
    files.push({ path: file.path, bytes: plain.subarray(offset, offset + file.size) });
    offset += file.size;
  }
  if (offset !== plain.byteLength) return damaged(format('team.stick.damage.trailingBytes'));
  return ok(files);
}

/**
 * FORMAT: "RDTSYNC1", the 24-byte libsodium secretstream (XChaCha20-Poly1305) header, then chunks,
 * each a 4-byte little-endian ciphertext length and the ciphertext of up to 1 MiB of plaintext,
 * with the magic as associated data; the last chunk carries the FINAL tag, so a file cut short
 * anywhere is detected.
 */
export function sealArchive(files: readonly ArchiveFile[], key: Buffer): Buffer {
  const plain = packContainer(files);
  const state = Buffer.alloc(sodium.crypto_secretstream_xchacha20poly1305_STATEBYTES);
  const header = Buffer.alloc(HEADERBYTES);
  sodium.crypto_secretstream_xchacha20poly1305_init_push(state, header, key);
  const parts: Buffer[] = [ARCHIVE_MAGIC, header];
  for (let offset = 0; offset < plain.byteLength || offset === 0; offset += CHUNK_BYTES) {
    const chunk = plain.subarray(offset, offset + CHUNK_BYTES);
    const last = offset + CHUNK_BYTES >= plain.byteLength;
    const cipher = Buffer.alloc(chunk.byteLength + ABYTES);
    sodium.crypto_secretstream_xchacha20poly1305_push(
      state,
      cipher,
      chunk,
      ARCHIVE_MAGIC,
      last
        ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
        : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE,
    );
    const length = Buffer.alloc(4);
    length.writeUInt32LE(cipher.byteLength, 0);
    parts.push(length, cipher);
    if (last) break;
  }
  return Buffer.concat(parts);
}

export function openArchive(bytes: Buffer, key: Buffer): Result<ArchiveFile[], ArchiveError> {
  if (
    bytes.byteLength < ARCHIVE_MAGIC.byteLength ||
    !bytes.subarray(0, ARCHIVE_MAGIC.byteLength).equals(ARCHIVE_MAGIC)
  ) {
    return err({
      code: 'not-archive',
      message: format('team.stick.notTeamFile'),
    });
  }
  const incomplete: Result<ArchiveFile[], ArchiveError> = err({
    code: 'incomplete',
    message: format('team.stick.incomplete'),
  });
  if (bytes.byteLength < ARCHIVE_MAGIC.byteLength + HEADERBYTES) return incomplete;
  const state = Buffer.alloc(sodium.crypto_secretstream_xchacha20poly1305_STATEBYTES);
  sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, bytes.subarray(8, 8 + HEADERBYTES), key);
  const plainParts: Buffer[] = [];
  const tag = Buffer.alloc(1);
  let offset = 8 + HEADERBYTES;
  let first = true;
  for (;;) {
    if (offset + 4 > bytes.byteLength) return incomplete;
    const length = bytes.readUInt32LE(offset);
    offset += 4;
    if (length < ABYTES || length > CHUNK_BYTES + ABYTES)
      return err({ code: 'damaged', message: format('team.stick.chunkLength') });
    if (offset + length > bytes.byteLength) return incomplete;
    const plain = Buffer.alloc(length - ABYTES);
    try {
      sodium.crypto_secretstream_xchacha20poly1305_pull(
        state,
        plain,
        tag,
        bytes.subarray(offset, offset + length),
        ARCHIVE_MAGIC,
      );
    } catch {
      return err(
        first
          ? {
              code: 'wrong-key-or-damaged',
              message: format('team.stick.wrongKey'),
            }
          : { code: 'damaged', message: format('team.stick.chunkIntegrity') },
      );
    }
    first = false;
    offset += length;
    plainParts.push(plain);
    if (tag[0] === sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL) break;
  }
  if (offset !== bytes.byteLength) return err({ code: 'damaged', message: format('team.stick.trailingBytes') });
  return unpackContainer(Buffer.concat(plainParts));
}
