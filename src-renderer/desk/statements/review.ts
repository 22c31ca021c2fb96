import type { Actor } from '@shared/domain/audit';
import { newId } from '@shared/domain/ids';
import { err, ok, type Result } from '@shared/domain/result';
import { releaseTimelineEntry } from '@shared/domain/statements/timelineEntries';
import {
  approveStatement,
  CHANNEL_LABELS,
  rejectStatement,
  releaseStatement,
  type StatementError,
} from '@shared/domain/statements/workflow';
import type { ReleaseChannel, Statement } from '@shared/schemas/statements';

import { changeStatement, describe, statementAudit, statusChange, type Planned, type StatementDeps } from './common';
import { timelineLine } from '../timeline/chain';
import { t, tList } from '../../i18n/messages';

type Decision = { approverName: string; approverRole: string; comment: string };

/** Approval, return to draft, and release: the review's changes to a statement. */
export function createReview(deps: StatementDeps) {
  const { store, gen } = deps;

  /**
   * Records the decision on the version in review, with the SHA-256 of its exact text. The hash is
   * computed before the change is written (Web Crypto is asynchronous, and an IndexedDB
   * transaction commits while it waits on anything else); the change is written on condition that
   * the statement is still as read, so the version approved is the version hashed.
   */
  const decide = (
    statementId: string,
    input: Decision,
    actor: Actor,
    decision: 'approved' | 'rejected',
  ): Promise<Result<Statement, StatementError>> =>
    changeStatement(
      deps,
      statementId,
      async ({ statement: before, head }): Promise<Result<Planned<Statement>, StatementError>> => {
        const textHash = await deps.sha256(head.text);
        const apply = decision === 'approved' ? approveStatement : rejectStatement;
        const r = apply(before, head, { ...input, textHash }, newId('apr', gen), actor);
        if (!r.ok) return r;
        const { statement, approval } = r.value;
        const summary =
          decision === 'approved'
            ? t('statements.audit.approved', {
                statement: describe(statement),
                version: String(approval.versionNumber),
                name: approval.approverName,
                role: approval.approverRole,
                hash: textHash,
              })
            : t('statements.audit.returned', {
                statement: describe(statement),
                version: String(approval.versionNumber),
                name: approval.approverName,
                role: approval.approverRole,
                comment: approval.comment,
              });
        return ok({
          change: {
            kind: decision === 'approved' ? 'statement.approved' : 'statement.returned',
            add: { approvals: [approval] },
            put: { statements: [statement] },
            audit: [
              statementAudit(gen, actor, statement, 'update', summary, [
                ...statusChange(before, statement),
                { field: 'decision', before: null, after: decision },
              ]),
            ],
          },
          value: statement,
        });
      },
    );

  return {
    approve: (statementId: string, input: Decision, actor: Actor) => decide(statementId, input, actor, 'approved'),
    reject: (statementId: string, input: Decision, actor: Actor) => decide(statementId, input, actor, 'rejected'),

    /**
     * Releases the approved version on the given channels and logs it on the incident's timeline
     * (communication, public, linked to the statement), the statement and the timeline entry in
     * ONE change: a release the statement cannot record never appears on the timeline.
     */
    release: (
      statementId: string,
      input: { channels: ReleaseChannel[]; at: number; note: string },
      actor: Actor,
    ): Promise<Result<Statement, StatementError>> =>
      deps.enqueue(() =>
        changeStatement(
          deps,
          statementId,
          async ({ statement: before }): Promise<Result<Planned<Statement>, StatementError>> => {
            const translation = await store.translationOf(before);
            const current = translation === null || translation.state === 'current';
            const entryId = newId('tle', gen);
            const released = releaseStatement(
              before,
              { releaseId: newId('rel', gen), timelineEntryId: entryId, ...input },
              actor,
              current,
            );
            if (!released.ok) return released;
            const version = await store.getVersion(released.value.release.versionId);
            if (!version) return err({ code: 'not-found', what: 'version' });
            const approval = await store.latestApproval(statementId, version.id);
            const line = await timelineLine(
              deps,
              before.incidentId,
              releaseTimelineEntry(before, version, approval, input),
              entryId,
              actor,
            );
            const summary = t('statements.audit.released', {
              statement: describe(before),
              version: String(version.number),
              channels: tList(input.channels.map((c) => CHANNEL_LABELS[c])),
            });
            return ok({
              change: {
                kind: 'statement.released',
                add: line.rows,
                put: { statements: [released.value.statement] },
                audit: [
                  statementAudit(gen, actor, before, 'update', summary, [
                    ...statusChange(before, released.value.statement),
                    { field: 'channels', before: null, after: released.value.release.channels },
                  ]),
                ],
                preconditions: [line.precondition],
              },
              value: released.value.statement,
            });
          },
        ),
      ),
  };
}
