import type { Transaction } from 'dexie';

import type { DerivedTableName, TableName } from '@shared/schemas/tables';

/**
 * Tables that belong to this computer's desk and are never backed up or restored: its own key
 * and public identity (a restore makes a new one), the signed records it holds (its own and its
 * team's), and what it keeps of the exchange with the team's desks (see desk/team/).
 */
export const DESK_LOCAL_TABLES = [
  'deskIdentities',
  'records',
  'teamIdentities',
  'teamCursors',
  'peerHeads',
  'rowWriters',
  'teamConflicts',
  'teamRefusals',
] as const;
export type DeskLocalTableName = (typeof DESK_LOCAL_TABLES)[number];

import { upgradeToStructuredPhones } from './migrations/0003-structured-phones';
import { systemLocales, upgradeToDeskLocale } from './migrations/0005-desk-locale';

/**
 * Every shipped version of the database, in order. Rules: never edit a shipped version; add a
 * new one. Schemas are additive (new tables, new indexes); an upgrade that reshapes data gets
 * its own file in ./migrations and a test that opens a database written by the version before.
 */
export type SchemaVersion = {
  readonly version: number;
  readonly stores: Partial<Record<TableName | DerivedTableName | DeskLocalTableName, string>>;
  readonly upgrade?: (tx: Transaction) => Promise<void>;
};

export const SCHEMA_HISTORY: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      settings: 'key',
      incidents: 'id, status, startAt, updatedAt',
      auditLog: 'id, at, [incidentId+at], [entityType+entityId]',
      timelineEntries:
        'id, incidentId, [incidentId+occurredAt], [incidentId+recordedAt], [incidentId+category+occurredAt], [incidentId+verification+occurredAt], [incidentId+sourceKey+occurredAt], [incidentId+sourceKey], *tags',
      timelineOrder: '[incidentId+occurredAt+id]',
      timelineRevisions: 'id, [entryId+revisionNo], incidentId, [incidentId+chainSeq], [incidentId+recordedAt]',
      contacts: 'id, name, organisation, category, *phoneKeys, email, lastVerifiedAt',
      contactTrees: 'id, name',
      treeActivations: 'id, incidentId, treeId, [incidentId+startedAt]',
      callAttempts: 'id, activationId, [activationId+at]',
      statementTemplates: 'id, type, language, [type+language]',
      statements: 'id, incidentId, status, sourceStatementId',
      statementVersions: 'id, statementId, [statementId+number]',
      approvals: 'id, statementId, versionId, at',
      checklistTemplates: 'id, templateKey, [templateKey+version]',
      checklistItems: 'id, incidentId, [incidentId+phase], [incidentId+status]',
      lessons: 'id, incidentId',
    },
  },
  {
    // Call trees listed by last change; an incident's call attempts read without its activations.
    version: 2,
    stores: {
      contactTrees: 'id, name, updatedAt',
      callAttempts: 'id, activationId, [activationId+at], incidentId',
    },
  },
  {
    // Phone numbers stored with their E.164 form and extension, indexed by it (same index name).
    version: 3,
    stores: {},
    upgrade: upgradeToStructuredPhones,
  },
  {
    // The append-only log of chain heads that left the desk (exports, backups, prints, verifications).
    version: 4,
    stores: {
      publishedHeads: 'id, incidentId, [incidentId+chainSeq]',
    },
  },
  {
    // The desk's locale in its settings row, from the system's for a desk set up before it existed.
    version: 5,
    stores: {},
    upgrade: upgradeToDeskLocale(systemLocales),
  },
  {
    // The desk's Ed25519 identity (its private key a non-extractable CryptoKey), and every change
    // it signed, in the order written. New tables only: nothing earlier is touched.
    version: 6,
    stores: {
      deskIdentities: 'deskId, createdAt',
      records: '++n, &[deskId+scope+seq]',
    },
  },
  {
    // A team's desks: the identities they published, how far each of their cores was read, the
    // newest record held of each desk's chain, which record wrote each row taken from another desk,
    // changes of a row made apart, and entries refused. New tables only: nothing earlier is touched.
    version: 7,
    stores: {
      teamIdentities: 'deskId, teamDesk',
      teamCursors: 'coreKey',
      peerHeads: '[scope+deskId]',
      rowWriters: '[table+key]',
      teamConflicts: 'id, scope, at',
      teamRefusals: '++n, coreKey, at',
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]?.version ?? 1;
