import { useState, type ReactElement } from 'react';

import { useDesk } from '../../desk/DeskContext';
import { t } from '../../i18n/messages';
import type { TeamLink } from '../../platform/platform';
import { TextAreaField } from '../../ui/FieldControls';
import { NameField, SubmitButton, TeamForm } from './TeamForm';
import type { TeamView } from './useTeamStatus';

/** An invitation file is a few kilobytes; anything far larger is not one. */
const INVITATION_MAX_BYTES = 200_000;

/** A desk in no team: start one here, or join one from the invitation a member handed over. */
export function StartTeam({
  team,
  view,
  deskName,
}: {
  team: TeamLink;
  view: TeamView;
  deskName: string;
}): ReactElement {
  const { platform } = useDesk();
  const [teamName, setTeamName] = useState('');
  const [founderName, setFounderName] = useState(deskName);
  const [invitation, setInvitation] = useState('');
  const [joinerName, setJoinerName] = useState(deskName);

  const openInvitation = async () => {
    const opened = await platform.openTextFile({
      filters: [{ name: t('teamScreen.invitationFiles'), extensions: ['json'] }],
      maxBytes: INVITATION_MAX_BYTES,
      title: t('teamScreen.join.openTitle'),
    });
    if (!opened.ok) view.refuse(opened.error.message);
    else if (opened.value) setInvitation(opened.value.text);
  };

  return (
    <div className="settings-grid">
      <section className="panel" aria-labelledby="team-create-title">
        <h2 id="team-create-title">{t('teamScreen.create.title')}</h2>
        <p className="muted">{t('teamScreen.create.intro')}</p>
        <TeamForm onSubmit={() => void view.act(() => team.create({ teamName, deskName: founderName }))}>
          <NameField
            label={t('teamScreen.create.teamName')}
            hint={t('teamScreen.create.teamNameHint')}
            value={teamName}
            onChange={setTeamName}
          />
          <DeskNameField value={founderName} onChange={setFounderName} />
          <SubmitButton label={t('teamScreen.create.submit')} busy={view.busy} />
        </TeamForm>
      </section>
      <section className="panel" aria-labelledby="team-join-title">
        <h2 id="team-join-title">{t('teamScreen.join.title')}</h2>
        <p className="muted">{t('teamScreen.join.intro')}</p>
        <TeamForm onSubmit={() => void view.act(() => team.join({ invitationText: invitation, deskName: joinerName }))}>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void openInvitation()}>
              {t('teamScreen.join.open')}
            </button>
          </div>
          <TextAreaField
            label={t('teamScreen.join.invitation')}
            hint={t('teamScreen.join.invitationHint')}
            value={invitation}
            onChange={setInvitation}
            rows={5}
            required
            spellCheck={false}
          />
          <DeskNameField value={joinerName} onChange={setJoinerName} />
          <SubmitButton label={t('teamScreen.join.submit')} busy={view.busy} />
        </TeamForm>
      </section>
    </div>
  );
}

function DeskNameField(props: { value: string; onChange: (value: string) => void }): ReactElement {
  return <NameField label={t('teamScreen.deskName')} hint={t('teamScreen.deskNameHint')} {...props} />;
}
