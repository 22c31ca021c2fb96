import { useState, type ReactElement } from 'react';

import type { Actor } from '@shared/domain/audit';
import { draftsWrittenApart } from '@shared/domain/statements/branches';
import { languageLabel } from '@shared/domain/statements/languages';
import { CHANNEL_LABELS, canDo } from '@shared/domain/statements/workflow';
import type { DeskSettings, Incident } from '@shared/schemas/entities';
import type { ResolvedWith } from '@shared/schemas/checklists';
import type { Statement, StatementTemplate } from '@shared/schemas/statements';

import { ResolveOffer } from '../checklists/ResolveOffer';

import { ApprovalRecord } from './ApprovalRecord';
import { ApprovedText } from './ApprovedText';
import { DraftEditor, type EditMode } from './DraftEditor';
import { OutputActions } from './OutputActions';
import { ReleaseDialog } from './ReleaseDialog';
import { ReviewPanel } from './ReviewPanel';
import { StatusBadge } from './StatusBadge';
import { TranslationSourceNote } from './TranslationSourceNote';
import { TranslationsPanel } from './TranslationsPanel';
import { VersionHistory } from './VersionHistory';
import { DraftsApart } from './DraftsApart';
import { ReleasedApart } from './ReleasedApart';
import { WithdrawDialog } from './WithdrawDialog';
import { useApprovals, useReleasedApart, useTranslationOf, useUntranslated, useVersions } from './queries';
import { STATUS_HINTS, longTime } from './statementDisplay';
import { UserText } from '../../ui/UserText';
import { t, tList } from '../../i18n/messages';

type Props = {
  statement: Statement;
  incident: Incident;
  settings: DeskSettings;
  templates: readonly StatementTemplate[];
  actor: () => Actor;
  onSelect: (id: string) => void;
};

/** One statement: its state, what can be done with it now, its versions and its translations. */
export function StatementDetail({ statement, incident, settings, templates, actor, onSelect }: Props): ReactElement {
  const versions = useVersions(statement.id);
  const approvals = useApprovals(statement.id);
  const translation = useTranslationOf(statement);
  const untranslated = useUntranslated(incident.id);
  const releasedApart = useReleasedApart(incident.id, statement.id);
  const [editing, setEditing] = useState<EditMode | null>(null);
  const [releasing, setReleasing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [offer, setOffer] = useState<ResolvedWith | null>(null);
  // Kept here, not in the editor: the editor is rebuilt when a save makes a new version, and the
  // review dialog asked for by "Send for review" must survive that.
  const [reviewOpen, setReviewOpen] = useState(false);
  if (!versions || !approvals || translation === undefined)
    return <p className="muted">{t('statements.statementDetail.loadingTheStatement')}</p>;
  const head = versions.find((v) => v.id === statement.headVersionId);
  // The statement and its versions come from two live queries that land a moment apart: just
  // after a save the statement can name a version the list does not hold yet.
  if (!head && versions.every((v) => v.number < statement.headVersionNumber))
    return <p className="muted">{t('statements.statementDetail.loadingTheStatement')}</p>;
  if (!head)
    return (
      <p className="form-error" role="alert">
        {t('statements.statementDetail.theCurrentVersionOfThis')}
      </p>
    );
  const zone = incident.timeZone;
  const approval = statement.approvedVersionId
    ? [...approvals].reverse().find((a) => a.versionId === statement.approvedVersionId && a.decision === 'approved')
    : undefined;
  const approvedVersion = versions.find((v) => v.id === statement.approvedVersionId);
  const drafts = draftsWrittenApart(statement, versions);
  const frozen = statement.status === 'approved' || statement.status === 'released';
  const mode: EditMode | null = editing ?? (statement.status === 'draft' ? 'draft' : null);
  // A translation that no longer matches its source's approved text cannot go out: say so on the button.
  const releaseBlocked =
    translation && translation.state !== 'current'
      ? translation.state === 'out-of-date'
        ? t('statements.statementDetail.releaseIsNotPossibleThis', {
            title: translation.source.title,
            approvedVersionNumber: translation.source.approvedVersionNumber ?? '?',
          })
        : t('statements.statementDetail.releaseIsNotPossibleUntil')
      : null;

  return (
    <article className="stmt-detail" aria-labelledby="stmt-title">
      <header className="stmt-detail__header">
        <div>
          <p className="eyebrow">
            {t('statements.statementDetail.version', {
              language: languageLabel(statement.language),
              headVersionNumber: statement.headVersionNumber,
            })}
            {statement.audience !== 'public' &&
              ` · ${statement.audience === 'internal' ? t('statements.statementDetail.internalForStaff') : t('statements.statementDetail.privateToThoseDirectlyAffected')}`}
          </p>
          <h2 id="stmt-title" lang={statement.language} dir="auto">
            <UserText text={statement.title} />
          </h2>
          <p className="stmt-detail__status">
            <StatusBadge status={statement.status} /> <span className="muted">{t(STATUS_HINTS[statement.status])}</span>
          </p>
        </div>
        <div className="stmt-detail__actions">
          {frozen && editing === null && (
            <>
              {canDo('release', statement.status) && (
                <span className="stmt-release">
                  <button
                    type="button"
                    className="button button--primary"
                    disabled={releaseBlocked !== null}
                    aria-describedby={releaseBlocked ? 'release-blocked' : undefined}
                    onClick={() => setReleasing(true)}
                  >
                    {statement.status === 'released'
                      ? t('statements.statementDetail.releaseOnMoreChannels')
                      : t('statements.statementDetail.release')}
                  </button>
                  {releaseBlocked && (
                    <span id="release-blocked" className="stmt-release__why">
                      {releaseBlocked}
                    </span>
                  )}
                </span>
              )}
              <button type="button" className="button" onClick={() => setEditing('revise')}>
                {t('statements.statementDetail.editMakesVersion', {
                  headVersionNumber: statement.headVersionNumber + 1,
                })}
              </button>
            </>
          )}
          {canDo('withdraw', statement.status) && editing === null && (
            <button type="button" className="button button--danger" onClick={() => setWithdrawing(true)}>
              {t('statements.statementDetail.withdraw')}
            </button>
          )}
        </div>
      </header>
      {offer && (
        <ResolveOffer
          incident={incident}
          work="statement-released"
          by={offer}
          operatorName={settings.operatorName}
          onClose={() => setOffer(null)}
        />
      )}

      {translation && untranslated?.has(statement.id) && statement.status === 'draft' && (
        <p className="stmt-returned" role="note">
          <strong>{t('statements.statementDetail.toTranslate')}</strong>{' '}
          {t('statements.statementDetail.thisIsStillACopy')}
        </p>
      )}
      {translation && (
        <TranslationSourceNote
          translation={statement}
          source={translation.source}
          state={translation.state}
          onOpenSource={() => onSelect(translation.source.id)}
          onUpdate={
            statement.status === 'in-review' || statement.status === 'withdrawn' || editing !== null
              ? null
              : () => setEditing('retarget')
          }
        />
      )}

      {releasedApart.length > 0 && <ReleasedApart releases={releasedApart} />}
      {drafts && editing === null && <DraftsApart statement={statement} drafts={drafts} actor={actor} />}

      {mode !== null ? (
        <DraftEditor
          key={`${statement.id}-${mode}-${head.id}`}
          incident={incident}
          statement={statement}
          head={head}
          mode={mode}
          actor={actor}
          onCancel={mode === 'draft' ? undefined : () => setEditing(null)}
          reviewOpen={reviewOpen && mode === 'draft'}
          onReviewOpen={setReviewOpen}
        />
      ) : statement.status === 'in-review' ? (
        <ReviewPanel
          statement={statement}
          head={head}
          versions={versions}
          approvals={approvals}
          timeZone={zone}
          actor={actor}
        />
      ) : statement.status === 'withdrawn' ? (
        <section aria-labelledby="withdrawn-title">
          <h3 id="withdrawn-title">{t('statements.statementDetail.withdrawn')}</h3>
          {statement.withdrawal && (
            <p>
              {t('statements.statementDetail.withdrawnByAt', {
                by: statement.withdrawal.by,
                at: longTime(statement.withdrawal.at, zone),
                reason: statement.withdrawal.reason,
              })}
            </p>
          )}
          <ApprovedText
            text={head.text}
            language={head.language}
            label={t('statements.statementDetail.textOfVersion', { number: head.number })}
          />
        </section>
      ) : null}

      {approvedVersion &&
        approval &&
        statement.status !== 'withdrawn' &&
        (mode === null || statement.status === 'draft') && (
          <section className="approved" aria-labelledby="approved-title">
            <h3 id="approved-title">
              {statement.status === 'draft' || statement.status === 'in-review'
                ? t('statements.statementDetail.lastApprovedVersion', { number: approvedVersion.number })
                : t('statements.statementDetail.approvedTextVersion', { number: approvedVersion.number })}
            </h3>
            <ApprovalRecord approval={approval} timeZone={zone} />
            {(statement.status === 'approved' || statement.status === 'released') && (
              <ApprovedText
                text={approvedVersion.text}
                language={approvedVersion.language}
                label={t('statements.statementDetail.approvedText')}
              />
            )}
            <OutputActions statement={statement} incident={incident} settings={settings} />
            {statement.releases.length > 0 && (
              <ul className="releases" aria-label={t('statements.statementDetail.releases')}>
                {statement.releases.map((r) => (
                  <li key={r.id}>
                    {t('statements.statementDetail.releasedOnVersionRecordedBy', {
                      at: longTime(r.at, zone),
                      channels: tList(r.channels.map((c) => CHANNEL_LABELS[c])),
                      number: versions.find((v) => v.id === r.versionId)?.number ?? '?',
                      recordedBy: r.recordedBy,
                      hasNote: r.note ? 'yes' : 'no',
                      note: r.note,
                    })}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}

      {statement.sourceStatementId === null && (
        <TranslationsPanel
          statement={statement}
          templates={templates}
          incident={incident}
          settings={settings}
          actor={actor}
          onSelect={onSelect}
        />
      )}
      <VersionHistory
        key={statement.headVersionId}
        statement={statement}
        versions={versions}
        approvals={approvals}
        timeZone={zone}
      />

      {releasing && (
        <ReleaseDialog
          statement={statement}
          incident={incident}
          actor={actor}
          onClose={() => setReleasing(false)}
          onReleased={() =>
            setOffer({
              kind: 'statement',
              id: statement.id,
              label: t('statements.statementDetail.resolvedBy', {
                title: statement.title,
                language: languageLabel(statement.language),
                version: statement.approvedVersionNumber ?? statement.headVersionNumber,
              }),
            })
          }
        />
      )}
      {withdrawing && <WithdrawDialog statement={statement} actor={actor} onClose={() => setWithdrawing(false)} />}
    </article>
  );
}
