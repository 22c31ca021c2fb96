import type { SignedRecord } from '../signed/format';
import type { DeskIdentity } from '../signed/identity';
import { recordHash } from '../signed/sign';
import type { SignedSection } from './recordFile';

/**
 * The signed section of an incident's record, from the records of the incident's scope in the
 * order written and the identities the desk knows: the roster lists the desks whose records are
 * included (in the order they first appear), and each desk's head is its newest record.
 */
export function signedSectionOf(records: readonly SignedRecord[], identities: readonly DeskIdentity[]): SignedSection {
  const heads = new Map<string, SignedRecord>();
  for (const r of records) {
    const head = heads.get(r.deskId);
    if (!head || r.seq > head.seq) heads.set(r.deskId, r);
  }
  const desks = [...heads.keys()].map((deskId) => {
    const identity = identities.find((i) => i.deskId === deskId);
    if (!identity) throw new Error(`The desk holds records of ${deskId} but not its identity.`);
    return identity;
  });
  return {
    desks,
    records: [...records],
    complete: true,
    heads: [...heads.values()].map((r) => ({ deskId: r.deskId, seq: r.seq, hash: recordHash(r) })),
  };
}
