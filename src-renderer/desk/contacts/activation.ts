import { auditEvent, type Actor } from '@shared/domain/audit';
import {
  CALL_STATE_LABELS,
  activationStartContent,
  calleeId,
  changeState,
  earlierActivationsOf,
  escalateToFallback,
  standDownActivation,
  standDownContent,
  startActivation,
  timelineContentFor,
  type ActivationError,
  type StateChange,
} from '@shared/domain/contacts/activation';
import { newId } from '@shared/domain/ids';
import { err, ok, type Result } from '@shared/domain/result';
import { checkEntryContent, describeContentProblems } from '@shared/domain/timeline/contentCheck';
import type { FieldChange } from '@shared/schemas/entities';
import {
  CALL_NOTE_MAX,
  type CallAttempt,
  type CallState,
  type Contact,
  type TreeActivation,
} from '@shared/schemas/contacts';
import type { EntryContent } from '@shared/schemas/timeline';

import { t } from '../../i18n/messages';
import type { ContactsStore } from '../../db/repos/contactsRepo';
import { writePlanned, type Change } from '../door';
import { rowChanger, type Moved } from '../planned';
import { timelineLine, type ChainMoved, type TimelinedDeps } from '../timeline/chain';

export type ActivationWriteError =
  | ActivationError
  | { code: 'no-activation'; id: string }
  | { code: 'no-tree'; id: string }
  | { code: 'empty-tree' }
  /** The tree already ran for this incident and a second full activation was not confirmed. */
  | { code: 'already-activated'; earlier: TreeActivation }
  /** The change or its timeline line would break a limit; nothing was stored. `message` is in words. */
  | { code: 'refused'; message: string };

/** A call note is kept in the call log (up to CALL_NOTE_MAX) and on the timeline. */
const noteProblem = (note: string): ActivationWriteError | null =>
  note.trim().length > CALL_NOTE_MAX
    ? {
        code: 'refused',
        message: t('contacts.activation.noteTooLong', { length: note.trim().length, limit: CALL_NOTE_MAX }),
      }
    : null;

/** The timeline line of a change, checked before the change itself is planned. */
const checkedLine = (content: EntryContent): Result<EntryContent, ActivationWriteError> => {
  const checked = checkEntryContent(content);
  return checked.ok
    ? checked
    : err({
        code: 'refused',
        message: t('contacts.activation.lineRefused', { problems: describeContentProblems(checked.error) }),
      });
};

/** Another window kept changing the activation or the timeline: nothing was stored. Read when refused, in the language of that moment. */
const busy = (): ActivationWriteError => ({ code: 'refused', message: t('contacts.activation.busy') });

type Deps = TimelinedDeps<ContactsStore>;

/**
 * A call tree run during an incident: its start, every call's state, escalations, notes, and the
 * stand-down. Each change and its timeline line are written together, in one transaction.
 */
export function createActivations(deps: Deps) {
  const { door, store, gen } = deps;
  const auditLine = (
    actor: Actor,
    input: {
      incidentId: string;
      entityId: string;
      action: 'create' | 'update';
      summary: string;
      changes?: FieldChange[];
    },
  ) => auditEvent({ id: newId('aud', gen), actor, entityType: 'treeActivation', ...input });

  /**
   * Plans a change of the activation on what was read, then writes it with its timeline line;
   * another window changing the activation or the timeline meanwhile means: read and plan again.
   */
  const changeActivationRow = rowChanger<'treeActivations', ActivationWriteError>(
    door,
    'treeActivations',
    (key) => store.getActivation(key),
    (id) => ({ missing: { code: 'no-activation', id }, busy: busy() }),
  );

  const changeActivation = <T>(
    activationId: string,
    plan: (current: TreeActivation) => Result<
      {
        next: TreeActivation;
        line: EntryContent | null;
        add?: { callAttempts: CallAttempt[] };
        audit: ReturnType<typeof auditLine>[];
        value: T;
        kind: `activation.${string}`;
      },
      ActivationWriteError
    >,
    actor: Actor,
  ): Promise<Result<T, ActivationWriteError>> =>
    deps.enqueue(() =>
      changeActivationRow<T>(activationId, async (current) => {
        const planned = plan(current);
        if (!planned.ok) return planned;
        const { next, line, add, audit, value, kind } = planned.value;
        const logged = line === null ? null : await timelineLine(deps, next.incidentId, line, newId('tle', gen), actor);
        return ok({
          change: {
            scope: { incidentId: next.incidentId },
            kind,
            put: { treeActivations: [next] },
            add: { ...add, ...logged?.rows },
            audit,
            preconditions: logged ? [logged.precondition] : [],
          },
          value,
        });
      }),
    );

  /** A call's state changed (or passed to its fallback): the activation, the call log and the timeline. */
  const recordChange = (
    activationId: string,
    actor: Actor,
    note: string,
    apply: (a: TreeActivation) => Result<StateChange, ActivationError>,
  ): Promise<Result<TreeActivation, ActivationWriteError>> => {
    const tooLong = noteProblem(note);
    if (tooLong) return Promise.resolve(err(tooLong));
    return changeActivation(
      activationId,
      (current) => {
        const change = apply(current);
        if (!change.ok) return change;
        const { next, node, from, to, escalated } = change.value;
        const previous = current.nodes.find((n) => n.nodeId === node.nodeId);
        const line = checkedLine(
          timelineContentFor(
            next,
            { ...change.value, previousName: previous?.contactName ?? node.contactName },
            note,
            actor.now,
          ),
        );
        if (!line.ok) return line;
        const attempt: CallAttempt = {
          id: newId('cat', gen),
          activationId,
          incidentId: next.incidentId,
          nodeId: node.nodeId,
          contactId: calleeId(node),
          at: actor.now,
          by: actor.operator,
          from,
          to,
          escalated,
          note: note.trim(),
        };
        return ok({
          kind: escalated ? 'activation.escalated' : 'activation.call-marked',
          next,
          line: line.value,
          add: { callAttempts: [attempt] },
          audit: [
            auditLine(actor, {
              incidentId: next.incidentId,
              entityId: activationId,
              action: 'update',
              summary: escalated
                ? t('contacts.audit.callEscalated', { tree: next.treeName })
                : t('contacts.audit.callMarked', { state: CALL_STATE_LABELS[to], tree: next.treeName }),
              changes: [
                { field: `nodes.${node.nodeId}.state`, before: from, after: to },
                ...(escalated ? [{ field: `nodes.${node.nodeId}.onFallback`, before: false, after: true }] : []),
              ],
            }),
          ],
          value: next,
        });
      },
      actor,
    );
  };

  return {
    /**
     * Starts a tree for an incident: every call waiting; the start goes on the timeline. A tree
     * that already ran for this incident starts again only when `again` says the person was asked.
     */
    startActivation: (
      incidentId: string,
      treeId: string,
      actor: Actor,
      options: { again?: boolean } = {},
    ): Promise<Result<TreeActivation, ActivationWriteError>> =>
      deps.enqueue(() =>
        writePlanned<TreeActivation, ActivationWriteError>(
          door,
          async () => {
            const tree = await store.getTree(treeId);
            if (!tree) return err({ code: 'no-tree', id: treeId });
            if (tree.nodes.length === 0) return err({ code: 'empty-tree' });
            const runs = await store.listActivations(incidentId);
            const [earlier] = earlierActivationsOf(runs, treeId);
            if (earlier && !options.again) return err({ code: 'already-activated', earlier });
            const people = await store.contactsById([
              ...new Set(tree.nodes.flatMap((n) => [n.contactId, n.fallbackContactId ?? n.contactId])),
            ]);
            const contacts = new Map(people.filter((c): c is Contact => c !== undefined).map((c) => [c.id, c]));
            const activation = startActivation({
              id: newId('act', gen),
              incidentId,
              tree,
              contacts,
              now: actor.now,
              operator: actor.operator,
            });
            const line = checkedLine(activationStartContent(activation, actor.now));
            if (!line.ok) return line;
            const logged = await timelineLine(deps, incidentId, line.value, newId('tle', gen), actor);
            const change: Change<Moved | ChainMoved> = {
              scope: { incidentId },
              kind: 'activation.started',
              add: { treeActivations: [activation], ...logged.rows },
              audit: [
                auditLine(actor, {
                  incidentId,
                  entityId: activation.id,
                  action: 'create',
                  summary: t(earlier ? 'contacts.audit.activatedAgain' : 'contacts.audit.activated', {
                    tree: tree.name,
                  }),
                }),
              ],
              preconditions: [
                logged.precondition,
                // Planned on the tree as read and on the runs of it so far (a second start is asked about).
                {
                  what: `call tree ${treeId} is as read`,
                  reads: ['contactTrees'],
                  failure: { code: 'moved' },
                  holds: async () => (await store.getTree(treeId))?.updatedAt === tree.updatedAt,
                },
                {
                  what: `no other run of ${treeId} started meanwhile`,
                  reads: ['treeActivations'],
                  failure: { code: 'moved' },
                  holds: async () => (await store.listActivations(incidentId)).length === runs.length,
                },
              ],
            };
            return ok({ change, value: activation });
          },
          busy(),
        ),
      ),

    /** Calls an activation off, with the reason; logged on the timeline and in the audit log. */
    standDown: (
      activationId: string,
      reason: string,
      actor: Actor,
    ): Promise<Result<TreeActivation, ActivationWriteError>> =>
      changeActivation(
        activationId,
        (current) => {
          const next = standDownActivation(current, reason, actor.now, actor.operator);
          if (!next.ok) return next;
          const line = checkedLine(standDownContent(next.value, actor.now));
          if (!line.ok) return line;
          return ok({
            kind: 'activation.stood-down',
            next: next.value,
            line: line.value,
            audit: [
              auditLine(actor, {
                incidentId: current.incidentId,
                entityId: activationId,
                action: 'update',
                summary: t('contacts.audit.stoodDown', { tree: current.treeName }),
                changes: [{ field: 'standDownReason', before: null, after: next.value.standDown?.reason ?? null }],
              }),
            ],
            value: next.value,
          });
        },
        actor,
      ),

    setCallState: (activationId: string, nodeId: string, to: CallState, note: string, actor: Actor) =>
      recordChange(activationId, actor, note, (a) => changeState(a, nodeId, to, note, actor.now)),

    /** Passes an unreachable call to the node's fallback contact. */
    escalate: (activationId: string, nodeId: string, note: string, actor: Actor) =>
      recordChange(activationId, actor, note, (a) => escalateToFallback(a, nodeId, actor.now)),

    /** Adds a note to a call's log without changing its state ("rang twice, no answer"). */
    async logNote(
      activationId: string,
      nodeId: string,
      note: string,
      actor: Actor,
    ): Promise<Result<CallAttempt, ActivationWriteError>> {
      const tooLong = noteProblem(note);
      if (tooLong) return err(tooLong);
      const a = await store.getActivation(activationId);
      const node = a?.nodes.find((n) => n.nodeId === nodeId);
      if (!a || !node) return err({ code: 'no-activation', id: activationId });
      const attempt: CallAttempt = {
        id: newId('cat', gen),
        activationId,
        incidentId: a.incidentId,
        nodeId,
        contactId: calleeId(node),
        at: actor.now,
        by: actor.operator,
        from: node.state,
        to: node.state,
        escalated: false,
        note: note.trim(),
      };
      const written = await door.write({
        scope: { incidentId: a.incidentId },
        kind: 'activation.note-logged',
        add: { callAttempts: [attempt] },
        audit: [],
      });
      return written.ok ? ok(attempt) : err({ code: 'refused', message: written.error.message });
    },
  };
}
