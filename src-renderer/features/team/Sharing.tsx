import { useState, type ReactElement } from 'react';

import { notableSkew } from '@shared/domain/team/clockSkew';
import { DEFAULT_TEAM_PORT, type TeamPeer, type TeamStatus } from '@shared/ipc/teamContract';

import { useDesk } from '../../desk/DeskContext';
import { t } from '../../i18n/messages';
import { computerTime } from '../../lib/LocaleContext';
import type { TeamLink } from '../../platform/platform';
import { headings, TableHead } from '../../ui/TableHead';
import { SelectField, TextField } from '../../ui/FieldControls';
import { SubmitButton, TeamForm, VerbatimField } from './TeamForm';
import type { TeamView } from './useTeamStatus';

type InTeam = Extract<TeamStatus, { teamId: string }>;

/**
 * Sharing on the local network: off until a person turns it on, on one address of this computer
 * they choose; then the desks it knows of, each connected or last seen, and what is still to send.
 */
export function Sharing({ team, view, status }: { team: TeamLink; view: TeamView; status: InTeam }): ReactElement {
  const [host, setHost] = useState(status.sharing?.host ?? status.addresses[0] ?? '127.0.0.1');
  const [port, setPort] = useState(String(status.sharing?.port ?? DEFAULT_TEAM_PORT));
  const [address, setAddress] = useState('');
  const nameOf = (key: string | null) => status.roster.find((m) => m.deskKey === key)?.name ?? null;

  return (
    <section className="panel" aria-labelledby="team-sharing-title">
      <h2 id="team-sharing-title">{t('teamScreen.sharing.title')}</h2>
      {status.sharing === null ? (
        <TeamForm onSubmit={() => void view.act(() => team.startSharing({ host, port: Number(port) }))}>
          <p className="muted">{t('teamScreen.sharing.off')}</p>
          <div className="form-row">
            <SelectField
              label={t('teamScreen.sharing.address')}
              hint={t('teamScreen.sharing.addressHint')}
              value={host}
              onChange={setHost}
            >
              {status.addresses.map((a) => (
                <option key={a} value={a}>
                  {a === '127.0.0.1' ? t('teamScreen.sharing.loopback', { address: a }) : a}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('teamScreen.sharing.port')}
              hint={t('teamScreen.sharing.portHint')}
              value={port}
              onChange={setPort}
              inputMode="numeric"
              pattern="[0-9]{4,5}"
              required
              size={6}
            />
          </div>
          <SubmitButton label={t('teamScreen.sharing.start')} busy={view.busy} />
        </TeamForm>
      ) : (
        <>
          <p data-testid="team-sharing-on">
            {t('teamScreen.sharing.on', { address: `${status.sharing.host}:${status.sharing.port}` })}
          </p>
          <button
            type="button"
            className="button team-sharing__stop"
            disabled={view.busy}
            onClick={() => void view.act(() => team.stopSharing())}
          >
            {t('teamScreen.sharing.stop')}
          </button>
          <TeamForm onSubmit={() => void view.act(() => team.addPeer(address)).then((done) => done && setAddress(''))}>
            <h3>{t('teamScreen.peers.add')}</h3>
            <div className="form-row form-row--end">
              <VerbatimField
                label={t('teamScreen.peers.address')}
                hint={t('teamScreen.peers.addressHint')}
                value={address}
                onChange={setAddress}
              />
              <SubmitButton label={t('teamScreen.peers.addSubmit')} busy={view.busy} kind="plain" />
            </div>
          </TeamForm>
        </>
      )}
      <h3>{t('teamScreen.peers.title')}</h3>
      {status.peers.length === 0 ? (
        <p className="muted">{t('teamScreen.peers.none')}</p>
      ) : (
        <table className="table table--compact" data-testid="team-peers">
          <TableHead columns={headings('teamScreen.peers', ['desk', 'state', 'toSend', 'problem'])} />
          <tbody>
            {status.peers.map((peer) => (
              <PeerRow key={`${peer.source}:${peer.address}`} peer={peer} name={nameOf(peer.deskKey)} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function PeerRow({ peer, name }: { peer: TeamPeer; name: string | null }): ReactElement {
  const { clock } = useDesk();
  // A peer's moments belong to this computer's clock, not to an incident's: its zone is named.
  const when = (at: number | null) => (at === null ? '' : computerTime(at));
  const skew = notableSkew(peer.clockSkew);
  return (
    <tr data-testid="team-peer">
      <td>
        <strong>{name ?? t('teamScreen.peers.unknownDesk')}</strong>
        <div className="muted">{peer.address}</div>
      </td>
      <td>
        {peer.state === 'connected' ? (
          <span className="badge badge--now">{t('teamScreen.peers.connected')}</span>
        ) : peer.lastSeen !== null ? (
          t('teamScreen.peers.lastSeen', { at: when(peer.lastSeen) })
        ) : peer.nextAttemptAt !== null && peer.nextAttemptAt > clock() ? (
          t('teamScreen.peers.retrying', { at: when(peer.nextAttemptAt) })
        ) : (
          t('teamScreen.peers.connecting')
        )}
        {skew && (
          <div className="warning-text" data-testid="team-peer-skew">
            {t('teamScreen.peers.clockSkew', skew)}
          </div>
        )}
      </td>
      <td>
        {peer.toSend === 0 && peer.toReceive === 0
          ? t('teamScreen.peers.inStep')
          : t('teamScreen.peers.pending', { toSend: peer.toSend, toReceive: peer.toReceive })}
      </td>
      <td>{peer.lastError ?? ''}</td>
    </tr>
  );
}
