import type { BasedOn } from '@shared/domain/signed/content';
import { peopleOf } from '@shared/domain/operators/people';
import { recordOperator, toReadable } from '@shared/domain/signed/operator';
import { MAX_SIGNED_RECORD_BYTES, scopeKey, type RecordScope, type V1Anchor } from '@shared/domain/signed/format';
import { nextRecord, signingInput, type ChainTip } from '@shared/domain/signed/sign';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { splitContent } from '@shared/domain/signed/split';
import type { ContinuesFrom } from '@shared/domain/signed/identity';

import type { DeskDatabase, StoredRecord } from '../../db/database';
import { sha256Bytes } from '../../lib/sha256';
import { createSignedRecordsRepo } from '../../db/repos/signedRecordsRepo';
import { createTeamRepo, teamTablesOf } from '../../db/repos/teamRepo';
import { createTimelineRepo } from '../../db/repos/timelineRepo';
import type { ChangeScope } from '../changeFeed';
import { noteOwnWrites } from '../team/rowWriters';
import type { DeskIdentities, PreparedIdentity } from './identity';

/** What the door hands the recorder: the change's scope and kind, and its rows of recorded tables. */
export type RecordInput = {
  scope: ChangeScope;
  kind: string;
  put: Partial<Record<string, readonly object[]>>;
  delete: Partial<Record<string, readonly string[]>>;
  basedOn?: readonly BasedOn[];
  /** The moment of the change, as its audit line says. */
  at: number;
  /** The name the change's audit line gives the person who made it. */
  by: string | undefined;
  /** The change replaces the whole desk (a restore): it is recorded by a new identity that continues the old one. */
  replacesDesk?: {
    backupChecksum: string | null;
    backupFile: string | null;
    desk: { deskId: string; name: string } | null;
  };
};

/** Records signed before the transaction, and what must still hold inside it for them to be the chain's next. */
export type PlannedRecords = {
  rows: StoredRecord[];
  deskId: string;
  scope: string;
  tip: ChainTip;
  /** The incident's v1 chain head the first record anchors, which must not have moved. */
  anchor: { incidentId: string; head: V1Anchor } | null;
  newIdentity: PreparedIdentity | null;
};

export const recordScopeOf = (scope: ChangeScope): RecordScope =>
  scope === 'desk' ? { kind: 'desk' } : { kind: 'incident', incidentId: scope.incidentId };

/** How many signatures are made at once. */
const SIGN_WINDOW = 32;

/**
 * Turns each change the door writes into this desk's signed records (format 2): one record, or
 * several in order when the change is too large for one. Web Crypto signs asynchronously and an
 * IndexedDB transaction cannot wait on it, so the records are signed BEFORE the transaction, on
 * the chain tip read just before; inside the transaction `holds` checks that tip (and the desk's
 * identity, and the v1 head a first record anchors) is unchanged, and the door signs again if not.
 */
export function createRecorder(deps: {
  db: DeskDatabase;
  identities: DeskIdentities;
  sha256: (text: string) => Promise<string>;
}) {
  const { db, identities } = deps;
  const records = createSignedRecordsRepo(db);
  const timeline = createTimelineRepo(db, deps.sha256);
  const team = createTeamRepo(db);

  const operatorNow = async (by: string | undefined) => {
    const settings = await db.settings.get('desk');
    // The person at the keyboard as the desk names them; a change made under another name (a first
    // set-up, a restore's own line) is signed under that name.
    if (settings && (by === undefined || by === settings.operatorName))
      return recordOperator(settings.operatorName, settings.operatorRole);
    // Someone taking over the keyboard is one of the desk's people: signed with their role.
    const person = settings ? peopleOf(settings).find((p) => p.name === by && p.retiredAt === null) : undefined;
    return recordOperator(by, person?.role);
  };

  return {
    /** The tables `holds` and `store` use, for the transaction to hold. */
    tables: () => [db.records, db.deskIdentities, db.timelineRevisions, ...teamTablesOf(db)],

    async plan(input: RecordInput): Promise<PlannedRecords> {
      const scope = recordScopeOf(input.scope);
      const key = scopeKey(scope);
      let newIdentity: PreparedIdentity | null = null;
      // The desk's first change is usually its set-up: a desk made by it is named after the city it names.
      const pendingSettings = (input.put.settings as readonly { key?: string; cityName?: string }[] | undefined)?.find(
        (r) => r.key === 'desk',
      );
      const named = pendingSettings?.cityName === undefined ? undefined : { cityName: pendingSettings.cityName };
      let signer = await identities.current(named);
      if (input.replacesDesk) {
        const continuesFrom = continuesFromOf(input.replacesDesk);
        // A restored desk is named after the city of the settings it restores.
        newIdentity = await identities.prepare(continuesFrom, named);
        signer = newIdentity;
      }
      const deskId = signer.identity.deskId;
      const tip = newIdentity ? null : await records.tip(deskId, key);
      const anchor =
        tip === null && scope.kind === 'incident'
          ? { incidentId: scope.incidentId, head: await timeline.head(scope.incidentId) }
          : null;
      const operator = await operatorNow(input.by);
      // What this desk holds of the team's other desks in the scope: every record says what it was made knowing.
      const seen = newIdentity ? [] : await team.seenHeads(key);
      // Each record is canonicalised once; its hash (which links the next) is taken natively, and
      // the signatures are made alongside, a window at a time: an import of many records waits
      // on the slowest of a window rather than on each in turn.
      const pending: Promise<StoredRecord>[] = [];
      const rows: StoredRecord[] = [];
      let link = tip;
      for (const content of splitContent({
        put: input.put,
        delete: input.delete,
        ...(input.basedOn ? { basedOn: input.basedOn } : {}),
      })) {
        const unsigned = nextRecord({
          tip: link,
          deskId,
          scope,
          kind: input.kind,
          content,
          operator,
          recordedAt: input.at,
          seen,
          ...(anchor ? { v1Head: { chainSeq: anchor.head.chainSeq, headHash: anchor.head.hash } } : {}),
        });
        if (!unsigned.ok) throw new Error('A desk’s first record in an incident must anchor its v1 chain.');
        const bytes = utf8ToBytes(signingInput(unsigned.value));
        if (bytes.length > MAX_SIGNED_RECORD_BYTES)
          throw new Error(`A record of ${bytes.length} bytes is more than one record may hold.`);
        // A record's hash (as `hashOfInput`), taken natively by Web Crypto.
        const hash = await sha256Bytes(bytes);
        const record = unsigned.value;
        pending.push(
          signer.sign(bytes).then((signature) => ({
            deskId,
            scope: key,
            seq: record.seq,
            hash,
            record: { ...record, signature: bytesToHex(signature) },
          })),
        );
        if (pending.length >= SIGN_WINDOW) rows.push(...(await Promise.all(pending.splice(0))));
        link = { seq: record.seq, hash };
      }
      rows.push(...(await Promise.all(pending)));
      return {
        rows,
        deskId,
        scope: key,
        tip,
        anchor: anchor
          ? { incidentId: anchor.incidentId, head: { chainSeq: anchor.head.chainSeq, headHash: anchor.head.hash } }
          : null,
        newIdentity,
      };
    },

    /** Inside the transaction: the records still follow the chain's tip, signed by the desk's current key. */
    async holds(plan: PlannedRecords): Promise<boolean> {
      if (plan.newIdentity) return true;
      const current = await identities.current();
      if (current.identity.deskId !== plan.deskId) return false;
      if ((await db.deskIdentities.get(plan.deskId))?.privateKey == null) {
        // Another window restored a backup: this desk is now the identity it made.
        identities.forget();
        return false;
      }
      const tip = await records.tip(plan.deskId, plan.scope);
      if ((tip?.hash ?? null) !== (plan.tip?.hash ?? null)) return false;
      if (plan.anchor) {
        const head = await timeline.head(plan.anchor.incidentId);
        if (head.chainSeq !== plan.anchor.head.chainSeq || head.hash !== plan.anchor.head.headHash) return false;
      }
      return true;
    },

    /**
     * Inside the transaction: stores the records. A change that replaces the desk starts the
     * records afresh under its new identity; the identities before it keep only their public part.
     */
    async store(plan: PlannedRecords): Promise<void> {
      if (plan.newIdentity) {
        await db.records.clear();
        // The team's records are read again from the engine: what was taken in went with the desk it replaced.
        for (const table of teamTablesOf(db)) await table.clear();
        const earlier = await db.deskIdentities.toArray();
        await db.deskIdentities.bulkPut(earlier.map((s) => ({ ...s, privateKey: null })));
        await db.deskIdentities.add(plan.newIdentity.stored);
      }
      await db.records.bulkAdd(plan.rows);
      await noteOwnWrites(db, plan.rows);
    },

    /** After the commit: a desk replaced now signs with its new identity. */
    committed(plan: PlannedRecords): void {
      if (plan.newIdentity) identities.replaced(plan.newIdentity);
    },
  };
}
export type Recorder = ReturnType<typeof createRecorder>;

/**
 * What a restored desk names as the desk it continues: the desk that made the backup (from the
 * backup's public identity) and the backup itself; a backup without a checksum continues nothing.
 */
export function continuesFromOf(from: NonNullable<RecordInput['replacesDesk']>): ContinuesFrom | null {
  if (from.backupChecksum === null) return null;
  const file = toReadable(from.backupFile ?? '', 255);
  const name = from.desk ? toReadable(from.desk.name, 120) : '';
  return {
    deskId: from.desk?.deskId ?? null,
    ...(name !== '' ? { deskName: name } : {}),
    backupChecksum: from.backupChecksum,
    ...(file !== '' ? { backupFile: file } : {}),
  };
}
