import { hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

import { err, ok, type Result } from '../result';
import type { Ed25519Verify } from '../signed/ed25519';
import { SIGNED_RECORD_FORMAT, SignedRecordSchema, scopeKey, type SignedRecord } from '../signed/format';
import { DESK_IDENTITY_FORMAT, readDeskIdentity, type DeskIdentity } from '../signed/identity';
import { hashOfInput, signingInput } from '../signed/sign';
import { format } from '../../i18n/format';

/**
 * FORMAT: what a desk appends to its team core of a scope (`desk`, `incident:<id>`): one entry per
 * item, each the UTF-8 JSON of either
 *   - a desk identity (`"format": "response-desk-desk-identity"`), written before the first record
 *     of that identity in the core, so that whoever holds the core can check its signatures; or
 *   - a signed record (`"format": "response-desk-signed-record"`), in the order of its chain.
 * The engine signs the core with the desk's team key; the records are signed again by the desk
 * identity, so a record taken from a core names and proves the desk that made it.
 */
export type TeamEntry = { kind: 'identity'; identity: DeskIdentity } | { kind: 'record'; record: SignedRecord };

/** Where one desk's chain in a scope stands, as the publishing side reports its core. */
export type PublishedTip = { deskId: string; seq: number } | null;

/** The entries that bring a core from `published` to the desk's current records (given in chain order). */
export function entriesToPublish(input: {
  identity: DeskIdentity;
  published: PublishedTip;
  records: readonly SignedRecord[];
}): string[] {
  const { identity, published } = input;
  const samedesk = published !== null && published.deskId === identity.deskId;
  const fresh = input.records.filter((r) => r.deskId === identity.deskId && (!samedesk || r.seq > published.seq));
  if (fresh.length === 0) return [];
  const texts = fresh.map((r) => JSON.stringify(r));
  return samedesk ? texts : [JSON.stringify(identity), ...texts];
}

/** The desk and sequence number of an entry that is a record; null for an identity or anything else. */
export function recordPlaceOf(text: string): PublishedTip {
  try {
    const value = JSON.parse(text) as { format?: unknown; deskId?: unknown; seq?: unknown };
    return value.format === SIGNED_RECORD_FORMAT && typeof value.deskId === 'string' && typeof value.seq === 'number'
      ? { deskId: value.deskId, seq: value.seq }
      : null;
  } catch {
    return null;
  }
}

/** Reads one entry: JSON, then the identity's or the record's own schema. Signatures are checked by `checkEntries`. */
export function decodeTeamEntry(text: string): Result<TeamEntry, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err(format('team.entry.notJson'));
  }
  const kind = (raw as { format?: unknown } | null)?.format;
  if (kind === DESK_IDENTITY_FORMAT) return ok({ kind: 'identity', identity: raw as DeskIdentity });
  if (kind !== SIGNED_RECORD_FORMAT) return err(format('team.entry.otherFormat'));
  const parsed = SignedRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err(
      format('team.entry.invalidRecord', { path: issue?.path.join('.') ?? '', problem: issue?.message ?? '' }),
    );
  }
  return ok({ kind: 'record', record: parsed.data as SignedRecord });
}

/** A record accepted from another desk's core, with its hash (what `prev` and `seen` name). */
export type AcceptedRecord = { record: SignedRecord; hash: string; scope: string };

/** An entry refused, with the reason in words; nothing of it is stored. */
export type RefusedEntry = { index: number; reason: string };

/** What the receiving desk already holds, asked while a batch is checked. */
export type HeldChains = {
  /** The identity bound to a desk id, and the team desk whose core published it. */
  identity(deskId: string): Promise<{ identity: DeskIdentity; teamDesk: string } | null>;
  /** The hash of a record held, or null. */
  hashAt(deskId: string, scope: string, seq: number): Promise<string | null>;
  /** The newest record held of a desk's chain in a scope. */
  tip(deskId: string, scope: string): Promise<{ seq: number; hash: string } | null>;
};

export type CheckedBatch = {
  accepted: AcceptedRecord[];
  /** Identities read from the core and checked, to keep beside the records they sign. */
  identities: DeskIdentity[];
  /** Entries held already, the same: receiving a record twice changes nothing. */
  duplicates: number;
  refused: RefusedEntry[];
};

/**
 * Checks entries read from another desk's core (`start` is the first one's place in it), in order:
 * each identity must verify and may be published by one team desk only; each record must be
 * well formed, of the core's scope, signed by an identity that desk published, and the next of its
 * chain (a record already held with the same hash is a duplicate; with another hash, a fork).
 */
export async function checkEntries(input: {
  teamDesk: string;
  scope: string;
  start: number;
  texts: readonly (string | null)[];
  held: HeldChains;
  verify: Ed25519Verify;
  sha256?: (bytes: Uint8Array) => string | Promise<string>;
}): Promise<CheckedBatch> {
  const sha256 = input.sha256 ?? hashOfInput;
  const out: CheckedBatch = { accepted: [], identities: [], duplicates: 0, refused: [] };
  const fresh = new Map<string, DeskIdentity>();
  const tips = new Map<string, { seq: number; hash: string } | null>();
  const refuse = (index: number, reason: string) => out.refused.push({ index, reason });
  // A batch holds one desk's records, so its identity is asked once, not once a record.
  const heldIdentities = new Map<string, Awaited<ReturnType<HeldChains['identity']>>>();
  const heldIdentity = async (deskId: string) => {
    if (!heldIdentities.has(deskId)) heldIdentities.set(deskId, await input.held.identity(deskId));
    return heldIdentities.get(deskId) ?? null;
  };

  // First, in order: each entry read, identities taken, each record matched with its signer.
  type Signed = { index: number; record: SignedRecord; bytes: Uint8Array; publicKey: string };
  const signed: Signed[] = [];
  for (const [offset, text] of input.texts.entries()) {
    const index = input.start + offset;
    if (text === null) {
      refuse(index, format('team.entry.tooLarge'));
      continue;
    }
    const decoded = decodeTeamEntry(text);
    if (!decoded.ok) {
      refuse(index, decoded.error);
      continue;
    }
    if (decoded.value.kind === 'identity') {
      const read = await readDeskIdentity(decoded.value.identity, input.verify);
      if (!read.ok) {
        refuse(index, format('team.entry.badIdentity'));
        continue;
      }
      const known = await heldIdentity(read.value.deskId);
      if (known && known.teamDesk !== input.teamDesk) {
        refuse(index, format('team.entry.identityElsewhere', { deskId: read.value.deskId }));
        continue;
      }
      if (!known && !fresh.has(read.value.deskId)) out.identities.push(read.value);
      fresh.set(read.value.deskId, read.value);
      continue;
    }
    const record = decoded.value.record;
    if (scopeKey(record.scope) !== input.scope) {
      refuse(
        index,
        format('team.entry.otherScope', {
          deskId: record.deskId,
          seq: record.seq,
          scope: scopeKey(record.scope),
          core: input.scope,
        }),
      );
      continue;
    }
    const known = await heldIdentity(record.deskId);
    const identity = fresh.get(record.deskId) ?? (known?.teamDesk === input.teamDesk ? known.identity : undefined);
    if (!identity) {
      refuse(index, format('team.entry.unknownDesk', { deskId: record.deskId, seq: record.seq }));
      continue;
    }
    signed.push({ index, record, bytes: utf8ToBytes(signingInput(record)), publicKey: identity.publicKey });
  }

  // Then every signature and hash at once: Web Crypto works on them side by side.
  const checked = await Promise.all(
    signed.map(async (s) => ({
      ...s,
      valid: await input.verify(hexToBytes(s.publicKey), hexToBytes(s.record.signature), s.bytes),
      hash: await sha256(s.bytes),
    })),
  );

  // Last, in order again: each record's place in its chain.
  for (const { index, record, valid, hash } of checked) {
    const words = { deskId: record.deskId, seq: record.seq };
    if (!valid) {
      refuse(index, format('team.entry.badSignature', words));
      continue;
    }
    const chain = `${record.deskId} ${input.scope}`;
    const tip = tips.has(chain) ? (tips.get(chain) ?? null) : await input.held.tip(record.deskId, input.scope);
    if (tip !== null && record.seq <= tip.seq) {
      const heldHash = await input.held.hashAt(record.deskId, input.scope, record.seq);
      if (heldHash === hash) out.duplicates += 1;
      else refuse(index, format('team.entry.forked', words));
      continue;
    }
    const expected = (tip?.seq ?? 0) + 1;
    if (record.seq !== expected || record.prev !== (tip?.hash ?? null)) {
      refuse(index, format('team.entry.outOfSequence', { ...words, expected }));
      continue;
    }
    out.accepted.push({ record, hash, scope: input.scope });
    tips.set(chain, { seq: record.seq, hash });
  }
  out.refused.sort((a, b) => a.index - b.index);
  return out;
}
