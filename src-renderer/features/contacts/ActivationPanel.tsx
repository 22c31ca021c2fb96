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
import { TextAreaField } from '../../ui/FieldControls';
import { ResolveOffer } from '../checklists/ResolveOffer';
import { useStaleDays } from './useStaleDays';
import { PhoneNumber } from './PhoneNumber';
import { usePhoneCountry } from './usePhoneCountry';
import { useAppStore } from '../../store';
import { clockTime, since } from './format';
import { useActivations, useAttempts, useContacts, useTrees } from './queries';
import { UserText } from '../../ui/UserText';
import { ChangedApartProvider, ChangedApartRow } from '../team/ChangedApartNote';
import { describeActivationSide } from './changedApartSides';
import { t, tRich, type MessageId } from '../../i18n/messages';
import { DialogActions } from '../../ui/Field';

const describeWriteError = (e: ActivationWriteError): string =>
  e.code === 'refused'
    ? e.message
    : e.code === 'no-activation' || e.code === 'no-tree'
      ? t('contacts.activation.gone')
      : e.code === 'empty-tree'
        ? t('contacts.activation.emptyTree')
        : e.code === 'already-activated'
          ? t('contacts.activation.alreadyActivated', { tree: e.earlier.treeName })
          : describeActivationError(e);

/** "3 of 8 reached, stood down at 10:42" or "3 of 8 reached, still calling": an earlier activation in a line. */
function activationState(a: TreeActivation, timeZone: string): string {
  const p = activationProgress(a);
  const state = a.standDown
    ? t('contacts.activation.stateStoodDown', { time: clockTime(a.standDown.at, timeZone) })
    : p.open > 0
      ? t('contacts.activation.stateCalling')
      : t('contacts.activation.stateSettled');
  return t('contacts.activation.state', { reached: p.reached, total: p.total, state });
}

/** The caller choice that stands for the crisis desk, at the top of the tree. */
const DESK = 'desk';

const ACTION_LABELS: Record<CallState, MessageId> = {
  waiting: 'contacts.activation.action.waiting',
  calling: 'contacts.activation.action.calling',
  reached: 'contacts.activation.action.reached',
  'message-left': 'contacts.activation.action.messageLeft',
  unreachable: 'contacts.activation.action.unreachable',
  declined: 'contacts.activation.action.declined',
};

function NodeRow({
  activation,
  node,
  index,
  contact,
  attempts,
  incident,
  settings,
}: {
  activation: TreeActivation;
  node: ActivationNode;
  index: number;
  contact: Contact | undefined;
  attempts: CallAttempt[];
  incident: Incident;
  settings: DeskSettings;
}): ReactElement {
  const { useCases, clock } = useDesk();
  const now = useNow();
  const staleDays = useStaleDays();
  const country = usePhoneCountry();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const actor = () => actorFrom(settings.operatorName, clock);
  const p = parentIndex(activation.nodes, index);
  const caller = p === null ? t('contacts.activation.theDesk') : calleeName(activation.nodes[p] ?? node);
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
    <li
      className={`call call--${node.state}`}
      style={{ marginLeft: `${node.depth * 1.75}rem` }}
      aria-label={t('contacts.activation.callLabel', { name, state: CALL_STATE_LABELS[node.state] })}
    >
      <div className="call__main">
        <div className="call__who">
          <strong>
            <UserText text={name} />
          </strong>
          {node.onFallback && (
            <span className="badge badge--muted call__fallback-badge">
              {tRich('contacts.activation.fallbackFor', { name: <UserText text={node.contactName} /> }, {})}
            </span>
          )}
          <span className="muted"> {node.onFallback ? '' : node.contactRole}</span>
          <div className="muted">{t('contacts.activation.calledBy', { caller })}</div>
          {contact && (
            <div className="call__numbers">
              {contact.phones.map((ph) => (
                <PhoneNumber key={`${ph.label}${ph.number}`} phone={ph} country={country} />
              ))}
              {contact.radioCallSign && (
                <span>{t('contacts.activation.radio', { callSign: contact.radioCallSign })}</span>
              )}
              {isStale(contact, now, staleDays) && (
                <span className="badge badge--stale">{t('contacts.tree.staleDetails')}</span>
              )}
            </div>
          )}
        </div>
        <span className={`state state--${node.state}`} data-testid={`state-${node.nodeId}`}>
          {CALL_STATE_LABELS[node.state]}
        </span>
      </div>
      {!closed && (
        <div className="call__actions">
          <label className="visually-hidden" htmlFor={noteId}>
            {t('contacts.activation.noteFor', { name })}
          </label>
          <input
            id={noteId}
            className="call__note"
            placeholder={
              isSettled(node.state) ? t('contacts.activation.noteToReopen') : t('contacts.activation.noteOptional')
            }
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          {nextStates(node.state).map((s) => (
            <button
              key={s}
              type="button"
              className={`button${s === 'reached' ? ' button--primary' : ''}`}
              onClick={() => change(s)}
              aria-label={t('contacts.activation.actionFor', { action: t(ACTION_LABELS[s]), name })}
            >
              {t(ACTION_LABELS[s])}
            </button>
          ))}
          {note.trim() !== '' && (
            <button
              type="button"
              className="button button--ghost"
              onClick={() => void useCases.contacts.logNote(activation.id, node.nodeId, note, actor()).then(done)}
            >
              {t('contacts.activation.noteOnly')}
            </button>
          )}
        </div>
      )}
      {node.state === 'unreachable' && node.fallbackName !== null && !node.onFallback && !closed && (
        <p className="call__fallback" role="status">
          {tRich(
            'contacts.activation.fallbackIs',
            { name: node.contactName, fallback: node.fallbackName },
            { b: (chunks) => <strong>{chunks}</strong> },
          )}{' '}
          <button
            type="button"
            className="button button--primary"
            onClick={() =>
              void useCases.contacts.escalate(activation.id, node.nodeId, note, actor()).then((r) => {
                if (!r.ok) setProblem(describeWriteError(r.error));
                else done(r);
              })
            }
          >
            {t('contacts.activation.callFallback', { fallback: node.fallbackName })}
          </button>
        </p>
      )}
      {node.state === 'unreachable' && (node.fallbackName === null || node.onFallback) && (
        <p className="muted">
          {t('contacts.activation.noFallback', { further: node.onFallback ? 'yes' : 'no', name, caller })}
        </p>
      )}
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
      {attempts.length > 0 && (
        <ol className="call__log" aria-label={t('contacts.activation.callLog', { name })}>
          {attempts.map((a) => (
            <li key={a.id}>
              <time>{clockTime(a.at, incident.timeZone)}</time>{' '}
              {a.escalated
                ? t('contacts.activation.logEscalated')
                : a.from === a.to
                  ? t('contacts.activation.logNote')
                  : t('contacts.activation.logChange', {
                      from: CALL_STATE_LABELS[a.from],
                      to: CALL_STATE_LABELS[a.to],
                    })}
              {a.note && t('contacts.activation.logNoteText', { note: a.note })}{' '}
              <span className="muted">{t('contacts.activation.logBy', { by: a.by })}</span>
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

/** Asks why before an activation is stood down; the reason goes on the timeline and in the record. */
function StandDownDialog({
  activation,
  settings,
  onClose,
}: {
  activation: TreeActivation;
  settings: DeskSettings;
  onClose: () => void;
}): ReactElement {
  const { useCases, clock } = useDesk();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const p = activationProgress(activation);
  return (
    <Dialog title={t('contacts.activation.standDownTitle', { tree: activation.treeName })} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void useCases.contacts.standDown(activation.id, reason, actorFrom(settings.operatorName, clock)).then((r) => {
            if (!r.ok) return setProblem(describeWriteError(r.error));
            onClose();
          });
        }}
      >
        <p>{t('contacts.activation.standDownExplain', { reached: p.reached, total: p.total, open: p.open })}</p>
        <TextAreaField
          label={t('contacts.activation.standDownWhy')}
          error={problem ?? undefined}
          rows={3}
          value={reason}
          placeholder={t('contacts.activation.standDownPlaceholder')}
          onChange={setReason}
        />
        <DialogActions cancelLabel={t('contacts.activation.keepCalling')} onCancel={onClose}>
          <button type="submit" className="button button--danger">
            {t('contacts.activation.standDown')}
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function ActivationView({
  activation,
  incident,
  settings,
  contacts,
}: {
  activation: TreeActivation;
  incident: Incident;
  settings: DeskSettings;
  contacts: ReadonlyMap<string, Contact>;
}): ReactElement {
  const country = usePhoneCountry();
  const now = useNow(15_000);
  const attempts = useAttempts(activation.id) ?? [];
  const [caller, setCaller] = useState<string>(DESK);
  const [standingDown, setStandingDown] = useState(false);
  const stoodDown = activation.standDown;
  const progress = activationProgress(activation);
  const mine = nextCallsFor(activation, caller === DESK ? null : caller);
  return (
    <section className="activation" aria-labelledby={`activation-${activation.id}`}>
      <header className="activation__head">
        <div>
          <h3 id={`activation-${activation.id}`}>{t('contacts.activation.heading', { tree: activation.treeName })}</h3>
          <ChangedApartRow
            table="treeActivations"
            rowId={activation.id}
            describe={(row) => describeActivationSide(row as TreeActivation)}
          />
          <p className="muted">
            {tRich(
              'contacts.activation.activatedAt',
              {
                time: clockTime(activation.startedAt, incident.timeZone),
                by: activation.startedBy,
                elapsed: since(activation.startedAt, now),
              },
              { b: (chunks) => <strong data-testid="activation-elapsed">{chunks}</strong> },
            )}
          </p>
          {!stoodDown && incident.status === 'open' && (
            <button type="button" className="button button--danger button--small" onClick={() => setStandingDown(true)}>
              {t('contacts.activation.standDownEllipsis')}
            </button>
          )}
        </div>
        <div className="activation__progress">
          <label htmlFor={`progress-${activation.id}`} data-testid="activation-progress">
            {t('contacts.activation.reached', { reached: progress.reached, total: progress.total })}
          </label>
          <progress id={`progress-${activation.id}`} max={progress.total} value={progress.reached} />
          <span className="muted">
            {t('contacts.activation.open', {
              open: progress.open,
              stoodDown: stoodDown ? 'yes' : 'no',
              unreachable: progress.unreachable,
              declined: progress.declined,
            })}
          </span>
        </div>
      </header>
      {stoodDown && (
        <p className="activation__stood-down" role="status">
          {tRich(
            'contacts.activation.stoodDown',
            { time: clockTime(stoodDown.at, incident.timeZone), by: stoodDown.by, reason: stoodDown.reason },
            { b: (chunks) => <strong>{chunks}</strong> },
          )}
        </p>
      )}
      {standingDown && (
        <StandDownDialog activation={activation} settings={settings} onClose={() => setStandingDown(false)} />
      )}
      {!stoodDown && (
        <div className="next-calls" aria-labelledby={`next-${activation.id}`}>
          <h4 id={`next-${activation.id}`}>{t('contacts.activation.nextCalls')}</h4>
          <label className="next-calls__who">
            <span>{t('contacts.activation.callingAs')}</span>
            <select value={caller} onChange={(e) => setCaller(e.target.value)}>
              <option value={DESK}>{t('contacts.activation.callingAsDesk')}</option>
              {activation.nodes.map((n) => (
                <option key={n.nodeId} value={n.nodeId}>
                  {calleeName(n)}
                </option>
              ))}
            </select>
          </label>
          {mine.length === 0 ? (
            <p className="muted" data-testid="next-calls">
              {t('contacts.activation.noCallsWaiting')}
            </p>
          ) : (
            <ol className="next-calls__list" data-testid="next-calls">
              {mine.map((n) => {
                const c = contacts.get(calleeId(n));
                return (
                  <li key={n.nodeId}>
                    <strong>{calleeName(n)}</strong>{' '}
                    {c?.phones[0] ? <PhoneNumber phone={c.phones[0]} country={country} /> : null}{' '}
                    <span className="muted">
                      {t('contacts.activation.nextCallState', { state: CALL_STATE_LABELS[n.state] })}
                    </span>
                  </li>
                );
              })}
            </ol>
          )}
        </div>
      )}
      <ul className="calls" aria-label={t('contacts.activation.everyone')}>
        {activation.nodes.map((n, i) => (
          <NodeRow
            key={n.nodeId}
            activation={activation}
            node={n}
            index={i}
            contact={contacts.get(calleeId(n))}
            attempts={attempts.filter((a) => a.nodeId === n.nodeId)}
            incident={incident}
            settings={settings}
          />
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
    void useCases.contacts
      .startActivation(incident.id, chosen, actorFrom(settings.operatorName, clock), { again: confirmed })
      .then((r) => {
        if (!r.ok) {
          if (r.error.code === 'already-activated') return setAgain(r.error.earlier);
          return showNotice('error', t('contacts.activation.notActivated', { reason: describeWriteError(r.error) }));
        }
        setShownId(r.value.id);
        showNotice('success', t('contacts.activation.activated', { tree: r.value.treeName }));
        setOffer({
          kind: 'activation',
          id: r.value.id,
          label: t('contacts.activation.resolvedBy', {
            tree: r.value.treeName,
            time: clockTime(r.value.startedAt, incident.timeZone),
          }),
        });
      });
  const contacts = new Map((contactList ?? []).map((c) => [c.id, c]));
  const shown = activations?.find((a) => a.id === shownId) ?? activations?.[activations.length - 1];
  const usable = (trees ?? []).filter((tree) => tree.nodes.length > 0);
  return (
    <ChangedApartProvider scope={{ incidentId: incident.id }}>
      <section className="panel activations" aria-labelledby="activations-title">
        <h2 id="activations-title">{t('contacts.tree.title')}</h2>
        {incident.status === 'open' && (
          <form
            className="activations__start"
            onSubmit={(e) => {
              e.preventDefault();
              const chosen = treeId || usable[0]?.id;
              if (!chosen) return;
              // A tree already run for this incident is not started again without asking.
              const [earlier] = earlierActivationsOf(activations ?? [], chosen);
              if (earlier) setAgain(earlier);
              else activate(chosen, false);
            }}
          >
            <label htmlFor="activate-tree">{t('contacts.activation.start')}</label>
            <div className="button-row">
              <select
                id="activate-tree"
                value={treeId || (usable[0]?.id ?? '')}
                onChange={(e) => setTreeId(e.target.value)}
                disabled={usable.length === 0}
              >
                {usable.length === 0 && <option value="">{t('contacts.activation.noUsableTrees')}</option>}
                {usable.map((tree) => (
                  <option key={tree.id} value={tree.id}>
                    {t('contacts.activation.treeOption', { name: tree.name, count: tree.nodes.length })}
                  </option>
                ))}
              </select>
              <button type="submit" className="button button--primary" disabled={usable.length === 0}>
                {t('contacts.activation.activate')}
              </button>
            </div>
            {usable.length === 0 && (
              <p className="muted">
                {tRich(
                  'contacts.activation.buildTreesFirst',
                  {},
                  {
                    a: (chunks) => (
                      <a
                        href="#/contacts"
                        onClick={(e) => {
                          e.preventDefault();
                          navigate({ name: 'contacts' });
                        }}
                      >
                        {chunks}
                      </a>
                    ),
                  },
                )}
              </p>
            )}
          </form>
        )}
        {offer && (
          <ResolveOffer
            incident={incident}
            work="tree-activated"
            by={offer}
            operatorName={settings.operatorName}
            onClose={() => setOffer(null)}
          />
        )}
        {again && (
          <Dialog title={t('contacts.activation.againTitle', { tree: again.treeName })} onClose={() => setAgain(null)}>
            <p>
              {t('contacts.activation.againEarlier', {
                tree: again.treeName,
                time: clockTime(again.startedAt, incident.timeZone),
                by: again.startedBy,
                state: activationState(again, incident.timeZone),
              })}
            </p>
            <p>{t('contacts.activation.againExplain')}</p>
            <DialogActions cancelLabel={t('contacts.activation.cancel')} onCancel={() => setAgain(null)}>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setShownId(again.id);
                  setAgain(null);
                }}
              >
                {t('contacts.activation.showEarlier')}
              </button>
              <button
                type="button"
                className="button button--danger"
                onClick={() => {
                  const tree = again.treeId;
                  setAgain(null);
                  activate(tree, true);
                }}
              >
                {t('contacts.activation.activateAgain')}
              </button>
            </DialogActions>
          </Dialog>
        )}
        {activations && activations.length > 1 && (
          <div className="button-row" role="group" aria-label={t('contacts.activation.list')}>
            {activations.map((a) => (
              <button
                key={a.id}
                type="button"
                className="button"
                aria-pressed={a.id === shown?.id}
                onClick={() => setShownId(a.id)}
              >
                {t('contacts.activation.listItem', {
                  tree: a.treeName,
                  time: clockTime(a.startedAt, incident.timeZone),
                  reached: activationProgress(a).reached,
                  total: a.nodes.length,
                  stoodDown: a.standDown ? 'yes' : 'no',
                })}
              </button>
            ))}
          </div>
        )}
        {activations?.length === 0 && <p className="muted">{t('contacts.activation.none')}</p>}
        {shown && (
          <ActivationView
            key={shown.id}
            activation={shown}
            incident={incident}
            settings={settings}
            contacts={contacts}
          />
        )}
      </section>
    </ChangedApartProvider>
  );
}
