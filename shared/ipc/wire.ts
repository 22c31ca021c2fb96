import { fromByteArray, toByteArray } from 'base64-js';

import { CHANNELS, type Channel } from './channels';
import { MAX_SAVE_BYTES } from './contract';

/**
 * The contract over a local HTTP connection (the browser edition): `POST /ipc/<channel>` with the
 * request as the body, the `IpcResult` as the reply, on the page's own origin.
 */

/** FORMAT: every call is `POST` to this prefix followed by the channel name (`/ipc/backup:list`). */
export const IPC_PATH_PREFIX = '/ipc/';

/** FORMAT: the header carrying the per-launch secret on every call. */
export const LOCAL_TOKEN_HEADER = 'x-desk-token';

/**
 * FORMAT: the `<meta name>` the server puts into the page it serves, holding the per-launch secret.
 * SECURITY: in the page, never in a URL: addresses end up in history, logs and Referer headers.
 */
export const LOCAL_TOKEN_META = 'desk-local-token';

/**
 * FORMAT: end-to-end runs only: how many milliseconds the page counts as one minute of its backup
 * schedule. The server adds this tag only when started for the end-to-end tests (`DESK_E2E=1`).
 */
export const TEST_MINUTE_META = 'desk-test-minute-ms';

/** Largest request body for channels that carry no file: a policy, a backup's name. */
export const SMALL_REQUEST_BYTES = 64 * 1024;

/** Channels whose request carries a whole file: a backup, a saved file, an export package. */
const FILE_CARRYING: ReadonlySet<Channel> = new Set([
  CHANNELS.saveFile,
  CHANNELS.writeAutoBackup,
  CHANNELS.savePackage,
  // A batch of the desk's signed records on their way to the team engine.
  CHANNELS.teamPublish,
]);

/**
 * The most bytes a request body for `channel` may have before the server stops reading it: the
 * contract's file limit for the channels that carry one, a small bound for all others.
 * SECURITY: checked while the body arrives, so a caller cannot make the server hold more.
 */
export function maxRequestBytes(channel: Channel): number {
  return FILE_CARRYING.has(channel) ? MAX_SAVE_BYTES : SMALL_REQUEST_BYTES;
}

/** FORMAT: how bytes (an export package's zip) travel inside the JSON body: `{"$bytes":"<base64>"}`. */
const BYTES_KEY = '$bytes';

/** The JSON text of a request or reply; byte arrays become `{"$bytes": base64}`. */
export function encodeWire(value: unknown): string {
  if (value === undefined) return 'null';
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? { [BYTES_KEY]: fromByteArray(v) } : v));
}

/**
 * Reads a body written by `encodeWire`. Throws on text that is not JSON (the caller answers in
 * words); what it returns is still `unknown` until the contract's schema has parsed it.
 */
export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const b64 = (v as Record<string, unknown>)[BYTES_KEY];
      if (keys.length === 1 && typeof b64 === 'string') return toByteArray(b64);
    }
    return v;
  }) as unknown;
}
