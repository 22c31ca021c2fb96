import {
  generateDeskKeyPair,
  webCryptoSigner,
  type Ed25519Sign,
  type SubtleEd25519,
} from '@shared/domain/signed/ed25519';
import {
  createDeskIdentity,
  fingerprintOfHex,
  type ContinuesFrom,
  type DeskIdentity,
  type Fingerprint,
} from '@shared/domain/signed/identity';

import { toReadable } from '@shared/domain/signed/operator';
import type { DeskSettings } from '@shared/schemas/entities';

import type { DeskDatabase, StoredDeskIdentity } from '../../db/database';
import { t } from '../../i18n/messages';

/** What the door signs with: the desk's public identity and a signer over its private key. */
export type DeskSigner = { identity: DeskIdentity; sign: Ed25519Sign };

/** A new identity made but not yet stored: the door stores it in the transaction of the change that needs it (a restore). */
export type PreparedIdentity = DeskSigner & { stored: StoredDeskIdentity };

/** The name a new desk takes: "<city> crisis desk" once the desk is set up, a plain one before. */
export function deskNameOf(settings: Pick<DeskSettings, 'cityName'> | undefined): string {
  const city = toReadable(settings?.cityName, 100);
  return city === '' ? t('settings.desk.defaultName') : t('settings.desk.cityName', { city });
}

const subtleOf = (): SubtleEd25519<CryptoKey> => globalThis.crypto.subtle;

/**
 * The desk's identity on this computer: an Ed25519 key pair made with Web Crypto at the first
 * start, its private key a NON-extractable CryptoKey kept in IndexedDB (it signs, but nothing can
 * read it out, a backup included), and the public identity signed by it. The current identity is
 * the newest one that still holds its private key.
 */
export function createDeskIdentities(deps: {
  db: DeskDatabase;
  now: () => number;
  deskName: () => Promise<string>;
  subtle?: SubtleEd25519<CryptoKey>;
}) {
  const subtle = deps.subtle ?? subtleOf();
  let cached: Promise<DeskSigner> | null = null;

  const signerOf = (stored: StoredDeskIdentity): DeskSigner => {
    const key = stored.privateKey;
    if (key === null) throw new Error(`The desk ${stored.deskId} was replaced and can no longer sign.`);
    return { identity: stored.identity, sign: webCryptoSigner(subtle, key) };
  };

  const readCurrent = async (): Promise<StoredDeskIdentity | undefined> => {
    const all = await deps.db.deskIdentities.orderBy('createdAt').toArray();
    return all.filter((s) => s.privateKey !== null).at(-1);
  };

  /** Makes a key pair and its signed identity, not yet stored. */
  async function prepare(
    continuesFrom: ContinuesFrom | null,
    settings?: Pick<DeskSettings, 'cityName'>,
  ): Promise<PreparedIdentity> {
    const pair = await generateDeskKeyPair(subtle);
    const sign = webCryptoSigner(subtle, pair.privateKey);
    // Identities are listed in the order made, so a new one is never older than the one it replaces.
    const latest = (await deps.db.deskIdentities.orderBy('createdAt').last())?.createdAt ?? -1;
    const identity = await createDeskIdentity({
      publicKey: pair.publicKeyRaw,
      name: settings ? deskNameOf(settings) : await deps.deskName(),
      createdAt: Math.max(deps.now(), latest + 1),
      continuesFrom,
      sign,
    });
    return {
      identity,
      sign,
      stored: { deskId: identity.deskId, createdAt: identity.createdAt, identity, privateKey: pair.privateKey },
    };
  }

  /** The current identity, made at the first call on a desk that has none. */
  async function load(settings?: Pick<DeskSettings, 'cityName'>): Promise<DeskSigner> {
    const existing = await readCurrent();
    if (existing) return signerOf(existing);
    const made = await prepare(null, settings);
    // Two windows may start together: the first identity stored wins, the other's key is dropped.
    const winner = await deps.db.transaction('rw', deps.db.deskIdentities, async () => {
      const now = await readCurrent();
      if (now) return now;
      await deps.db.deskIdentities.add(made.stored);
      return made.stored;
    });
    return signerOf(winner);
  }

  return {
    /**
     * The identity this desk signs with now, made at first use; `settings` are the desk's settings
     * being written by that first change (its set-up), which name a desk made now.
     */
    current(settings?: Pick<DeskSettings, 'cityName'>): Promise<DeskSigner> {
      cached ??= load(settings).catch((e: unknown) => {
        cached = null;
        throw e;
      });
      return cached;
    },

    /** The desk's public identity and its fingerprint, to show and compare. */
    async describe(): Promise<{ identity: DeskIdentity; fingerprint: Fingerprint }> {
      const { identity } = await this.current();
      return { identity, fingerprint: fingerprintOfHex(identity.publicKey) };
    },

    /**
     * Every identity this computer's desk has had, oldest first, then those its team's desks
     * published: the roster the records it holds are checked against.
     */
    async roster(): Promise<DeskIdentity[]> {
      const own = (await deps.db.deskIdentities.orderBy('createdAt').toArray()).map((s) => s.identity);
      const team = (await deps.db.teamIdentities.toArray()).sort((a, b) => a.receivedAt - b.receivedAt);
      return [...own, ...team.map((s) => s.identity)];
    },

    /** The ids of every identity this computer's desk has had: records of these are its own. */
    async ownIds(): Promise<Set<string>> {
      return new Set((await deps.db.deskIdentities.toArray()).map((s) => s.deskId));
    },

    /** A new identity continuing `continuesFrom`, to be stored by the change that replaces the desk (see the door). */
    prepare,

    /** Read the identity again: another window replaced it (a restore). */
    forget(): void {
      cached = null;
    },

    /** Forget what was read: the door stored a new identity. */
    replaced(next: DeskSigner): void {
      cached = Promise.resolve(next);
    },
  };
}
export type DeskIdentities = ReturnType<typeof createDeskIdentities>;
