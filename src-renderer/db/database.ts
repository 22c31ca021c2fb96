import Dexie, { type Table } from 'dexie';

import type { ChecklistItem, ChecklistTemplate } from '@shared/schemas/checklists';
import type { AuditEvent, DeskSettings, Incident } from '@shared/schemas/entities';
import type { Lesson } from '@shared/schemas/lessons';
import type { PublishedHead } from '@shared/schemas/publishedHeads';
import type { TableName } from '@shared/schemas/tables';
import type { Approval, Statement, StatementTemplateRow, StatementVersion } from '@shared/schemas/statements';
import type { CallAttempt, Contact, ContactTree, TreeActivation } from '@shared/schemas/contacts';
import type { TimelineEntry, TimelineRevision } from '@shared/schemas/timeline';
import type { SignedRecord } from '@shared/domain/signed/format';
import type { DeskIdentity } from '@shared/domain/signed/identity';
import type { RowWriter } from '@shared/domain/team/merge';

import { CURRENT_SCHEMA_VERSION, SCHEMA_HISTORY, type SchemaVersion } from './schema';
import { writeDoor } from './writeDoor';

/** A timeline entry's place in its incident's list. */
export type TimelineOrderKey = { incidentId: string; occurredAt: number; id: string };

/**
 * One identity this computer's desk has had. The current one is the newest that still holds its
 * private key; an identity replaced (after a restore) keeps only its public part, so its records
 * still verify but it can sign nothing more.
 */
export type StoredDeskIdentity = {
  deskId: string;
  createdAt: number;
  identity: DeskIdentity;
  privateKey: CryptoKey | null;
};

/** A signed record as the desk keeps it: where it stands (n: the order written on this computer) and its hash. */
export type StoredRecord = {
  n?: number;
  deskId: string;
  scope: string;
  seq: number;
  hash: string;
  record: SignedRecord;
};

/** Another desk's identity, as its team core published it (`teamDesk`: that desk's key in the team). */
export type StoredTeamIdentity = { deskId: string; teamDesk: string; identity: DeskIdentity; receivedAt: number };

/** How many entries of another desk's core this desk has read and settled (stored or refused). */
export type TeamCursor = { coreKey: string; teamDesk: string; scope: string; consumed: number };

/** The newest record this desk holds of another desk's chain in a scope: what its own records say they had seen. */
export type PeerHead = { scope: string; deskId: string; seq: number; hash: string };

/** Which signed record (this desk's or another's) last wrote or deleted a row that desks may change apart. */
export type StoredRowWriter = { table: string; key: string; scope: string; writer: RowWriter; deleted: boolean };

/** Two or more changes of one row made apart on different desks: all kept, one shown by the fixed rule. */
export type StoredConflict = {
  /** `<table>:<key>` */
  id: string;
  table: string;
  key: string;
  scope: string;
  writers: RowWriter[];
  shown: RowWriter;
  at: number;
  /** Statements: releases one desk made of a version another desk had, apart, already replaced. */
  releasedApart?: ReleasedApart[];
};

/** A release of a statement's version `released` made on desk `releasedOn` while desk `newerOn` had written version `newer`. */
export type ReleasedApart = { releaseId: string; released: number; newer: number; releasedOn: string; newerOn: string };

/** An entry of another desk's core that was refused, with the reason in words. */
export type StoredRefusal = {
  n?: number;
  coreKey: string;
  teamDesk: string;
  scope: string;
  index: number;
  reason: string;
  at: number;
};

/** The name never changes between releases: IndexedDB finds the city's data by it. */
export const DB_NAME = 'response-desk';

export class DeskDatabase extends Dexie {
  settings!: Table<DeskSettings, string>;
  incidents!: Table<Incident, string>;
  auditLog!: Table<AuditEvent, string>;
  timelineEntries!: Table<TimelineEntry, string>;
  timelineRevisions!: Table<TimelineRevision, string>;
  /** Derived from timelineEntries: see DERIVED_TABLES. */
  timelineOrder!: Table<TimelineOrderKey, [string, number, string]>;
  contacts!: Table<Contact, string>;
  contactTrees!: Table<ContactTree, string>;
  treeActivations!: Table<TreeActivation, string>;
  callAttempts!: Table<CallAttempt, string>;
  statementTemplates!: Table<StatementTemplateRow, string>;
  statements!: Table<Statement, string>;
  statementVersions!: Table<StatementVersion, string>;
  approvals!: Table<Approval, string>;
  checklistTemplates!: Table<ChecklistTemplate, string>;
  checklistItems!: Table<ChecklistItem, string>;
  lessons!: Table<Lesson, string>;
  /** Append-only: see PublishedHeadSchema. */
  publishedHeads!: Table<PublishedHead, string>;
  deskIdentities!: Table<StoredDeskIdentity, string>;
  /** Append-only, in the order written; a restore starts them afresh under a new identity. */
  records!: Table<StoredRecord, number>;
  teamIdentities!: Table<StoredTeamIdentity, string>;
  teamCursors!: Table<TeamCursor, string>;
  peerHeads!: Table<PeerHead, [string, string]>;
  rowWriters!: Table<StoredRowWriter, [string, string]>;
  teamConflicts!: Table<StoredConflict, string>;
  teamRefusals!: Table<StoredRefusal, number>;

  /**
   * Strict durability: a committed write is on disk before Dexie reports success, so an approval
   * or an import survives a power cut that follows it. `relaxed` is for the connection that takes
   * in other desks' records only (see teamIntakeConnection).
   */
  constructor(
    name: string = DB_NAME,
    history: readonly SchemaVersion[] = SCHEMA_HISTORY,
    durability: 'strict' | 'relaxed' = 'strict',
  ) {
    super(name, { chromeTransactionDurability: durability });
    for (const v of history) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
    // Every row is checked on its way in, as a restore will check it (see writeDoor.ts). The door
    // knows today's shapes only: a database opened at an earlier version (the migration tests,
    // writing what an earlier release wrote) holds that release's shapes.
    if ((history[history.length - 1]?.version ?? 0) >= CURRENT_SCHEMA_VERSION) this.use(writeDoor);
    // Another tab or window opened a newer version: close so it can upgrade, then reload.
    this.on('versionchange', () => {
      this.close();
      return false;
    });
  }

  tableByName(name: TableName): Table<unknown, unknown> {
    return this.table(name);
  }
}

/**
 * A second connection to the desk's database for taking in other desks' records, which commits
 * without waiting for the disk. Everything such a commit writes is derived from records the team
 * engine already keeps on disk, and the team cursor moves in the same atomic commit: a power cut
 * that loses the last of them loses the cursor's advance with them, and the next exchange reads
 * those records again (taking one in twice changes nothing). The desk's own changes never pass here.
 */
export function teamIntakeConnection(db: DeskDatabase): DeskDatabase {
  return new DeskDatabase(db.name, SCHEMA_HISTORY, 'relaxed');
}
