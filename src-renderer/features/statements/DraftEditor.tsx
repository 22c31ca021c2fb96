import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState, type ReactElement } from 'react';

import type { Actor } from '@shared/domain/audit';
import { languageLabel, languageOf } from '@shared/domain/statements/languages';
import { placeholderLabel } from '@shared/domain/statements/placeholderCatalogue';
import { describeMalformed, fillTemplate, placeholderNames } from '@shared/domain/statements/placeholders';
import { checkSensitivity } from '@shared/domain/statements/sensitivity';
import { cleanValues, type DraftEdit } from '@shared/domain/statements/workflow';
import type { Incident } from '@shared/schemas/entities';
import type { PersonMention, Statement, StatementVersion } from '@shared/schemas/statements';

import { useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { FormError } from '../../ui/Field';
import { GuidanceChecklist } from './GuidanceChecklist';
import { PeopleEditor } from './PeopleEditor';
import { PlaceholderForm } from './PlaceholderForm';
import { SensitivityWarnings } from './SensitivityWarnings';
import { StatementPreview } from './StatementPreview';
import { SubmitDialog } from './SubmitDialog';
import { useSensitivityContext } from './queries';
import { useEditBuffer } from './useEditBuffer';
import { describeWriteError, runStatementWrite } from './statementErrors';
import { t, tRich, type MessageId, tList } from '../../i18n/messages';
import { textIn } from './textIn';

/** 'draft' edits a draft; 'revise' edits approved text as a new version; 'retarget' updates a translation to its source's new approved version. */
export type EditMode = 'draft' | 'revise' | 'retarget';

type Props = {
  incident: Incident;
  statement: Statement;
  head: StatementVersion;
  mode: EditMode;
  actor: () => Actor;
  /** Leaves revise or retarget mode without saving. */
  onCancel?: (() => void) | undefined;
  /** Whether the last look before review is open; held by the parent, which outlives a rebuild of the editor. */
  reviewOpen: boolean;
  onReviewOpen: (open: boolean) => void;
};

const SAVE_LABELS: Record<EditMode, MessageId> = {
  draft: 'statements.draftEditor.save.draft',
  revise: 'statements.draftEditor.save.revise',
  retarget: 'statements.draftEditor.save.retarget',
};

/**
 * The drafting screen: the gaps to fill, the wording, a live preview with gaps highlighted, the
 * guide's dos and don'ts to tick, and the sensitivity checks, all on one screen.
 */
export function DraftEditor({
  incident,
  statement,
  head,
  mode,
  actor,
  onCancel,
  reviewOpen,
  onReviewOpen,
}: Props): ReactElement {
  const { useCases } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const context = useSensitivityContext(incident.id);
  const buffer = useEditBuffer(`desk-statement-edit:${statement.id}:${head.id}:${mode}`, {
    title: head.title,
    body: head.body,
    values: head.values,
  });
  const { title, body, values } = buffer.edit;
  const setValues = (f: (v: Readonly<Record<string, string>>) => Record<string, string>) =>
    buffer.setEdit((e) => ({ ...e, values: f(e.values) }));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Ticks show at once and are saved behind; the stored list catches up a moment later.
  const [ticked, setTicked] = useState<readonly string[]>(statement.ticked);

  const filled = useMemo(() => fillTemplate(body, values), [body, values]);
  const names = useMemo(() => placeholderNames(body), [body]);
  const warnings = useMemo(
    () =>
      context
        ? checkSensitivity(filled.text, {
            people: [...statement.people, ...context.listed],
            linkedPeople: context.linkedPeople,
            glossary: context.glossary,
            unverifiedEntries: context.unverifiedEntries,
          })
        : [],
    [context, filled.text, statement.people],
  );
  const autoFilled = useMemo(() => new Set(head.autoFilled), [head]);
  const sourceVersion = useLiveQuery(
    async () =>
      statement.translatesVersionId
        ? ((await useCases.statements.getVersion(statement.translatesVersionId)) ?? null)
        : null,
    [useCases, statement.translatesVersionId],
  );
  const sameAsSource = useMemo(() => {
    if (!sourceVersion || sourceVersion.language === statement.language) return undefined;
    const same = names.filter(
      (n) =>
        !autoFilled.has(n) &&
        sourceVersion.values[n] !== undefined &&
        values[n]?.trim() === sourceVersion.values[n].trim(),
    );
    return { names: new Set(same), language: languageOf(sourceVersion.language).name };
  }, [sourceVersion, statement.language, names, autoFilled, values]);
  const dirty =
    title.trim() !== head.title ||
    body !== head.body ||
    JSON.stringify(cleanValues(values)) !== JSON.stringify(cleanValues(head.values));
  const ready = filled.unfilled.length === 0 && filled.malformed.length === 0 && filled.text.trim() !== '';
  const canEditContext = statement.status === 'draft';
  const guidanceIds = [...statement.guidance.dos, ...statement.guidance.donts].map((g) => g.id);
  const unticked = guidanceIds.filter((id) => !ticked.includes(id)).length;

  const edit = (): DraftEdit => ({ title, body, values });
  const restored = buffer.restored && dirty;

  /** Saves if anything changed; returns false when it could not. */
  const save = async (): Promise<boolean> => {
    if (mode === 'draft' && !dirty) return true;
    setProblem(null);
    const saved = await runStatementWrite(
      t('statements.draftEditor.saving'),
      () =>
        mode === 'draft'
          ? useCases.statements.saveDraft(statement.id, edit(), actor())
          : mode === 'revise'
            ? useCases.statements.revise(statement.id, edit(), actor())
            : useCases.statements.updateTranslation(statement.id, edit(), actor()),
      { setBusy, setProblem },
    );
    if (!saved) return false;
    buffer.clear();
    if (saved.version)
      showNotice(
        'success',
        mode === 'draft'
          ? t('statements.draftEditor.savedAsVersion', { number: saved.version.number })
          : t('statements.draftEditor.versionSavedAsADraft', { number: saved.version.number }),
      );
    else if (mode !== 'draft') showNotice('success', t('statements.draftEditor.nothingChangedSoNoNew'));
    return true;
  };

  const send = async (overrideReason: string | null): Promise<string | null> => {
    const r = await useCases.statements.submit(statement.id, { overrideReason, ticked: [...ticked] }, actor());
    if (!r.ok) return describeWriteError(r.error);
    onReviewOpen(false);
    showNotice(
      'success',
      t('statements.draftEditor.versionSentForReview', { headVersionNumber: r.value.headVersionNumber }),
    );
    return null;
  };

  const blockedId = `blocked-${statement.id}`;

  return (
    <div className="draft">
      {mode === 'revise' && (
        <p className="stmt-notice" role="status">
          {tRich(
            'statements.draftEditor.revising',
            { next: head.number + 1, approved: statement.approvedVersionNumber ?? head.number },
            { strong: (chunks) => <strong>{chunks}</strong> },
          )}
        </p>
      )}
      {mode === 'retarget' && (
        <p className="stmt-notice" role="status">
          {t('statements.draftEditor.bringTheTranslationInLine')}
        </p>
      )}
      {restored && (
        <p className="stmt-notice" role="status">
          {t('statements.draftEditor.yourUnsavedChangesFromBefore')}
        </p>
      )}
      {mode === 'draft' && statement.returnedComment && (
        <div className="stmt-returned" role="note" aria-label={t('statements.draftEditor.returnedByTheApprover')}>
          <strong>{t('statements.draftEditor.returnedToDraftByThe')}</strong>{' '}
          {t('ui.quoted', { text: statement.returnedComment })}
        </div>
      )}

      <div className="draft__actions" role="group" aria-label={t('statements.draftEditor.saveOrSend')}>
        {ready && mode === 'draft' && (
          <p className="stmt-ready">
            {t('statements.draftEditor.everyGapIsFilled')}{' '}
            {dirty ? t('statements.draftEditor.saveTheDraftOrSend') : t('statements.draftEditor.readyToSendForReview')}
          </p>
        )}
        {!ready && mode === 'draft' && (
          <p className="stmt-blocked" id={blockedId}>
            {filled.unfilled.length > 0 && (
              <>
                {t('statements.draftEditor.blocked', {
                  count: filled.unfilled.length,
                  names: tList(filled.unfilled.map(placeholderLabel)),
                })}{' '}
              </>
            )}
            {filled.malformed.map((m) => describeMalformed(body, m)).join(' ')}
            {filled.text.trim() === '' && t('statements.draftEditor.theTextIsEmpty')}
          </p>
        )}
        <FormError>{problem}</FormError>
        <div className="button-row">
          {onCancel && (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => {
                buffer.clear();
                onCancel();
              }}
            >
              {t('statements.draftEditor.cancel')}
            </button>
          )}
          <button
            type="button"
            className={`button${mode === 'draft' ? '' : ' button--primary'}`}
            disabled={busy || (mode === 'draft' && !dirty)}
            onClick={() => void save().then((okay) => okay && mode !== 'draft' && onCancel?.())}
          >
            {t(SAVE_LABELS[mode])}
          </button>
          {mode === 'draft' && (
            <button
              type="button"
              className="button button--primary"
              disabled={busy || !ready}
              aria-describedby={ready ? undefined : blockedId}
              onClick={() =>
                void save().then((okay) => {
                  if (!okay) return;
                  if (warnings.length > 0 || unticked > 0) onReviewOpen(true);
                  else void send(null).then((p) => setProblem(p));
                })
              }
            >
              {t('statements.draftEditor.sendForReview')}
            </button>
          )}
        </div>
      </div>

      <div className="draft__grid">
        <div className="draft__main">
          <section aria-labelledby="fill-title">
            <h3 id="fill-title">{t('statements.draftEditor.fillInTheDetails')}</h3>
            <PlaceholderForm
              names={names}
              values={values}
              autoFilled={autoFilled}
              language={statement.language}
              sameAsSource={sameAsSource}
              onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
            />
          </section>
          <section aria-labelledby="wording-title">
            <h3 id="wording-title">{t('statements.draftEditor.wording')}</h3>
            <div className="field">
              <label htmlFor={`title-${statement.id}`}>{t('statements.draftEditor.title')}</label>
              <input
                id={`title-${statement.id}`}
                value={title}
                onChange={(e) => {
                  const v = e.target.value;
                  buffer.setEdit((x) => ({ ...x, title: v }));
                }}
                lang={statement.language}
                dir="auto"
              />
            </div>
            <div className="field">
              <label htmlFor={`body-${statement.id}`}>
                {t('statements.draftEditor.textOfTheStatement', { language: languageLabel(statement.language) })}
              </label>
              <p className="field__hint" id={`body-hint-${statement.id}`}>
                {t('statements.draftEditor.placeholdersInDoubleBracesLike')}
              </p>
              <textarea
                id={`body-${statement.id}`}
                className="draft__body"
                aria-describedby={`body-hint-${statement.id}`}
                rows={14}
                value={body}
                {...textIn(statement.language)}
                onChange={(e) => {
                  const v = e.target.value;
                  buffer.setEdit((x) => ({ ...x, body: v }));
                }}
              />
            </div>
          </section>
        </div>

        <div className="draft__side">
          <section aria-labelledby="preview-title" className="draft__preview">
            <h3 id="preview-title">
              {t('statements.draftEditor.preview')}{' '}
              {dirty && <span className="badge stmt-unsaved">{t('statements.draftEditor.unsavedChanges')}</span>}
            </h3>
            <StatementPreview
              segments={filled.segments}
              language={statement.language}
              label={t('statements.draftEditor.previewOfTheStatement')}
            />
          </section>
          <SensitivityWarnings warnings={warnings} />
          <GuidanceChecklist
            guidance={statement.guidance}
            ticked={ticked}
            disabled={!canEditContext}
            onToggle={(id, on) => {
              const next = on ? [...ticked, id] : ticked.filter((t) => t !== id);
              setTicked(next);
              void useCases.statements
                .setContext(statement.id, { ticked: next }, actor())
                .then((r) => !r.ok && setProblem(describeWriteError(r.error)));
            }}
          />
          <PeopleEditor
            people={statement.people}
            disabled={!canEditContext}
            onSave={async (people: PersonMention[]) => {
              const r = await useCases.statements.setContext(statement.id, { people }, actor());
              return r.ok ? null : describeWriteError(r.error);
            }}
          />
        </div>
      </div>

      {reviewOpen && (
        <SubmitDialog warnings={warnings} unticked={unticked} onSend={send} onClose={() => onReviewOpen(false)} />
      )}
    </div>
  );
}
