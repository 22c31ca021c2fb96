import { auditEvent, type Actor } from '@shared/domain/audit';
import { newId, type IdGenerator } from '@shared/domain/ids';
import { ok, type Result } from '@shared/domain/result';
import { languageLabel } from '@shared/domain/statements/languages';
import type { TemplateErrors } from '@shared/domain/statements/templates';
import type { StatementError } from '@shared/domain/statements/workflow';
import type { AuditEvent, FieldChange } from '@shared/schemas/entities';
import type { PersonMention, Statement, StatementVersion } from '@shared/schemas/statements';

import { t } from '../../i18n/messages';
import type { StatementsRepo } from '../../db/repos/statementsRepo';
import { writePlanned, type Change, type Precondition } from '../door';
import type { ChainMoved, TimelinedDeps } from '../timeline/chain';

export type TemplateWriteError =
  | { code: 'invalid'; errors: TemplateErrors }
  | { code: 'duplicate'; type: string; language: string }
  | { code: 'not-found' }
  | { code: 'refused'; message: string };

export type StatementWriteError = StatementError | { code: 'translation-exists'; language: string };

export type StatementDeps = TimelinedDeps<StatementsRepo>;

/** A statement as the audit log names it: “Holding statement” (English). */
export const describe = (s: Pick<Statement, 'title' | 'language'>) =>
  t('statements.audit.statementName', { title: s.title, language: languageLabel(s.language) });

/** A person as the audit log records them: "Sara Lind (victim, no consent)". */
export const personLine = (p: PersonMention) =>
  t('statements.audit.person', { name: p.name, role: p.role, consent: p.consentRecorded ? 'yes' : 'no' });

export const statusChange = (before: Statement, after: Statement): FieldChange[] =>
  before.status === after.status ? [] : [{ field: 'status', before: before.status, after: after.status }];

export const versionChange = (before: Statement, after: Statement): FieldChange[] =>
  before.headVersionNumber === after.headVersionNumber
    ? []
    : [{ field: 'version', before: before.headVersionNumber, after: after.headVersionNumber }];

/** The audit line of a change to a statement. */
export function statementAudit(
  gen: IdGenerator,
  actor: Actor,
  s: Pick<Statement, 'id' | 'incidentId'>,
  action: 'create' | 'update',
  summary: string,
  changes: FieldChange[] = [],
): AuditEvent {
  return auditEvent({
    id: newId('aud', gen),
    actor,
    incidentId: s.incidentId,
    entityType: 'statement',
    entityId: s.id,
    action,
    summary,
    changes,
  });
}

/** What the change was planned on: the statement is still as it was read (nobody saved, reviewed or released it since). */
export function statementIsStill(store: StatementsRepo, read: Statement): Precondition<{ code: 'version-moved' }> {
  return {
    what: `statement ${read.id} is still at version ${read.headVersionNumber}, ${read.status}, as last saved at ${read.updatedAt}`,
    reads: ['statements'],
    failure: { code: 'version-moved' },
    holds: async () => {
      const now = await store.get(read.id);
      return (
        now !== undefined &&
        now.updatedAt === read.updatedAt &&
        now.headVersionId === read.headVersionId &&
        now.status === read.status &&
        now.approvedVersionId === read.approvedVersionId
      );
    },
  };
}

/** A change to one statement, planned on what was read: the change and what the use-case returns. */
export type Planned<T> = { change: Omit<Change<ChainMoved>, 'scope'>; value: T };

/**
 * Reads the statement with its head version, plans the change with the domain's command, and has
 * the door write it on condition that the statement is still as read; if another window changed
 * it meanwhile, reads and plans again, so the result is as if the two had waited in line.
 */
export function changeStatement<T, E>(
  deps: StatementDeps,
  statementId: string,
  plan: (got: {
    statement: Statement;
    head: StatementVersion;
  }) => Promise<Result<Planned<T>, E>> | Result<Planned<T>, E>,
): Promise<Result<T, E | StatementError>> {
  return writePlanned<T, E | StatementError>(
    deps.door,
    async () => {
      const got = await deps.store.withHead(statementId);
      if (!got.ok) return got;
      const planned = await plan(got.value);
      if (!planned.ok) return planned;
      const { change, value } = planned.value;
      const preconditions = [statementIsStill(deps.store, got.value.statement), ...(change.preconditions ?? [])];
      return ok({ change: { ...change, scope: { incidentId: got.value.statement.incidentId }, preconditions }, value });
    },
    { code: 'version-moved' },
  );
}
