import { CHANNELS, type BridgeMethod } from '@shared/ipc/channels';
import type { DeskBridge } from '@shared/ipc/contract';
import {
  decodeWire,
  encodeWire,
  IPC_PATH_PREFIX,
  LOCAL_TOKEN_HEADER,
  LOCAL_TOKEN_META,
  TEST_MINUTE_META,
} from '@shared/ipc/wire';

import { t } from '../i18n/messages';

/** What the browser edition's server put into the page it served. */
export type LocalServerPage = {
  /** The per-launch secret every call carries. */
  token: string;
  /** End-to-end runs only: how long a minute of the backup schedule lasts; null otherwise. */
  minuteMs: number | null;
};

const metaContent = (doc: Document, name: string): string | null =>
  doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null;

/** The server's secret from the page, or null when the page was not served by the desk's own server. */
export function readLocalServerPage(doc: Document): LocalServerPage | null {
  const token = metaContent(doc, LOCAL_TOKEN_META);
  if (token === null || !/^[0-9a-f]{64}$/.test(token)) return null;
  const minute = Number(metaContent(doc, TEST_MINUTE_META));
  return { token, minuteMs: Number.isInteger(minute) && minute > 0 ? minute : null };
}

/**
 * The contract over the browser edition's local server: one method per channel, each a
 * `POST /ipc/<channel>` on the page's own origin (CSP `connect-src 'self'`) carrying the secret.
 * Like the preload, it passes replies on unparsed: the platform checks them against the contract.
 */
export function createLocalServerBridge(
  token: string,
  send: typeof fetch = (input, init) => fetch(input, init),
): DeskBridge {
  const call =
    (channel: string) =>
    async (request: unknown): Promise<unknown> => {
      try {
        const reply = await send(`${IPC_PATH_PREFIX}${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [LOCAL_TOKEN_HEADER]: token },
          body: request === undefined ? '' : encodeWire(request),
          credentials: 'omit',
          cache: 'no-store',
        });
        return decodeWire(await reply.text());
      } catch {
        return {
          ok: false,
          error: {
            code: 'io-failed',
            message: t('app.platform.serverNotAnswering'),
          },
        };
      }
    };
  const methods = Object.entries(CHANNELS).map(([method, channel]) => [method, call(channel)]);
  return Object.freeze(Object.fromEntries(methods)) as Record<BridgeMethod, unknown> as DeskBridge;
}
