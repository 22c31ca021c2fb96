import type { Actor } from '@shared/domain/audit';
import { newId } from '@shared/domain/ids';
import { err, ok, type Result } from '@shared/domain/result';
import { autoFillValues } from '@shared/domain/statements/placeholderCatalogue';
import { placeholderNames } from '@shared/domain/statements/placeholders';
import { draftsWrittenApart } from '@shared/domain/statements/branches';
import { withdrawalTimelineEntry } from '@shared/domain/statements/timelineEntries';
import {
  editDraft,
  keepDraftWrittenApart,
  recallFromReview,
  reviseApproved,
  startStatement,
  submitForReview,
  withdrawStatement,
  type DraftEdit,
  type StatementError,
  type VersionSaved,
} from '@shared/domain/statements/workflow';
import type { Incident } from '@shared/schemas/entities';
import type { PersonMention, Statement, StatementVersion } from '@shared/schemas/statements';

import { t, type MessageId } from '../../i18n/messages';
import {
  changeStatement,
  describe,
  personLine,
  statementAudit,
  statusChange,
  versionChange,
  type Planned,
  type StatementDeps,
  type StatementWriteError,
} from './common';
import { timelineLine } from '../timeline/chain';

/**
 * Plans a new version (if any) and the statement's change, with one audit line: the message
 * `summary` names the statement and the new version's number.
 */
export function saveVersion(
  deps: StatementDeps,
  statementId: string,
  actor: Actor,
  kind: `statement.${string}`,
  summary: MessageId,
  plan: (
    s: Statement,
    head: StatementVersion,
    versionId: string,
  ) => Promise<Result<VersionSaved, StatementError>> | Result<VersionSaved, StatementError>,
): Promise<Result<VersionSaved, StatementError>> {
  return changeStatement(
    deps,
    statementId,
    async ({ statement: before, head }): Promise<Result<Planned<VersionSaved>, StatementError>> => {
      const planned = await plan(before, head, newId('stv', deps.gen));
      if (!planned.ok) return planned;
      const { statement, version } = planned.value;
      // Nothing to save: the text is as stored.
      if (version === null) return ok({ change: { kind, audit: [] }, value: planned.value });
      return ok({
        change: {
          kind,
          add: { statementVersions: [version] },
          put: { statements: [statement] },
          audit: [
            statementAudit(
              deps.gen,
              actor,
              statement,
              'update',
              t(summary, { statement: describe(statement), version: String(version.number) }),
              [...statusChange(before, statement), ...versionChange(before, statement)],
            ),
          ],
        },
        value: planned.value,
      });
    },
  );
}

/** A change of the statement's own row (no new version), with its audit line. */
function transition(
  deps: StatementDeps,
  statementId: string,
  actor: Actor,
  kind: `statement.${string}`,
  apply: (s: Statement, head: StatementVersion) => Result<Statement, StatementError>,
  summary: (s: Statement) => string,
): Promise<Result<Statement, StatementError>> {
  return changeStatement(
    deps,
    statementId,
    ({ statement: before, head }): Result<Planned<Statement>, StatementError> => {
      const next = apply(before, head);
      if (!next.ok) return next;
      return ok({
        change: {
          kind,
          put: { statements: [next.value] },
          audit: [
            statementAudit(
              deps.gen,
              actor,
              next.value,
              'update',
              summary(next.value),
              statusChange(before, next.value),
            ),
          ],
        },
        value: next.value,
      });
    },
  );
}

export function createDrafting(deps: StatementDeps) {
  const { store, gen } = deps;
  return {
    /**
     * Starts a draft for an incident from a template. Placeholders known from the incident and the
     * settings are filled in the template's language; the people list is carried over from the
     * incident's most recent statement, so consent and suspects are recorded once.
     */
    async startDraft(
      input: { incident: Incident; cityName: string; templateId: string },
      actor: Actor,
    ): Promise<Result<Statement, StatementWriteError>> {
      const template = await store.templateRow(input.templateId);
      if (template?.kind !== 'template') return err({ code: 'not-found', what: 'template' });
      const values = autoFillValues(placeholderNames(template.body), {
        cityName: input.cityName,
        incident: input.incident,
        language: template.language,
        now: actor.now,
      });
      const previous = (await store.listForIncident(input.incident.id)).sort((a, b) => b.updatedAt - a.updatedAt)[0];
      const { statement, version } = startStatement({
        statementId: newId('stm', gen),
        versionId: newId('stv', gen),
        incidentId: input.incident.id,
        template,
        values,
        autoFilled: Object.keys(values),
        people: previous?.people ?? [],
        translation: null,
        note: t('statements.audit.startedFromTemplate', { template: template.title }),
        actor,
      });
      const written = await deps.door.write({
        scope: { incidentId: input.incident.id },
        kind: 'statement.drafted',
        add: { statements: [statement], statementVersions: [version] },
        audit: [
          statementAudit(
            gen,
            actor,
            statement,
            'create',
            t('statements.audit.drafted', { statement: describe(statement) }),
            [{ field: 'status', before: null, after: 'draft' }],
          ),
        ],
      });
      return written.ok ? ok(statement) : err({ code: 'refused', message: written.error.message });
    },

    /** Saves a draft's text and values as a new version; approved text is refused (see revise). */
    saveDraft: (statementId: string, edit: DraftEdit, actor: Actor) =>
      saveVersion(deps, statementId, actor, 'statement.saved', 'statements.audit.saved', (s, head, versionId) =>
        editDraft(s, head, edit, versionId, actor),
      ),

    /** Edits approved or released text: a new version, back in draft, needing approval again. */
    revise: (statementId: string, edit: DraftEdit, actor: Actor) =>
      saveVersion(deps, statementId, actor, 'statement.revised', 'statements.audit.revised', (s, head, versionId) =>
        reviseApproved(s, head, edit, versionId, actor),
      ),

    /**
     * Keeps one of the drafts two desks wrote apart (`keep` is its version id): it becomes the next
     * version, which settles the statement on every desk.
     */
    keepDraft: (statementId: string, keep: string, actor: Actor) =>
      saveVersion(deps, statementId, actor, 'statement.kept', 'statements.audit.kept', async (s, head, versionId) => {
        const kept = draftsWrittenApart(s, await store.versions(statementId))?.find((v) => v.id === keep);
        if (!kept) return err({ code: 'version-moved' as const });
        return keepDraftWrittenApart(s, head, kept, versionId, actor);
      }),

    /** The people the statement may name, and the drafter's ticks on the guidance: drafts only. */
    setContext: (
      statementId: string,
      context: { people?: PersonMention[]; ticked?: string[] },
      actor: Actor,
    ): Promise<Result<Statement, StatementError>> =>
      changeStatement(deps, statementId, ({ statement: s }): Result<Planned<Statement>, StatementError> => {
        if (s.status !== 'draft') return err({ code: 'not-allowed', action: 'edit', status: s.status });
        const next: Statement = {
          ...s,
          ...(context.people && { people: context.people }),
          ...(context.ticked && { ticked: context.ticked }),
          updatedAt: actor.now,
          updatedBy: actor.operator,
        };
        const changes = [
          ...(context.people
            ? [{ field: 'people', before: s.people.map(personLine), after: next.people.map(personLine) }]
            : []),
          ...(context.ticked ? [{ field: 'ticked', before: s.ticked, after: next.ticked }] : []),
        ];
        const summary = context.people
          ? t('statements.audit.peopleUpdated', { statement: describe(next) })
          : t('statements.audit.guidanceTicked', { statement: describe(next) });
        return ok({
          change: {
            kind: 'statement.context-set',
            put: { statements: [next] },
            audit: [statementAudit(gen, actor, next, 'update', summary, changes)],
          },
          value: next,
        });
      }),

    /**
     * Sends the head version for review. The sensitivity warnings are worked out again here from
     * the stored text, so what is recorded as overridden is what the text actually raised.
     */
    async submit(
      statementId: string,
      input: { overrideReason: string | null; ticked: string[] },
      actor: Actor,
    ): Promise<Result<Statement, StatementError>> {
      const got = await store.withHead(statementId);
      if (!got.ok) return got;
      const warnings = await store.warningsFor(got.value.statement, got.value.head.text);
      const sourceText = await store.sourceTextOf(got.value.statement);
      return transition(
        deps,
        statementId,
        actor,
        'statement.submitted',
        (s, head) =>
          head.id !== got.value.head.id
            ? err({ code: 'version-moved' })
            : submitForReview(
                s,
                head,
                { warnings, overrideReason: input.overrideReason, ticked: input.ticked, sourceText },
                actor,
              ),
        (s) =>
          warnings.length > 0
            ? t('statements.audit.sentForReviewOverriding', {
                statement: describe(s),
                version: String(s.headVersionNumber),
                count: warnings.length,
                reason: input.overrideReason?.trim() ?? '',
              })
            : t('statements.audit.sentForReview', { statement: describe(s), version: String(s.headVersionNumber) }),
      );
    },

    recall: (statementId: string, actor: Actor) =>
      transition(
        deps,
        statementId,
        actor,
        'statement.recalled',
        (s) => recallFromReview(s, actor),
        (s) => t('statements.audit.recalled', { statement: describe(s) }),
      ),

    /** Withdraws a statement with the reason; a released one is also logged as withdrawn on the timeline, in the same change. */
    withdraw: (statementId: string, reason: string, actor: Actor): Promise<Result<Statement, StatementError>> =>
      deps.enqueue(() =>
        changeStatement(
          deps,
          statementId,
          async ({ statement: before }): Promise<Result<Planned<Statement>, StatementError>> => {
            const next = withdrawStatement(before, reason, actor);
            if (!next.ok) return next;
            const audit = [
              statementAudit(
                gen,
                actor,
                next.value,
                'update',
                t('statements.audit.withdrawn', { statement: describe(next.value), reason: reason.trim() }),
                statusChange(before, next.value),
              ),
            ];
            if (before.status !== 'released')
              return ok({
                change: { kind: 'statement.withdrawn', put: { statements: [next.value] }, audit },
                value: next.value,
              });
            const line = await timelineLine(
              deps,
              before.incidentId,
              withdrawalTimelineEntry(next.value, actor.now, reason),
              newId('tle', gen),
              actor,
            );
            return ok({
              change: {
                kind: 'statement.withdrawn',
                add: line.rows,
                put: { statements: [next.value] },
                audit,
                preconditions: [line.precondition],
              },
              value: next.value,
            });
          },
        ),
      ),
  };
}
