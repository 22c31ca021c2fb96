import Dexie from 'dexie';

import type { RecordSource } from '@shared/domain/record/buildRecord';

import type { DeskDatabase } from '../database';

/** An incident's rows across the desk, read for its after-action record. */
export function createRecordRepo(db: DeskDatabase) {
  return {
    /** Everything the desk holds about one incident, for the after-action record: each row read once. */
    async collect(incidentId: string): Promise<RecordSource | null> {
      const incident = await db.incidents.get(incidentId);
      const settings = await db.settings.get('desk');
      if (!incident) return null;
      const [entries, revisions, audit, statements, activations, checklistItems, lessons, doNotShare, publishedHeads] =
        await Promise.all([
          db.timelineEntries.where('incidentId').equals(incidentId).toArray(),
          db.timelineRevisions
            .where('[incidentId+chainSeq]')
            .between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey])
            .toArray(),
          db.auditLog.where('[incidentId+at]').between([incidentId, -Infinity], [incidentId, Infinity]).toArray(),
          db.statements.where('incidentId').equals(incidentId).toArray(),
          db.treeActivations.where('incidentId').equals(incidentId).toArray(),
          db.checklistItems.where('incidentId').equals(incidentId).toArray(),
          db.lessons.where('incidentId').equals(incidentId).toArray(),
          db.contacts.filter((c) => c.doNotShare).toArray(),
          db.publishedHeads.where('incidentId').equals(incidentId).toArray(),
        ]);
      const statementIds = statements.map((s) => s.id);
      const activationIds = activations.map((a) => a.id);
      const [statementVersions, approvals, callAttempts] = await Promise.all([
        statementIds.length === 0 ? [] : db.statementVersions.where('statementId').anyOf(statementIds).toArray(),
        statementIds.length === 0 ? [] : db.approvals.where('statementId').anyOf(statementIds).toArray(),
        activationIds.length === 0 ? [] : db.callAttempts.where('activationId').anyOf(activationIds).toArray(),
      ]);
      // The people the activations name, so the record can say how they were reached.
      const named = new Set(
        activations.flatMap((a) =>
          a.nodes.flatMap((n) => [n.contactId, ...(n.fallbackContactId ? [n.fallbackContactId] : [])]),
        ),
      );
      const contacts = named.size === 0 ? [] : await db.contacts.bulkGet([...named]);
      return {
        incident,
        settings: {
          cityName: settings?.cityName ?? '',
          defaultTimeZone: settings?.defaultTimeZone ?? incident.timeZone,
          phoneCountry: settings?.phoneCountry,
        },
        contacts: contacts.filter((c) => c !== undefined),
        doNotShare,
        entries,
        revisions,
        audit,
        statements,
        statementVersions,
        approvals,
        activations,
        callAttempts,
        checklistItems,
        lessons,
        publishedHeads,
      };
    },
  };
}
export type RecordRepo = ReturnType<typeof createRecordRepo>;
