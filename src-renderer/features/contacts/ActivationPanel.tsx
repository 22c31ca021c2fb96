import { useState, type ReactElement } from 'react';

import {
  CALL_STATE_LABELS,
  activationProgress,
  calleeId,
  calleeName,
  describeActivationError,
  nextCallsFor,
  isSettled,
  isStoodDown,
  earlierActivationsOf,
  nextStates,
} from '@shared/domain/contacts/activation';
import { isStale } from '@shared/domain/contacts/contact';
import { parentIndex } from '@shared/domain/contacts/tree';
import type { ActivationNode, CallAttempt, CallState, Contact, TreeActivation } from '@shared/schemas/contacts';
import type { ResolvedWith } from '@shared/schemas/checklists';
import type { DeskSettings, Incident } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import type { ActivationWriteError } from '../../desk/contacts/activation';
import { useNow } from '../../lib/useNow';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { ResolveOffer } from '../checklists/ResolveOffer';
import { useStaleDays } from './useStaleDays';
import { PhoneNumber } from './PhoneNumber';
import { usePhoneCountry } from './usePhoneCountry';
import { useAppStore } from '../../store';
import { clockTime, since } from './format';
import { useActivations, useAttempts, useContacts, useTrees } from './queries';
import { UserText } from '../../ui/UserText';
import { t } from '../../i18n/messages';

const describeWriteError = (e: ActivationWriteError): string =>
  e.code === 'refused' ? e.message
    : e.code === 'no-activation' || e.code === 'no-tree' ? 'This activation no longer exists on this desk.'
    : e.code === 'empty-tree' ? 'That tree has nobody in it yet.'
    : e.code === 'already-activated' ? `“${e.earlier.treeName}” was already activated for this incident.`
    : describeActivationError(e);

/** "3 of 8 reached, stood down at 10:42" or "3 of 8 reached, still calling": an earlier activation in a line. */
function activationState(a: TreeActivation, timeZone: string): string {
  const p = activationProgress(a);
  const state = a.standDown ? `stood down at ${clockTime(a.standDown.at, timeZone)}` : p.open > 0 ? 'still calling' : 'every call settled';
  return `${p.reached} of ${p.total} reached, ${state}`;
}

const ACTION_LABELS: Record<CallState, string> = {
  waiting: 'Back to waiting',
  calling: 'Calling now',
  reached: 'Reached',
  'message-left': 'Message left',
  unreachable: 'Unreachable',
  declined: 'Declined',
};

function NodeRow({ activation, node, index, contact, attempts, incident, settings }: {
  activation: TreeActivation; node: ActivationNode; index: number; contact: Contact | undefined; attempts: CallAttempt[]; incident: Incident; settings: DeskSettings;
}): ReactElement {
  const { useCases, clock } = useDesk();
  const now = useNow();
  const staleDays = useStaleDays();
  const country = usePhoneCountry();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const actor = () => actorFrom(settings.operatorName, clock);
  const p = parentIndex(activation.nodes, index);
  const caller = p === null ? 'the desk' : calleeName(activation.nodes[p] ?? node);
  const done = (r: { ok: boolean }) => {
    if (r.ok) {
      setNote('');
      setProblem(null);
    }
  };
  const change = (to: CallState) =>
    void useCases.contacts.setCallState(activation.id, node.nodeId, to, note, actor()).then((r) => {
      if (!r.ok) setProblem(describeWriteError(r.error));
      else done(r);
    });
  const noteId = `note-${node.nodeId}`;
  const name = calleeName(node);
  const closed = incident.status === 'closed' || isStoodDown(activation);
  return (
    <li className={`call call--${node.state}`} style={{ marginLeft: `${node.depth * 1.75}rem` }} aria-label={`${name}: ${CALL_STATE_LABELS[node.state]}`}>
      <div className="call__main">
        <div className="call__who">
          <strong><UserText text={name} /></strong>
          {node.onFallback && <span className="badge badge--muted call__fallback-badge">fallback for <UserText text={node.contactName} /></span>}
          <span className="muted"> {node.onFallback ? '' : node.contactRole}</span>
          <div className="muted">Called by {caller}</div>
          {contact && (
            <div className="call__numbers">
              {contact.phones.map((ph) => <PhoneNumber key={`${ph.label}${ph.number}`} phone={ph} country={country} />)}
              {contact.radioCallSign && <span>Radio {contact.radioCallSign}</span>}
              {isStale(contact, now, staleDays) && <span className="badge badge--stale">Stale details</span>}
            </div>
          )}
        </div>
        <span className={`state state--${node.state}`} data-testid={`state-${node.nodeId}`}>{CALL_STATE_LABELS[node.state]}</span>
      </div>
      {!closed && (
        <div className="call__actions">
          <label className="visually-hidden" htmlFor={noteId}>Note for the call to {name}</label>
          <input id={noteId} className="call__note" placeholder={isSettled(node.state) ? 'Note (needed to reopen this call)' : 'Note (optional)'} value={note} onChange={(e) => setNote(e.target.value)} />
          {nextStates(node.state).map((s) => (
            <button key={s} type="button" className={`button${s === 'reached' ? ' button--primary' : ''}`} onClick={() => change(s)} aria-label={`${ACTION_LABELS[s]}: ${name}`}>{ACTION_LABELS[s]}</button>
          ))}
          {note.trim() !== '' && (
            <button type="button" className="button button--ghost" onClick={() => void useCases.contacts.logNote(activation.id, node.nodeId, note, actor()).then(done)}>Add note only</button>
          )}
        </div>
      )}
      {node.state === 'unreachable' && node.fallbackName !== null && !node.onFallback && !closed && (
        <p className="call__fallback" role="status">
          {node.contactName} could not be reached. Their fallback is <strong>{node.fallbackName}</strong>.{' '}
          <button type="button" className="button button--primary" onClick={() => void useCases.contacts.escalate(activation.id, node.nodeId, note, actor()).then((r) => {
            if (!r.ok) setProblem(describeWriteError(r.error));
            else done(r);
          })}>Call fallback: {node.fallbackName}</button>
        </p>
      )}
      {node.state === 'unreachable' && (node.fallbackName === null || node.onFallback) && (
        <p className="muted">No {node.onFallback ? 'further ' : ''}fallback: the people {name} would have called pass to {caller}.</p>
      )}
      {problem && <p className="field__error" role="alert">{problem}</p>}
      {attempts.length > 0 && (
        <ol className="call__log" aria-label={`Call log for ${name}`}>
          {attempts.map((a) => (
            <li key={a.id}>
              <time>{clockTime(a.at, incident.timeZone)}</time> {a.escalated ? `passed to fallback` : a.from === a.to ? 'note' : `${CALL_STATE_LABELS[a.from]} → ${CALL_STATE_LABELS[a.to]}`}
              {a.note && <>: {a.note}</>} <span className="muted">({a.by})</span>
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

/** Asks why before an activation is stood down; the reason goes on the timeline and in the record. */
function StandDownDialog({ activation, settings, onClose }: { activation: TreeActivation; settings: DeskSettings; onClose: () => void }): ReactElement {
  const { useCases, clock } = useDesk();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const p = activationProgress(activation);
  return (
    <Dialog title={`Stand down “${activation.treeName}”?`} onClose={onClose}>
      <form onSubmit={(e) => {
        e.preventDefault();
        void useCases.contacts.standDown(activation.id, reason, actorFrom(settings.operatorName, clock)).then((r) => {
          if (!r.ok) return setProblem(describeWriteError(r.error));
          onClose();
        });
      }}>
        <p>{p.reached} of {p.total} reached; {t('activation.openCalls', { count: p.open })} Standing down means nobody else is called in this activation. It stays in the record, with the reason.</p>
        <Field label="Why is it stood down?" error={problem ?? undefined}>
          {({ id, describedBy, invalid }) => (
            <textarea id={id} rows={3} value={reason} aria-describedby={describedBy} aria-invalid={invalid}
              placeholder="e.g. Police confirm the threat is over; the remaining departments were told at the 11:00 briefing"
              onChange={(e) => setReason(e.target.value)} />
          )}
        </Field>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>Keep calling</button>
          <button type="submit" className="button button--danger">Stand down</button>
        </div>
      </form>
    </Dialog>
  );
}

function ActivationView({ activation, incident, settings, contacts }: { activation: TreeActivation; incident: Incident; settings: DeskSettings; contacts: ReadonlyMap<string, Contact> }): ReactElement {
  const country = usePhoneCountry();
  const now = useNow(15_000);
  const attempts = useAttempts(activation.id) ?? [];
  const [caller, setCaller] = useState<string>('desk');
  const [standingDown, setStandingDown] = useState(false);
  const stoodDown = activation.standDown;
  const progress = activationProgress(activation);
  const mine = nextCallsFor(activation, caller === 'desk' ? null : caller);
  return (
    <section className="activation" aria-labelledby={`activation-${activation.id}`}>
      <header className="activation__head">
        <div>
          <h3 id={`activation-${activation.id}`}>Call tree “{activation.treeName}”</h3>
          <p className="muted">Activated at {clockTime(activation.startedAt, incident.timeZone)} by {activation.startedBy}, <strong data-testid="activation-elapsed">{since(activation.startedAt, now)} ago</strong></p>
          {!stoodDown && incident.status === 'open' && (
            <button type="button" className="button button--danger button--small" onClick={() => setStandingDown(true)}>Stand down…</button>
          )}
        </div>
        <div className="activation__progress">
          <label htmlFor={`progress-${activation.id}`} data-testid="activation-progress">{progress.reached} of {progress.total} reached</label>
          <progress id={`progress-${activation.id}`} max={progress.total} value={progress.reached} />
          <span className="muted">{progress.open} {stoodDown ? 'not called (stood down)' : 'still to call'}{progress.unreachable > 0 ? `, ${progress.unreachable} unreachable` : ''}{progress.declined > 0 ? `, ${progress.declined} declined` : ''}</span>
        </div>
      </header>
      {stoodDown && (
        <p className="activation__stood-down" role="status">
          <strong>Stood down</strong> at {clockTime(stoodDown.at, incident.timeZone)} by {stoodDown.by}: {stoodDown.reason}
        </p>
      )}
      {standingDown && <StandDownDialog activation={activation} settings={settings} onClose={() => setStandingDown(false)} />}
      {!stoodDown && <div className="next-calls" aria-labelledby={`next-${activation.id}`}>
        <h4 id={`next-${activation.id}`}>Your next calls</h4>
        <label className="next-calls__who">
          <span>I am calling as</span>
          <select value={caller} onChange={(e) => setCaller(e.target.value)}>
            <option value="desk">The crisis desk (top of the tree)</option>
            {activation.nodes.map((n) => <option key={n.nodeId} value={n.nodeId}>{calleeName(n)}</option>)}
          </select>
        </label>
        {mine.length === 0 ? <p className="muted" data-testid="next-calls">No calls waiting for you.</p> : (
          <ol className="next-calls__list" data-testid="next-calls">
            {mine.map((n) => {
              const c = contacts.get(calleeId(n));
              return <li key={n.nodeId}><strong>{calleeName(n)}</strong> {c?.phones[0] ? <PhoneNumber phone={c.phones[0]} country={country} /> : null} <span className="muted">({CALL_STATE_LABELS[n.state]})</span></li>;
            })}
          </ol>
        )}
      </div>}
      <ul className="calls" aria-label="Everyone in this tree">
        {activation.nodes.map((n, i) => (
          <NodeRow key={n.nodeId} activation={activation} node={n} index={i} contact={contacts.get(calleeId(n))} attempts={attempts.filter((a) => a.nodeId === n.nodeId)} incident={incident} settings={settings} />
        ))}
      </ul>
    </section>
  );
}

/** The incident's call trees: start one, then work through it call by call; every change goes on the timeline. */
export function ActivationPanel({ incident, settings }: { incident: Incident; settings: DeskSettings }): ReactElement {
  const { useCases, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const trees = useTrees();
  const contactList = useContacts();
  const activations = useActivations(incident.id);
  const navigate = useAppStore((s) => s.navigate);
  const [treeId, setTreeId] = useState('');
  const [shownId, setShownId] = useState<string | null>(null);
  const [again, setAgain] = useState<TreeActivation | null>(null);
  const [offer, setOffer] = useState<ResolvedWith | null>(null);
  const activate = (chosen: string, confirmed: boolean) =>
    void useCases.contacts.startActivation(incident.id, chosen, actorFrom(settings.operatorName, clock), { again: confirmed }).then((r) => {
      if (!r.ok) {
        if (r.error.code === 'already-activated') return setAgain(r.error.earlier);
        return showNotice('error', `The tree could not be activated: ${describeWriteError(r.error)}`);
      }
      setShownId(r.value.id);
      showNotice('success', `Call tree “${r.value.treeName}” activated. The start is on the timeline.`);
      setOffer({ kind: 'activation', id: r.value.id, label: `the activation of “${r.value.treeName}” at ${clockTime(r.value.startedAt, incident.timeZone)}` });
    });
  const contacts = new Map((contactList ?? []).map((c) => [c.id, c]));
  const shown = activations?.find((a) => a.id === shownId) ?? activations?.[activations.length - 1];
  const usable = (trees ?? []).filter((t) => t.nodes.length > 0);
  return (
    <section className="panel activations" aria-labelledby="activations-title">
      <h2 id="activations-title">Call trees</h2>
      {incident.status === 'open' && (
        <form className="activations__start" onSubmit={(e) => {
          e.preventDefault();
          const chosen = treeId || usable[0]?.id;
          if (!chosen) return;
          // A tree already run for this incident is not started again without asking.
          const [earlier] = earlierActivationsOf(activations ?? [], chosen);
          if (earlier) setAgain(earlier);
          else activate(chosen, false);
        }}>
          <label htmlFor="activate-tree">Start a call tree for this incident</label>
          <div className="button-row">
            <select id="activate-tree" value={treeId || (usable[0]?.id ?? '')} onChange={(e) => setTreeId(e.target.value)} disabled={usable.length === 0}>
              {usable.length === 0 && <option value="">No call trees with people yet</option>}
              {usable.map((t) => <option key={t.id} value={t.id}>{t.name} ({t.nodes.length} people)</option>)}
            </select>
            <button type="submit" className="button button--primary" disabled={usable.length === 0}>Activate</button>
          </div>
          {usable.length === 0 && (
            <p className="muted">Build call trees on the <a href="#/contacts" onClick={(e) => { e.preventDefault(); navigate({ name: 'contacts' }); }}>Contacts</a> screen first.</p>
          )}
        </form>
      )}
      {offer && <ResolveOffer incident={incident} work="tree-activated" by={offer} operatorName={settings.operatorName} onClose={() => setOffer(null)} />}
      {again && (
        <Dialog title={`Activate “${again.treeName}” again?`} onClose={() => setAgain(null)}>
          <p>
            “{again.treeName}” was activated for this incident at {clockTime(again.startedAt, incident.timeZone)} by {again.startedBy} ({activationState(again, incident.timeZone)}).
          </p>
          <p>A second activation calls everyone in the tree again, from the top. To carry on with the calls still open, go back to the earlier activation.</p>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => setAgain(null)}>Cancel</button>
            <button type="button" className="button" onClick={() => { setShownId(again.id); setAgain(null); }}>Show the earlier activation</button>
            <button type="button" className="button button--danger" onClick={() => { const tree = again.treeId; setAgain(null); activate(tree, true); }}>Activate again</button>
          </div>
        </Dialog>
      )}
      {activations && activations.length > 1 && (
        <div className="button-row" role="group" aria-label="Activations of this incident">
          {activations.map((a) => (
            <button key={a.id} type="button" className="button" aria-pressed={a.id === shown?.id} onClick={() => setShownId(a.id)}>
              {a.treeName} · {clockTime(a.startedAt, incident.timeZone)} · {activationProgress(a).reached}/{a.nodes.length}{a.standDown ? ' · stood down' : ''}
            </button>
          ))}
        </div>
      )}
      {activations?.length === 0 && <p className="muted">No call tree activated for this incident yet.</p>}
      {shown && <ActivationView key={shown.id} activation={shown} incident={incident} settings={settings} contacts={contacts} />}
    </section>
  );
}
