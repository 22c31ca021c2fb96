import { err, ok, type Result } from '../result';
import type { ActivationNode, CallState, Contact, ContactTree, TreeActivation } from '../../schemas/contacts';
import { ENTRY_LIMITS, type EntryContent } from '../../schemas/timeline';
import { clampText } from '../text/clampText';
import { parentIndex } from './tree';
import { format } from '../../i18n/format';
import { choiceLabels } from '../../i18n/choices';
import { CALL_STATES } from '../../schemas/contacts';

/** Words for each state, as the desk shows and logs them. */
export const CALL_STATE_LABELS = choiceLabels('callState', CALL_STATES);

/** States in which the call is settled; leaving one needs a note saying why. */
const SETTLED: ReadonlySet<CallState> = new Set(['reached', 'declined']);

/**
 * Which state may follow which. A reached person goes back only to waiting (a wrong mark, or
 * they must be called again), and only with a note; a decline is reopened only with a note.
 */
const ALLOWED: Record<CallState, readonly CallState[]> = {
  waiting: ['calling', 'reached', 'message-left', 'unreachable', 'declined'],
  calling: ['waiting', 'reached', 'message-left', 'unreachable', 'declined'],
  'message-left': ['waiting', 'calling', 'reached', 'unreachable', 'declined'],
  unreachable: ['waiting', 'calling', 'reached', 'message-left', 'declined'],
  reached: ['waiting'],
  declined: ['waiting', 'calling', 'reached'],
};

export type ActivationError =
  | { code: 'same-state'; state: CallState }
  | { code: 'not-allowed'; from: CallState; to: CallState }
  | { code: 'note-required'; from: CallState; to: CallState }
  | { code: 'no-fallback' }
  | { code: 'already-on-fallback' }
  | { code: 'not-unreachable'; state: CallState }
  | { code: 'not-found'; nodeId: string }
  | { code: 'stood-down'; at: number; by: string }
  | { code: 'reason-required' };

export function describeActivationError(e: ActivationError): string {
  switch (e.code) {
    case 'same-state':
      return format('contacts.activation.sameState', { state: CALL_STATE_LABELS[e.state] });
    case 'not-allowed':
      return format(e.from === 'reached' ? 'contacts.activation.notAllowedReached' : 'contacts.activation.notAllowed', {
        from: CALL_STATE_LABELS[e.from],
        to: CALL_STATE_LABELS[e.to],
      });
    case 'note-required':
      return format('contacts.activation.noteRequired', {
        from: CALL_STATE_LABELS[e.from],
        to: CALL_STATE_LABELS[e.to],
      });
    case 'no-fallback':
      return format('contacts.activation.noFallback');
    case 'already-on-fallback':
      return format('contacts.activation.alreadyOnFallback');
    case 'not-unreachable':
      return format('contacts.activation.notUnreachable', { state: CALL_STATE_LABELS[e.state] });
    case 'not-found':
      return format('contacts.activation.notFound');
    case 'stood-down':
      return format('contacts.activation.stoodDown', { by: e.by });
    case 'reason-required':
      return format('contacts.activation.reasonRequired');
  }
}

/** Checks a change of state; the note is what the caller typed (may be empty). */
export function checkTransition(from: CallState, to: CallState, note: string): Result<null, ActivationError> {
  if (from === to) return err({ code: 'same-state', state: from });
  if (!ALLOWED[from].includes(to)) return err({ code: 'not-allowed', from, to });
  if (SETTLED.has(from) && note.trim() === '') return err({ code: 'note-required', from, to });
  return ok(null);
}

/** Whether leaving this state needs a note (the form says so before the operator tries). */
export function isSettled(state: CallState): boolean {
  return SETTLED.has(state);
}

/** The states a call in `from` may move to, for the buttons to offer. */
export function nextStates(from: CallState): readonly CallState[] {
  return ALLOWED[from];
}

/** A new activation: the tree as it stands, every call waiting. */
export function startActivation(input: {
  id: string;
  incidentId: string;
  tree: ContactTree;
  contacts: ReadonlyMap<string, Contact>;
  now: number;
  operator: string;
}): TreeActivation {
  const nameOf = (id: string) => input.contacts.get(id)?.name ?? format('contacts.activation.unknownContact');
  return {
    id: input.id,
    incidentId: input.incidentId,
    treeId: input.tree.id,
    treeName: input.tree.name,
    nodes: input.tree.nodes.map((n) => ({
      nodeId: n.id,
      contactId: n.contactId,
      depth: n.depth,
      fallbackContactId: n.fallbackContactId,
      contactName: nameOf(n.contactId),
      contactRole: input.contacts.get(n.contactId)?.role ?? '',
      fallbackName: n.fallbackContactId === null ? null : nameOf(n.fallbackContactId),
      state: 'waiting',
      onFallback: false,
      updatedAt: input.now,
    })),
    startedAt: input.now,
    startedBy: input.operator,
    updatedAt: input.now,
  };
}

/** The name of the person now being called at a node: the fallback once escalated. */
export function calleeName(node: ActivationNode): string {
  return node.onFallback && node.fallbackName !== null ? node.fallbackName : node.contactName;
}
export function calleeId(node: ActivationNode): string {
  return node.onFallback && node.fallbackContactId !== null ? node.fallbackContactId : node.contactId;
}

export type StateChange = {
  next: TreeActivation;
  node: ActivationNode;
  from: CallState;
  to: CallState;
  escalated: boolean;
};

/** True once an activation has been stood down: its calls are finished with. */
export const isStoodDown = (a: Pick<TreeActivation, 'standDown'>): boolean => a.standDown !== undefined;

/** Refuses any call change in an activation that was stood down. */
const stillRunning = (a: TreeActivation): Result<null, ActivationError> =>
  a.standDown ? err({ code: 'stood-down', at: a.standDown.at, by: a.standDown.by }) : ok(null);

/**
 * Moves one call of a running activation to the state `check` allows (or refuses with its reason);
 * an escalation also passes the call to the node's fallback.
 */
function moveCall(
  a: TreeActivation,
  nodeId: string,
  now: number,
  escalated: boolean,
  check: (node: ActivationNode) => Result<CallState, ActivationError>,
): Result<StateChange, ActivationError> {
  const running = stillRunning(a);
  if (!running.ok) return running;
  const node = a.nodes.find((n) => n.nodeId === nodeId);
  if (!node) return err({ code: 'not-found', nodeId });
  const to = check(node);
  if (!to.ok) return to;
  const updated: ActivationNode = { ...node, state: to.value, ...(escalated && { onFallback: true }), updatedAt: now };
  return ok({
    next: { ...a, nodes: a.nodes.map((n) => (n.nodeId === nodeId ? updated : n)), updatedAt: now },
    node: updated,
    from: node.state,
    to: to.value,
    escalated,
  });
}

/** Moves one call to a new state, if the machine allows it. */
export function changeState(
  a: TreeActivation,
  nodeId: string,
  to: CallState,
  note: string,
  now: number,
): Result<StateChange, ActivationError> {
  return moveCall(a, nodeId, now, false, (node) => {
    const check = checkTransition(node.state, to, note);
    return check.ok ? ok(to) : check;
  });
}

/**
 * Fallback escalation: an unreachable call passes to the node's fallback contact, who is then
 * waiting to be called by the same caller. Only once per node: after the fallback, the call
 * stays with whoever answers, and the people this node would have called pass up (see nextCallsFor).
 */
export function escalateToFallback(
  a: TreeActivation,
  nodeId: string,
  now: number,
): Result<StateChange, ActivationError> {
  return moveCall(a, nodeId, now, true, (node) => {
    if (node.fallbackContactId === null) return err({ code: 'no-fallback' });
    if (node.onFallback) return err({ code: 'already-on-fallback' });
    if (node.state !== 'unreachable') return err({ code: 'not-unreachable', state: node.state });
    return ok('waiting');
  });
}

export type Progress = { reached: number; total: number; unreachable: number; declined: number; open: number };

/** Reached / total, and what is still open, for the progress bar. */
export function activationProgress(a: TreeActivation): Progress {
  const count = (s: CallState) => a.nodes.filter((n) => n.state === s).length;
  const reached = count('reached');
  const unreachable = count('unreachable');
  const declined = count('declined');
  return {
    reached,
    total: a.nodes.length,
    unreachable,
    declined,
    open: a.nodes.length - reached - unreachable - declined,
  };
}

/** Who makes a node's call: the caller node's index, or null when the desk itself calls. */
export function effectiveCaller(a: TreeActivation, i: number): number | null {
  // A caller who could not be reached (or declined) passes their calls up to their own caller.
  let p = parentIndex(a.nodes, i);
  while (p !== null) {
    const caller = a.nodes[p];
    if (caller && caller.state !== 'unreachable' && caller.state !== 'declined') return p;
    p = parentIndex(a.nodes, p);
  }
  return null;
}

/**
 * The calls a person still has to make, in order: the nodes they call, plus the calls passed up
 * to them from callers who could not be reached. `callerNodeId` null means the desk (the top).
 */
export function nextCallsFor(a: TreeActivation, callerNodeId: string | null): ActivationNode[] {
  const callerIndex = callerNodeId === null ? null : a.nodes.findIndex((n) => n.nodeId === callerNodeId);
  return a.nodes.filter(
    (n, i) =>
      (n.state === 'waiting' || n.state === 'calling' || n.state === 'message-left') &&
      effectiveCaller(a, i) === callerIndex,
  );
}

/** The timeline line for a change: "Call tree “Faith leaders”: Imam Y. Rahman reached". */
export function timelineContentFor(
  a: TreeActivation,
  change: Pick<StateChange, 'node' | 'to' | 'escalated'> & { previousName?: string },
  note: string,
  now: number,
): EntryContent {
  const name = calleeName(change.node);
  const title = change.escalated
    ? format('contacts.activation.line.escalated', {
        tree: a.treeName,
        previous: change.previousName ?? change.node.contactName,
        name,
      })
    : format('contacts.activation.line.call', { tree: a.treeName, name, state: CALL_STATE_LABELS[change.to] });
  return {
    ...callTreeLine(a, now, title, note.trim()),
    sourceContactId: calleeId(change.node),
    links: [
      { kind: 'contact', id: calleeId(change.node) },
      { kind: 'activation', id: a.id },
    ],
  };
}

/**
 * Every line a call tree writes on the timeline: an internal, confirmed communication linked to
 * the activation. Title and body are cut to the entry's limits, so a long tree name never stops a
 * call from being logged.
 */
function callTreeLine(a: Pick<TreeActivation, 'id'>, now: number, title: string, body: string): EntryContent {
  return {
    occurredAt: now,
    occurredPrecision: 'exact',
    reportedAt: null,
    category: 'communication',
    title: clampText(title, ENTRY_LIMITS.title),
    body: clampText(body, ENTRY_LIMITS.body),
    source: format('contacts.activation.source'),
    sourceContactId: null,
    verification: 'confirmed',
    tags: ['call-tree'],
    release: 'internal',
    links: [{ kind: 'activation', id: a.id }],
    onBehalfOf: null,
    transcribed: false,
    retracted: false,
    retractionReason: null,
  };
}

/**
 * Calls an activation off: nobody else is called in it (the threat passed, the wrong tree was
 * started, everyone needed was reached another way). The reason is required: it is the record.
 */
export function standDownActivation(
  a: TreeActivation,
  reason: string,
  now: number,
  operator: string,
): Result<TreeActivation, ActivationError> {
  const running = stillRunning(a);
  if (!running.ok) return running;
  if (reason.trim() === '') return err({ code: 'reason-required' });
  return ok({ ...a, standDown: { at: now, by: operator, reason: reason.trim() }, updatedAt: now });
}

/** The timeline line that stands an activation down. */
export function standDownContent(a: TreeActivation, now: number): EntryContent {
  const p = activationProgress(a);
  return callTreeLine(
    a,
    now,
    format('contacts.activation.line.stoodDown', { tree: a.treeName, reached: p.reached, total: p.total }),
    a.standDown?.reason ?? '',
  );
}

/** Earlier activations of the same tree in the same incident, newest first: a second start asks first. */
export function earlierActivationsOf(activations: readonly TreeActivation[], treeId: string): TreeActivation[] {
  return activations.filter((a) => a.treeId === treeId).sort((x, y) => y.startedAt - x.startedAt);
}

/** The timeline line that opens an activation. */
export function activationStartContent(a: TreeActivation, now: number): EntryContent {
  return callTreeLine(a, now, format('contacts.activation.started', { tree: a.treeName, people: a.nodes.length }), '');
}
