import { useState, type ReactElement } from 'react';

import type { TeamStatus } from '@shared/ipc/teamContract';

import { useDesk } from '../../desk/DeskContext';
import { t } from '../../i18n/messages';
import type { TeamLink } from '../../platform/platform';
import { RowActionButton } from '../../ui/RowActionButton';
import { headings, TableHead } from '../../ui/TableHead';
import { TextAreaField, TextField } from '../../ui/FieldControls';
import { NameField, SubmitButton, TeamForm, VerbatimField } from './TeamForm';
import type { TeamView } from './useTeamStatus';

type InTeam = Extract<TeamStatus, { teamId: string }>;

/** A desk key as people compare it: in groups of four, so it can be read aloud and checked. */
export function groupedKey(key: string): string {
  return key.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The desks of the team: who admitted whom, who is revoked; a member admits and revokes here. */
export function TeamMembers({ team, view, status }: { team: TeamLink; view: TeamView; status: InTeam }): ReactElement {
  const [deskKey, setDeskKey] = useState('');
  const [name, setName] = useState('');
  const [revoking, setRevoking] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const nameOf = (key: string | null) => status.roster.find((m) => m.deskKey === key)?.name ?? null;
  const member = status.state === 'member';
  const startRevoking = (key: string) => {
    setRevoking(key);
    setReason('');
  };

  return (
    <section className="panel" aria-labelledby="team-members-title">
      <h2 id="team-members-title">{t('teamScreen.members.title')}</h2>
      <table className="table table--compact">
        <TableHead
          columns={headings('teamScreen.members', ['desk', 'key', 'standing', 'admittedBy', { hidden: 'actions' }])}
        />
        <tbody>
          {status.roster.map((m) => (
            <tr key={m.deskKey} data-testid="team-member">
              <td>
                <strong>{m.name}</strong>
                {m.deskKey === status.deskKey && <span className="muted"> {t('teamScreen.members.thisDesk')}</span>}
              </td>
              <td className="mono team-key" title={groupedKey(m.deskKey)}>
                {groupedKey(m.deskKey.slice(0, 8))}…
              </td>
              <td>
                {m.status === 'member' ? (
                  t('teamScreen.members.member')
                ) : (
                  <span className="badge badge--open">{t('teamScreen.members.revoked')}</span>
                )}
              </td>
              <td>{m.admittedBy === null ? t('teamScreen.members.founder') : (nameOf(m.admittedBy) ?? '—')}</td>
              <td>
                {member && m.status === 'member' && m.deskKey !== status.deskKey && (
                  <RowActionButton
                    label={t('teamScreen.members.revokeNamed', { name: m.name })}
                    className="button button--ghost button--small"
                    onClick={() => startRevoking(m.deskKey)}
                  >
                    {t('teamScreen.members.revoke')}
                  </RowActionButton>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {revoking !== null && (
        <TeamForm
          className="team-revoke"
          onSubmit={() =>
            void view.act(() => team.revoke({ deskKey: revoking, reason })).then((done) => done && setRevoking(null))
          }
        >
          <p>{t('teamScreen.members.revokeExplained', { name: nameOf(revoking) ?? '' })}</p>
          <TextField
            label={t('teamScreen.members.reason')}
            hint={t('teamScreen.members.reasonHint')}
            value={reason}
            onChange={setReason}
            required
            maxLength={500}
          />
          <div className="button-row">
            <SubmitButton
              label={t('teamScreen.members.revokeConfirm', { name: nameOf(revoking) ?? '' })}
              busy={view.busy}
              kind="danger"
            />
            <button type="button" className="button button--ghost" onClick={() => setRevoking(null)}>
              {t('teamScreen.cancel')}
            </button>
          </div>
        </TeamForm>
      )}
      {member && (
        <TeamForm
          className="team-admit"
          onSubmit={() =>
            void view
              .act(() => team.admit({ deskKey: deskKey.replace(/\s+/g, ''), name }))
              .then((done) => {
                if (!done) return;
                setDeskKey('');
                setName('');
              })
          }
        >
          <h3>{t('teamScreen.admit.title')}</h3>
          <p className="muted">{t('teamScreen.admit.intro')}</p>
          <div className="form-row">
            <VerbatimField
              label={t('teamScreen.admit.key')}
              hint={t('teamScreen.admit.keyHint')}
              value={deskKey}
              onChange={setDeskKey}
              className="mono"
              size={50}
            />
            <NameField label={t('teamScreen.admit.name')} value={name} onChange={setName} />
          </div>
          <SubmitButton label={t('teamScreen.admit.submit')} busy={view.busy} />
        </TeamForm>
      )}
    </section>
  );
}

/** The invitation a joining desk needs: shown and saved only on purpose, because it holds the team's secret. */
export function InviteDesk({ team, view, status }: { team: TeamLink; view: TeamView; status: InTeam }): ReactElement {
  const { platform } = useDesk();
  const [text, setText] = useState<string | null>(null);
  const show = async () => {
    const reply = await team.invitation();
    if (reply.ok) setText(reply.value);
    else view.refuse(reply.error.message);
  };
  const save = async () => {
    if (text === null) return;
    const saved = await platform.saveFile({
      suggestedName: `${status.teamName.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'team'}-invitation.json`,
      content: text,
      encoding: 'utf8',
      filters: [{ name: t('teamScreen.invitationFiles'), extensions: ['json'] }],
      title: t('teamScreen.invite.saveTitle'),
    });
    if (!saved.ok) view.refuse(saved.error.message);
  };
  return (
    <section className="panel" aria-labelledby="team-invite-title">
      <h2 id="team-invite-title">{t('teamScreen.invite.title')}</h2>
      <p className="muted">{t('teamScreen.invite.intro')}</p>
      <p className="warning-text">{t('teamScreen.invite.secret')}</p>
      {text === null ? (
        <button type="button" className="button" onClick={() => void show()}>
          {t('teamScreen.invite.show')}
        </button>
      ) : (
        <>
          <TextAreaField
            label={t('teamScreen.invite.text')}
            className="mono"
            readOnly
            rows={6}
            value={text}
            onChange={() => undefined}
          />
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={() => void save()}>
              {t('teamScreen.invite.save')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setText(null)}>
              {t('teamScreen.invite.hide')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
