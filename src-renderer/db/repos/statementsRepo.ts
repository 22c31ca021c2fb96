import Dexie from 'dexie';

import { auditEvent, type Actor } from '@shared/domain/audit';
import { newId, type IdGenerator } from '@shared/domain/ids';
import type { Sha256Hex } from '@shared/domain/integrity/canonical';
import { err, ok, type Result } from '@shared/domain/result';
import { languageLabel } from '@shared/domain/statements/languages';
import type { ApprovedStatementDocument } from '@shared/domain/statements/output';
import { autoFillValues, KNOWN_PLACEHOLDERS } from '@shared/domain/statements/placeholderCatalogue';
import { escapeTemplateText, placeholderNames } from '@shared/domain/statements/placeholders';
import { checkSensitivity, linkedPeopleOf, type EntryForCheck, type LinkedPerson } from '@shared/domain/statements/sensitivity';
import { seedGlossaryRow, seedTemplateRows, validateTemplateInput, type TemplateErrors, type TemplateInput } from '@shared/domain/statements/templates';
import { releaseTimelineEntry, withdrawalTimelineEntry } from '@shared/domain/statements/timelineEntries';
import { translationState, type TranslationState } from '@shared/domain/statements/translations';
import {
  CHANNEL_LABELS,
  approveStatement,
  editDraft,
  isUntranslated,
  recallFromReview,
  rejectStatement,
  releaseStatement,
  retargetTranslation,
  reviseApproved,
  startStatement,
  submitForReview,
  withdrawStatement,
  type DraftEdit,
  type StatementError,
  type VersionSaved,
} from '@shared/domain/statements/workflow';
import type { Incident } from '@shared/schemas/entities';
import { checkRow } from '@shared/schemas/rowCheck';
import {
  GLOSSARY_ID,
  StatementSchema,
  type Approval,
  type GlossaryTerm,
  type PersonMention,
  type ReleaseChannel,
  type SensitivityWarning,
  type Statement,
  type StatementTemplate,
  type StatementVersion,
} from '@shared/schemas/statements';
import type { TimelineEntry } from '@shared/schemas/timeline';

import type { DeskDatabase } from '../database';
import { EMPTY_FILTER } from '@shared/domain/timeline/listFilter';
import { queryTimeline } from './timelineQuery';
import type { TimelineLog } from '.';
import type { TimelineRepo } from './timelineRepo';

export type TemplateWriteError =
  | { code: 'invalid'; errors: TemplateErrors }
  | { code: 'duplicate'; type: string; language: string }
  | { code: 'not-found' };

export type StatementWriteError = StatementError | { code: 'translation-exists'; language: string };

/** How many unverified entries the sensitivity check reads: the newest, which are the ones that matter. */
const UNVERIFIED_LIMIT = 2000;

const TEMPLATE_FIELDS = ['type', 'language', 'title', 'purpose', 'audience', 'body', 'dos', 'donts', 'pages'] as const;

const describe = (s: Pick<Statement, 'title' | 'language'>) => `“${s.title}” (${languageLabel(s.language)})`;

/** A person as the audit log records them: "Sara Lind (victim, no consent)". */
const personLine = (p: PersonMention) => `${p.name} (${p.role}${p.role === 'victim' ? (p.consentRecorded ? ', consent recorded' : ', no consent') : ''})`;

export function createStatementsRepo(db: DeskDatabase, gen: IdGenerator, sha256: Sha256Hex, timelineStore: TimelineRepo, timeline: TimelineLog) {
  const audit = (actor: Actor, s: Pick<Statement, 'id' | 'incidentId'>, action: 'create' | 'update' | 'delete', summary: string, changes: { field: string; before: unknown; after: unknown }[] = []) =>
    db.auditLog.add(auditEvent({ id: newId('aud', gen), actor, incidentId: s.incidentId, entityType: 'statement', entityId: s.id, action, summary, changes }));

  const statusChange = (before: Statement, after: Statement) => (before.status === after.status ? [] : [{ field: 'status', before: before.status, after: after.status }]);

  const versionChange = (before: Statement, after: Statement) =>
    before.headVersionNumber === after.headVersionNumber ? [] : [{ field: 'version', before: before.headVersionNumber, after: after.headVersionNumber }];

  const mustGet = async (statementId: string): Promise<Result<{ statement: Statement; head: StatementVersion }, StatementError>> => {
    const statement = await db.statements.get(statementId);
    if (!statement) return err({ code: 'not-found', what: 'statement' });
    const head = await db.statementVersions.get(statement.headVersionId);
    if (!head) return err({ code: 'not-found', what: 'version' });
    return ok({ statement, head });
  };

  /** Writes a new version (if any) and the statement, with one audit line, in one transaction. */
  const saveVersion = (statementId: string, actor: Actor, plan: (s: Statement, head: StatementVersion, versionId: string) => Promise<Result<VersionSaved, StatementError>> | Result<VersionSaved, StatementError>, summary: (s: Statement, v: StatementVersion) => string) =>
    db.transaction('rw', db.statements, db.statementVersions, db.auditLog, async (): Promise<Result<VersionSaved, StatementError>> => {
      const got = await mustGet(statementId);
      if (!got.ok) return got;
      const planned = await plan(got.value.statement, got.value.head, newId('stv', gen));
      if (!planned.ok || planned.value.version === null) return planned;
      const { statement, version } = planned.value;
      await db.statementVersions.add(version);
      await db.statements.put(statement);
      await audit(actor, statement, 'update', summary(statement, version), [...statusChange(got.value.statement, statement), ...versionChange(got.value.statement, statement)]);
      return planned;
    });

  /** Loads, transforms and saves a statement (no new version) in one transaction, with its audit line. */
  const transition = (statementId: string, actor: Actor, apply: (s: Statement, head: StatementVersion) => Result<Statement, StatementError>, summary: (s: Statement) => string) =>
    db.transaction('rw', db.statements, db.statementVersions, db.auditLog, async (): Promise<Result<Statement, StatementError>> => {
      const got = await mustGet(statementId);
      if (!got.ok) return got;
      const next = apply(got.value.statement, got.value.head);
      if (!next.ok) return next;
      await db.statements.put(next.value);
      await audit(actor, next.value, 'update', summary(next.value), statusChange(got.value.statement, next.value));
      return next;
    });

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
  const peopleContext = async (incidentId: string): Promise<{ listed: PersonMention[]; linkedPeople: LinkedPerson[] }> => {
    const [statements, contacts, sourceKeys] = await Promise.all([
      db.statements.where('incidentId').equals(incidentId).toArray(),
      db.contacts.toArray(),
      db.timelineEntries.where('[incidentId+sourceKey]').between([incidentId, ''], [incidentId, '\uffff'], false, true).uniqueKeys(),
    ]);
    return {
      listed: statements.flatMap((s) => s.people),
      linkedPeople: linkedPeopleOf({ contacts, timelineSources: sourceKeys.map((k) => String((k as unknown[])[1])) }),
    };
  };

  const warningsFor = async (statement: Statement, text: string): Promise<SensitivityWarning[]> => {
    const { listed, linkedPeople } = await peopleContext(statement.incidentId);
    return checkSensitivity(text, { people: [...statement.people, ...listed], linkedPeople, glossary: await glossary(), unverifiedEntries: await unverifiedEntries(statement.incidentId) });
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
    s.sourceStatementId === null || s.translatesVersionId === null ? null : ((await db.statementVersions.get(s.translatesVersionId))?.text ?? null);

  const latestApproval = async (statementId: string, versionId: string): Promise<Approval | undefined> =>
    (await db.approvals.where('statementId').equals(statementId).toArray())
      .filter((a) => a.versionId === versionId && a.decision === 'approved')
      .sort((a, b) => a.at - b.at)
      .at(-1);

  return {
    /**
     * Writes the shipped templates and the starting glossary to the desk, once: rows already
     * there (the city's edits included) are left alone, so running it again changes nothing.
     */
    ensureSeedTemplates: (actor: Actor): Promise<number> =>
      db.transaction('rw', db.statementTemplates, db.auditLog, async () => {
        const rows = seedTemplateRows(actor);
        const existing = new Set((await db.statementTemplates.bulkGet([...rows.map((r) => r.id), GLOSSARY_ID])).filter((r) => r !== undefined).map((r) => r.id));
        const missing = rows.filter((r) => !existing.has(r.id));
        if (missing.length > 0) await db.statementTemplates.bulkAdd(missing);
        if (!existing.has(GLOSSARY_ID)) await db.statementTemplates.add(seedGlossaryRow(actor));
        if (missing.length > 0) {
          await db.auditLog.add(
            auditEvent({ id: newId('aud', gen), actor, incidentId: null, entityType: 'statement-template', entityId: 'guide', action: 'create', summary: `Statement templates from the guide installed (${missing.length})` }),
          );
        }
        return missing.length;
      }),

    templates,
    getTemplate: async (id: string): Promise<StatementTemplate | undefined> => {
      const row = await db.statementTemplates.get(id);
      return row?.kind === 'template' ? row : undefined;
    },
    glossary,

    /** Creates a template (id null) or saves a new revision of one; (type, language) stays unique. */
    saveTemplate: (input: TemplateInput, id: string | null, actor: Actor): Promise<Result<StatementTemplate, TemplateWriteError>> =>
      db.transaction('rw', db.statementTemplates, db.auditLog, async () => {
        const valid = validateTemplateInput(input);
        if (!valid.ok) return err({ code: 'invalid' as const, errors: valid.error });
        const clash = await db.statementTemplates.where('[type+language]').equals([input.type, input.language]).first();
        if (clash && clash.id !== id) return err({ code: 'duplicate' as const, type: input.type, language: input.language });
        const row = id === null ? undefined : await db.statementTemplates.get(id);
        if (id !== null && row?.kind !== 'template') return err({ code: 'not-found' as const });
        const before = row?.kind === 'template' ? row : undefined;
        const fields = {
          type: input.type,
          language: input.language,
          title: input.title.trim(),
          purpose: input.purpose.trim(),
          audience: input.audience,
          body: input.body.trim(),
          dos: [...input.dos],
          donts: [...input.donts],
          pages: [...input.pages],
        };
        const next: StatementTemplate = before
          ? { ...before, ...fields, revision: before.revision + 1, updatedAt: actor.now, updatedBy: actor.operator }
          : { id: newId('stt', gen), kind: 'template', ...fields, origin: 'city', revision: 1, createdAt: actor.now, createdBy: actor.operator, updatedAt: actor.now, updatedBy: actor.operator };
        const changes = TEMPLATE_FIELDS.filter((f) => !before || JSON.stringify(before[f]) !== JSON.stringify(next[f])).map((f) => ({ field: f, before: before ? before[f] : null, after: next[f] }));
        if (before && changes.length === 0) return ok(before);
        await db.statementTemplates.put(next);
        await db.auditLog.add(
          auditEvent({
            id: newId('aud', gen),
            actor,
            incidentId: null,
            entityType: 'statement-template',
            entityId: next.id,
            action: before ? 'update' : 'create',
            summary: before ? `Statement template changed: ${next.title} (${languageLabel(next.language)})` : `Statement template added: ${next.title} (${languageLabel(next.language)})`,
            changes,
          }),
        );
        return ok(next);
      }),

    /** Replaces the city's glossary of terms to avoid. */
    saveGlossary: (terms: readonly GlossaryTerm[], actor: Actor): Promise<GlossaryTerm[]> =>
      db.transaction('rw', db.statementTemplates, db.auditLog, async () => {
        const before = await glossary();
        await db.statementTemplates.put({ id: GLOSSARY_ID, kind: 'glossary', terms: [...terms], updatedAt: actor.now, updatedBy: actor.operator });
        await db.auditLog.add(
          auditEvent({
            id: newId('aud', gen),
            actor,
            incidentId: null,
            entityType: 'statement-glossary',
            entityId: GLOSSARY_ID,
            action: 'update',
            summary: `Glossary of terms to avoid saved (${terms.length} ${terms.length === 1 ? 'term' : 'terms'})`,
            changes: [{ field: 'terms', before, after: terms }],
          }),
        );
        return [...terms];
      }),

    listForIncident: async (incidentId: string): Promise<Statement[]> =>
      (await db.statements.where('incidentId').equals(incidentId).toArray()).sort((a, b) => a.createdAt - b.createdAt),

    get: (id: string): Promise<Statement | undefined> => db.statements.get(id),
    getVersion: (id: string): Promise<StatementVersion | undefined> => db.statementVersions.get(id),

    /** Every version of a statement, oldest first. */
    versions: (statementId: string): Promise<StatementVersion[]> =>
      db.statementVersions.where('[statementId+number]').between([statementId, Dexie.minKey], [statementId, Dexie.maxKey]).toArray(),

    /** Every review decision on a statement, oldest first. */
    approvals: async (statementId: string): Promise<Approval[]> => (await db.approvals.where('statementId').equals(statementId).toArray()).sort((a, b) => a.at - b.at),

    translationsOf: (sourceId: string): Promise<Statement[]> => db.statements.where('sourceStatementId').equals(sourceId).toArray(),
    translationOf,

    /** What the sensitivity check needs besides the text: for the drafting screen's live warnings. */
    sensitivityContext: async (incidentId: string) => ({ glossary: await glossary(), unverifiedEntries: await unverifiedEntries(incidentId), ...(await peopleContext(incidentId)) }),

    /** The warnings the stored head version raises now. */
    warnings: async (statementId: string): Promise<SensitivityWarning[]> => {
      const got = await mustGet(statementId);
      return got.ok ? warningsFor(got.value.statement, got.value.head.text) : [];
    },

    /**
     * Starts a draft for an incident from a template. Placeholders known from the incident and the
     * settings are filled in the template's language; the people list is carried over from the
     * incident's most recent statement, so consent and suspects are recorded once.
     */
    startDraft: (input: { incident: Incident; cityName: string; templateId: string }, actor: Actor): Promise<Result<Statement, StatementWriteError>> =>
      db.transaction('rw', db.statements, db.statementVersions, db.statementTemplates, db.auditLog, async () => {
        const template = await db.statementTemplates.get(input.templateId);
        if (template?.kind !== 'template') return err({ code: 'not-found' as const, what: 'template' as const });
        const values = autoFillValues(placeholderNames(template.body), { cityName: input.cityName, incident: input.incident, language: template.language, now: actor.now });
        const previous = (await db.statements.where('incidentId').equals(input.incident.id).toArray()).sort((a, b) => b.updatedAt - a.updatedAt)[0];
        const { statement, version } = startStatement({
          statementId: newId('stm', gen),
          versionId: newId('stv', gen),
          incidentId: input.incident.id,
          template,
          values,
          autoFilled: Object.keys(values),
          people: previous?.people ?? [],
          translation: null,
          note: `Started from the template “${template.title}”`,
          actor,
        });
        await db.statements.add(statement);
        await db.statementVersions.add(version);
        await audit(actor, statement, 'create', `Statement drafted: ${describe(statement)} from its template`, [{ field: 'status', before: null, after: 'draft' }]);
        return ok(statement);
      }),

    /** Saves a draft's text and values as a new version; approved text is refused (see revise). */
    saveDraft: (statementId: string, edit: DraftEdit, actor: Actor) =>
      saveVersion(statementId, actor, (s, head, versionId) => editDraft(s, head, edit, versionId, actor), (s, v) => `Statement ${describe(s)} saved as version ${v.number}`),

    /** Edits approved or released text: a new version, back in draft, needing approval again. */
    revise: (statementId: string, edit: DraftEdit, actor: Actor) =>
      saveVersion(statementId, actor, (s, head, versionId) => reviseApproved(s, head, edit, versionId, actor), (s, v) => `Statement ${describe(s)} edited after approval: version ${v.number} is a draft and needs approval`),

    /** The people the statement may name, and the drafter's ticks on the guidance: drafts only. */
    setContext: (statementId: string, context: { people?: PersonMention[]; ticked?: string[] }, actor: Actor): Promise<Result<Statement, StatementError>> =>
      db.transaction('rw', db.statements, db.auditLog, async () => {
        const s = await db.statements.get(statementId);
        if (!s) return err({ code: 'not-found' as const, what: 'statement' as const });
        if (s.status !== 'draft') return err({ code: 'not-allowed' as const, action: 'edit' as const, status: s.status });
        const next: Statement = { ...s, ...(context.people && { people: context.people }), ...(context.ticked && { ticked: context.ticked }), updatedAt: actor.now, updatedBy: actor.operator };
        await db.statements.put(next);
        const changes = [
          ...(context.people ? [{ field: 'people', before: s.people.map(personLine), after: next.people.map(personLine) }] : []),
          ...(context.ticked ? [{ field: 'ticked', before: s.ticked, after: next.ticked }] : []),
        ];
        await audit(actor, next, 'update', context.people ? `People this statement may name updated: ${describe(next)}` : `Guidance checklist ticked: ${describe(next)}`, changes);
        return ok(next);
      }),

    /**
     * Sends the head version for review. The sensitivity warnings are worked out again here from
     * the stored text, so what is recorded as overridden is what the text actually raised.
     */
    submit: async (statementId: string, input: { overrideReason: string | null; ticked: string[] }, actor: Actor): Promise<Result<Statement, StatementError>> => {
      const got = await mustGet(statementId);
      if (!got.ok) return got;
      const warnings = await warningsFor(got.value.statement, got.value.head.text);
      const sourceText = await sourceTextOf(got.value.statement);
      return transition(
        statementId,
        actor,
        (s, head) => (head.id !== got.value.head.id ? err({ code: 'version-moved' }) : submitForReview(s, head, { warnings, overrideReason: input.overrideReason, ticked: input.ticked, sourceText }, actor)),
        (s) =>
          `Statement ${describe(s)} version ${s.headVersionNumber} sent for review${warnings.length > 0 ? ` with ${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'} overridden: ${input.overrideReason?.trim() ?? ''}` : ''}`,
      );
    },

    recall: (statementId: string, actor: Actor) =>
      transition(statementId, actor, (s) => recallFromReview(s, actor), (s) => `Statement ${describe(s)} taken back from review`),

    /**
     * Records the approval of the version in review, with the SHA-256 of its exact text. The hash
     * is computed before the transaction (Web Crypto is asynchronous, and an IndexedDB transaction
     * commits while it waits on anything else); versions never change, so the hash of the version
     * read then is the hash of the version approved in the transaction.
     */
    approve: (statementId: string, input: { approverName: string; approverRole: string; comment: string }, actor: Actor) => decideOn(statementId, input, actor, 'approved'),
    reject: (statementId: string, input: { approverName: string; approverRole: string; comment: string }, actor: Actor) => decideOn(statementId, input, actor, 'rejected'),

    /**
     * Releases the approved version on the given channels and logs it on the incident's timeline
     * (communication, public, linked to the statement). The timeline entry is written first; if
     * the statement changed meanwhile, the entry is retracted with the reason, never left to lie.
     */
    release: async (statementId: string, input: { channels: ReleaseChannel[]; at: number; note: string }, actor: Actor): Promise<Result<Statement, StatementError>> => {
      const before = await db.statements.get(statementId);
      if (!before) return err({ code: 'not-found', what: 'statement' });
      const translation = await translationOf(before);
      const current = translation === null || translation.state === 'current';
      const check = releaseStatement(before, { releaseId: 'check', timelineEntryId: 'check', ...input }, actor, current);
      if (!check.ok) return check;
      // Checked before the timeline entry is logged: a release the statement cannot record must not appear on the timeline.
      const storable = checkRow(StatementSchema, check.value.statement);
      if (!storable.ok) return err({ code: 'refused', message: storable.error.message });
      const version = await db.statementVersions.get(check.value.release.versionId);
      if (!version) return err({ code: 'not-found', what: 'version' });
      const approval = await latestApproval(statementId, version.id);
      const [entry] = await timeline.append(before.incidentId, [releaseTimelineEntry(before, version, approval, input)], actor);
      if (!entry) throw new Error('The timeline entry for the release was not written.');
      const written = await db.transaction('rw', db.statements, db.auditLog, async (): Promise<Result<Statement, StatementError>> => {
        const s = await db.statements.get(statementId);
        if (!s || s.updatedAt !== before.updatedAt || s.status !== before.status || s.approvedVersionId !== before.approvedVersionId) return err({ code: 'version-moved' });
        const released = releaseStatement(s, { releaseId: newId('rel', gen), timelineEntryId: entry.id, ...input }, actor, current);
        if (!released.ok) return released;
        await db.statements.put(released.value.statement);
        await audit(actor, s, 'update', `Statement ${describe(s)} version ${version.number} released: ${input.channels.map((c) => CHANNEL_LABELS[c]).join(', ')}`, [
          ...statusChange(s, released.value.statement),
          { field: 'channels', before: null, after: released.value.release.channels },
        ]);
        return ok(released.value.statement);
      });
      if (!written.ok) await timeline.retract(entry.id, 'The release was not recorded: the statement changed at the same moment. Release it again.', actor);
      return written;
    },

    /** Withdraws a statement with the reason; a released one is also logged as withdrawn on the timeline. */
    withdraw: async (statementId: string, reason: string, actor: Actor): Promise<Result<Statement, StatementError>> => {
      const before = await db.statements.get(statementId);
      const r = await transition(statementId, actor, (s) => withdrawStatement(s, reason, actor), (s) => `Statement ${describe(s)} withdrawn: ${reason.trim()}`);
      if (r.ok && before?.status === 'released') {
        await timeline.append(r.value.incidentId, [withdrawalTimelineEntry(r.value, actor.now, reason)], actor);
      }
      return r;
    },

    /**
     * Starts a translation of a statement into `language`, linked to the source version it
     * translates (the approved one if there is one). It starts from the template's version in
     * that language when the library has one, with the source's values to translate and the dates
     * written anew; otherwise from the source's text.
     */
    /** The incident's translations that are still a word-for-word copy of their source ("to translate"). */
    untranslated: async (incidentId: string): Promise<Set<string>> => {
      const translations = (await db.statements.where('incidentId').equals(incidentId).toArray()).filter((s) => s.sourceStatementId !== null && s.status !== 'withdrawn');
      const found = new Set<string>();
      for (const t of translations) {
        const head = await db.statementVersions.get(t.headVersionId);
        if (head && isUntranslated(t, head.text, await sourceTextOf(t))) found.add(t.id);
      }
      return found;
    },

    startTranslation: (input: { sourceId: string; language: string; incident: Incident; cityName: string }, actor: Actor): Promise<Result<Statement, StatementWriteError>> =>
      db.transaction('rw', db.statements, db.statementVersions, db.statementTemplates, db.auditLog, async () => {
        const source = await db.statements.get(input.sourceId);
        if (!source) return err({ code: 'not-found' as const, what: 'source' as const });
        if (source.sourceStatementId !== null) return err({ code: 'not-found' as const, what: 'source' as const });
        const existing = (await db.statements.where('sourceStatementId').equals(source.id).toArray()).find((t) => t.language === input.language && t.status !== 'withdrawn');
        if (existing || input.language === source.language) return err({ code: 'translation-exists' as const, language: input.language });
        const sourceVersion = await db.statementVersions.get(source.approvedVersionId ?? source.headVersionId);
        if (!sourceVersion) return err({ code: 'not-found' as const, what: 'version' as const });
        const template = await db.statementTemplates.where('[type+language]').equals([source.type, input.language]).first();
        const ctx = { cityName: input.cityName, incident: input.incident, language: input.language, now: actor.now };
        const fromTemplate = template?.kind === 'template' ? template : null;
        const names = placeholderNames(fromTemplate?.body ?? '');
        const auto = autoFillValues(names, ctx);
        const carried = Object.fromEntries(names.filter((n) => KNOWN_PLACEHOLDERS[n]?.auto === undefined && sourceVersion.values[n] !== undefined).map((n) => [n, sourceVersion.values[n] ?? '']));
        const sourceTemplate = source.templateId ? await db.statementTemplates.get(source.templateId) : undefined;
        const base = fromTemplate ?? (sourceTemplate?.kind === 'template' ? sourceTemplate : null);
        const { statement, version } = startStatement({
          statementId: newId('stm', gen),
          versionId: newId('stv', gen),
          incidentId: source.incidentId,
          template: {
            id: base?.id ?? source.templateId ?? source.id,
            type: source.type,
            language: input.language,
            title: fromTemplate?.title ?? `${source.title} (${languageLabel(input.language)})`,
            audience: source.audience,
            body: fromTemplate?.body ?? escapeTemplateText(sourceVersion.text),
            purpose: source.guidance.purpose,
            dos: source.guidance.dos,
            donts: source.guidance.donts,
            pages: source.guidance.pages,
          },
          values: { ...carried, ...auto },
          autoFilled: Object.keys(auto),
          people: source.people,
          translation: { sourceStatementId: source.id, translatesVersionId: sourceVersion.id },
          note: fromTemplate
            ? `Translation of version ${sourceVersion.number}, started from the template “${fromTemplate.title}”; values to translate carried over`
            : `Translation of version ${sourceVersion.number}: a copy of its text, to translate`,
          actor,
        });
        const next = { ...statement, templateId: fromTemplate?.id ?? source.templateId };
        await db.statements.add(next);
        await db.statementVersions.add(version);
        await audit(actor, next, 'create', `Translation started: ${describe(next)} of ${describe(source)} version ${sourceVersion.number}`, [{ field: 'status', before: null, after: 'draft' }]);
        return ok(next);
      }),

    /** Brings a translation up to its source's newest approved version, with the edited text. */
    updateTranslation: (translationId: string, edit: DraftEdit, actor: Actor) =>
      saveVersion(
        translationId,
        actor,
        async (s, head, versionId) => {
          const source = s.sourceStatementId ? await db.statements.get(s.sourceStatementId) : undefined;
          if (!source?.approvedVersionId || source.approvedVersionNumber === null) return err({ code: 'not-found', what: 'source' });
          return retargetTranslation(s, head, edit, { versionId: source.approvedVersionId, versionNumber: source.approvedVersionNumber }, versionId, actor);
        },
        (s, v) => `Translation ${describe(s)} updated to the source's newest approved version: version ${v.number} needs approval`,
      ),

    /** The approved version as the office sends it out, or null when nothing is approved. */
    approvedDocument: async (statementId: string, cityName: string, timeZone: string): Promise<ApprovedStatementDocument | null> => {
      const s = await db.statements.get(statementId);
      if (!s?.approvedVersionId || s.status === 'withdrawn') return null;
      const version = await db.statementVersions.get(s.approvedVersionId);
      const approval = await latestApproval(s.id, s.approvedVersionId);
      if (!version || !approval) return null;
      const firstRelease = s.releases.filter((r) => r.versionId === version.id).sort((a, b) => a.at - b.at)[0];
      return { cityName, title: version.title, language: version.language, timeZone, text: version.text, versionNumber: version.number, approval, dateAt: firstRelease?.at ?? approval.at };
    },
  };

  async function decideOn(statementId: string, input: { approverName: string; approverRole: string; comment: string }, actor: Actor, decision: 'approved' | 'rejected'): Promise<Result<Statement, StatementError>> {
    const got = await mustGet(statementId);
    if (!got.ok) return got;
    const textHash = await sha256(got.value.head.text);
    return db.transaction('rw', db.statements, db.statementVersions, db.approvals, db.auditLog, async (): Promise<Result<Statement, StatementError>> => {
      const now = await mustGet(statementId);
      if (!now.ok) return now;
      if (now.value.head.id !== got.value.head.id) return err({ code: 'version-moved' });
      const apply = decision === 'approved' ? approveStatement : rejectStatement;
      const r = apply(now.value.statement, now.value.head, { ...input, textHash }, newId('apr', gen), actor);
      if (!r.ok) return r;
      const { statement, approval } = r.value;
      await db.approvals.add(approval);
      await db.statements.put(statement);
      await audit(
        actor,
        statement,
        'update',
        decision === 'approved'
          ? `Statement ${describe(statement)} version ${approval.versionNumber} approved by ${approval.approverName}, ${approval.approverRole}. SHA-256 ${textHash}`
          : `Statement ${describe(statement)} version ${approval.versionNumber} returned to draft by ${approval.approverName}, ${approval.approverRole}: ${approval.comment}`,
        [...statusChange(now.value.statement, statement), { field: 'decision', before: null, after: decision }],
      );
      return ok(statement);
    });
  }
}
export type StatementsRepo = ReturnType<typeof createStatementsRepo>;
