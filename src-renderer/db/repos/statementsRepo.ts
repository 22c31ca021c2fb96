import Dexie from 'dexie';

import { err, ok, type Result } from '@shared/domain/result';
import type { ApprovedStatementDocument } from '@shared/domain/statements/output';
import {
  checkSensitivity,
  linkedPeopleOf,
  type EntryForCheck,
  type LinkedPerson,
} from '@shared/domain/statements/sensitivity';
import { translationState, type TranslationState } from '@shared/domain/statements/translations';
import { isUntranslated, type StatementError } from '@shared/domain/statements/workflow';
import { EMPTY_FILTER } from '@shared/domain/timeline/listFilter';
import {
  GLOSSARY_ID,
  type Approval,
  type GlossaryTerm,
  type PersonMention,
  type SensitivityWarning,
  type Statement,
  type StatementTemplate,
  type StatementTemplateRow,
  type StatementVersion,
} from '@shared/schemas/statements';
import type { TimelineEntry } from '@shared/schemas/timeline';

import type { DeskDatabase } from '../database';
import { queryTimeline } from './timelineQuery';
import type { TimelineRepo } from './timelineRepo';

/** How many unverified entries the sensitivity check reads: the newest, which are the ones that matter. */
const UNVERIFIED_LIMIT = 2000;

/** The statements' tables, read: statements, versions, approvals, the template library, and what the sensitivity check needs. */
export function createStatementsRepo(db: DeskDatabase, timelineStore: TimelineRepo) {
  const mustGet = async (
    statementId: string,
  ): Promise<Result<{ statement: Statement; head: StatementVersion }, StatementError>> => {
    const statement = await db.statements.get(statementId);
    if (!statement) return err({ code: 'not-found', what: 'statement' });
    const head = await db.statementVersions.get(statement.headVersionId);
    if (!head) return err({ code: 'not-found', what: 'version' });
    return ok({ statement, head });
  };

  const templates = async (): Promise<StatementTemplate[]> =>
    (await db.statementTemplates.toArray())
      .filter((r): r is StatementTemplate => r.kind === 'template')
      .sort((a, b) => a.title.localeCompare(b.title) || a.language.localeCompare(b.language));

  const glossary = async (): Promise<GlossaryTerm[]> => {
    const row = await db.statementTemplates.get(GLOSSARY_ID);
    return row?.kind === 'glossary' ? row.terms : [];
  };

  /** The incident's unverified, unretracted timeline entries, newest first, for the sensitivity check. */
  const unverifiedEntries = async (incidentId: string): Promise<EntryForCheck[]> => {
    const listed = await queryTimeline(db, incidentId, { ...EMPTY_FILTER, verifications: ['unverified'] });
    const newest = listed.slice(-UNVERIFIED_LIMIT).map((l) => l.id);
    const rows = await timelineStore.getMany(newest);
    return rows
      .filter((e): e is TimelineEntry => e !== undefined && !e.retracted)
      .map((e) => ({ id: e.id, title: e.title, body: e.body }))
      .reverse();
  };

  /**
   * Who the incident's statements must take care naming: the victims and suspects listed on any
   * of its statements, and the private people its records know (directory, timeline sources).
   */
  const peopleContext = async (
    incidentId: string,
  ): Promise<{ listed: PersonMention[]; linkedPeople: LinkedPerson[] }> => {
    const [statements, contacts, sourceKeys] = await Promise.all([
      db.statements.where('incidentId').equals(incidentId).toArray(),
      db.contacts.toArray(),
      db.timelineEntries
        .where('[incidentId+sourceKey]')
        .between([incidentId, ''], [incidentId, '\uffff'], false, true)
        .uniqueKeys(),
    ]);
    return {
      listed: statements.flatMap((s) => s.people),
      linkedPeople: linkedPeopleOf({ contacts, timelineSources: sourceKeys.map((k) => String((k as unknown[])[1])) }),
    };
  };

  const warningsFor = async (statement: Statement, text: string): Promise<SensitivityWarning[]> => {
    const { listed, linkedPeople } = await peopleContext(statement.incidentId);
    return checkSensitivity(text, {
      people: [...statement.people, ...listed],
      linkedPeople,
      glossary: await glossary(),
      unverifiedEntries: await unverifiedEntries(statement.incidentId),
    });
  };

  /** The statement's source and where the translation stands against it; null for originals. */
  const translationOf = async (s: Statement): Promise<{ source: Statement; state: TranslationState } | null> => {
    if (s.sourceStatementId === null) return null;
    const source = await db.statements.get(s.sourceStatementId);
    if (!source) return null;
    const approvedVersion = s.approvedVersionId ? await db.statementVersions.get(s.approvedVersionId) : undefined;
    return { source, state: translationState(s, source, approvedVersion?.translatesVersionId ?? null) };
  };

  /** For a translation, the text of the source version it translates. */
  const sourceTextOf = async (s: Statement): Promise<string | null> =>
    s.sourceStatementId === null || s.translatesVersionId === null
      ? null
      : ((await db.statementVersions.get(s.translatesVersionId))?.text ?? null);

  const latestApproval = async (statementId: string, versionId: string): Promise<Approval | undefined> =>
    (await db.approvals.where('statementId').equals(statementId).toArray())
      .filter((a) => a.versionId === versionId && a.decision === 'approved')
      .sort((a, b) => a.at - b.at)
      .at(-1);

  return {
    templates,
    getTemplate: async (id: string): Promise<StatementTemplate | undefined> => {
      const row = await db.statementTemplates.get(id);
      return row?.kind === 'template' ? row : undefined;
    },
    glossary,

    listForIncident: async (incidentId: string): Promise<Statement[]> =>
      (await db.statements.where('incidentId').equals(incidentId).toArray()).sort((a, b) => a.createdAt - b.createdAt),

    get: (id: string): Promise<Statement | undefined> => db.statements.get(id),
    getVersion: (id: string): Promise<StatementVersion | undefined> => db.statementVersions.get(id),

    /** Every version of a statement, oldest first. */
    versions: (statementId: string): Promise<StatementVersion[]> =>
      db.statementVersions
        .where('[statementId+number]')
        .between([statementId, Dexie.minKey], [statementId, Dexie.maxKey])
        .toArray(),

    /** Every review decision on a statement, oldest first. */
    approvals: async (statementId: string): Promise<Approval[]> =>
      (await db.approvals.where('statementId').equals(statementId).toArray()).sort((a, b) => a.at - b.at),

    translationsOf: (sourceId: string): Promise<Statement[]> =>
      db.statements.where('sourceStatementId').equals(sourceId).toArray(),
    translationOf,
    withHead: mustGet,
    warningsFor,
    sourceTextOf,
    latestApproval,
    /** The template of a type in a language: (type, language) is unique in the library. */
    templateFor: (type: string, language: string): Promise<StatementTemplateRow | undefined> =>
      db.statementTemplates.where('[type+language]').equals([type, language]).first(),
    templateRow: (id: string): Promise<StatementTemplateRow | undefined> => db.statementTemplates.get(id),
    templateRows: (ids: readonly string[]): Promise<(StatementTemplateRow | undefined)[]> =>
      db.statementTemplates.bulkGet([...ids]),

    /** What the sensitivity check needs besides the text: for the drafting screen's live warnings. */
    sensitivityContext: async (incidentId: string) => ({
      glossary: await glossary(),
      unverifiedEntries: await unverifiedEntries(incidentId),
      ...(await peopleContext(incidentId)),
    }),

    /** The warnings the stored head version raises now. */
    warnings: async (statementId: string): Promise<SensitivityWarning[]> => {
      const got = await mustGet(statementId);
      return got.ok ? warningsFor(got.value.statement, got.value.head.text) : [];
    },

    /** The incident's translations that are still a word-for-word copy of their source ("to translate"). */
    untranslated: async (incidentId: string): Promise<Set<string>> => {
      const translations = (await db.statements.where('incidentId').equals(incidentId).toArray()).filter(
        (s) => s.sourceStatementId !== null && s.status !== 'withdrawn',
      );
      const found = new Set<string>();
      for (const t of translations) {
        const head = await db.statementVersions.get(t.headVersionId);
        if (head && isUntranslated(t, head.text, await sourceTextOf(t))) found.add(t.id);
      }
      return found;
    },

    /** The approved version as the office sends it out, or null when nothing is approved. */
    approvedDocument: async (
      statementId: string,
      cityName: string,
      timeZone: string,
    ): Promise<ApprovedStatementDocument | null> => {
      const s = await db.statements.get(statementId);
      if (!s?.approvedVersionId || s.status === 'withdrawn') return null;
      const version = await db.statementVersions.get(s.approvedVersionId);
      const approval = await latestApproval(s.id, s.approvedVersionId);
      if (!version || !approval) return null;
      const firstRelease = s.releases.filter((r) => r.versionId === version.id).sort((a, b) => a.at - b.at)[0];
      return {
        cityName,
        title: version.title,
        language: version.language,
        timeZone,
        text: version.text,
        versionNumber: version.number,
        approval,
        dateAt: firstRelease?.at ?? approval.at,
      };
    },
  };
}
export type StatementsRepo = ReturnType<typeof createStatementsRepo>;
