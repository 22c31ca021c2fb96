import { forwardRef, useState, type ReactElement } from 'react';

import { CATEGORY_LABELS } from '@shared/domain/timeline/entryForm';
import { checkEntryContent, describeContentProblems } from '@shared/domain/timeline/contentCheck';
import {
  contentFromQuick,
  describeQuickEntryError,
  parseQuickEntry,
  type ParsedQuickEntry,
} from '@shared/domain/timeline/quickEntry';
import type { Incident } from '@shared/schemas/entities';
import type { EntryContent } from '@shared/schemas/timeline';

import { IsoDateInput } from '../../ui/DateTimeInputs';
import { useTimelineUi } from './timelineUiStore';
import { displayLocale, showInstant } from '../../lib/LocaleContext';
import { formatDateOnly } from '@shared/domain/locale/deskLocale';
import { t } from '../../i18n/messages';
import { HiddenLabel } from '../../ui/HiddenLabel';

type Props = {
  incident: Incident;
  now: () => number;
  onLog: (content: EntryContent) => Promise<string | null>;
  onDetails: (parsed: ParsedQuickEntry | null, text: string) => void;
};

/**
 * The line always at hand: type, press Enter, it is logged. The preview underneath says exactly
 * how the line will be read (which day, which category) before anything is written.
 */
export const QuickEntryBar = forwardRef<HTMLInputElement, Props>(function QuickEntryBar(
  { incident, now, onLog, onDetails },
  ref,
): ReactElement {
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const backfill = useTimelineUi((s) => s.backfill);
  const setBackfill = useTimelineUi((s) => s.setBackfill);
  const backfillActive = backfill.enabled && backfill.date !== '';
  const mode = backfillActive ? { kind: 'backfill' as const, date: backfill.date } : { kind: 'live' as const };
  const parsed = text.trim() === '' ? null : parseQuickEntry(text, { now: now(), timeZone: incident.timeZone, mode });
  // The same limits the timeline holds every new entry to, said before Enter rather than after.
  const overLimit = (p: ParsedQuickEntry): string | null => {
    const checked = checkEntryContent(contentFromQuick(p, backfill));
    if (checked.ok) return null;
    return checked.error.some((e) => e.field === 'title')
      ? `${describeContentProblems(checked.error)} ${t('timeline.quickEntryBar.useDetails')}`
      : describeContentProblems(checked.error);
  };
  const limitProblem = parsed?.ok ? overLimit(parsed.value) : null;

  const preview = (() => {
    if (!parsed)
      return backfillActive
        ? t('timeline.quickEntryBar.transcribingThePaperLogOf', {
            date: formatDateOnly(backfill.date, displayLocale()),
          })
        : t('timeline.quickEntryBar.typeATimeOptionalWhat');
    if (!parsed.ok) return describeQuickEntryError(parsed.error);
    if (limitProblem !== null) return limitProblem;
    const p = parsed.value;
    const when = t('timeline.quickEntryBar.when', {
      day: p.day === 'today' || p.day === 'yesterday' ? p.day : 'date',
      date: p.day === 'today' || p.day === 'yesterday' ? '' : formatDateOnly(p.day, displayLocale()),
      approximate: p.occurredPrecision === 'approximate' ? 'yes' : 'no',
      time: showInstant(p.occurredAt, incident.timeZone, 'time'),
    });
    return `→ ${CATEGORY_LABELS[p.category]} · ${when}${p.tags.length ? ` · ${p.tags.map((tag) => `#${tag}`).join(' ')}` : ''}${p.source ? ` · ${t('timeline.quickEntryBar.source', { source: p.source })}` : ''}`;
  })();
  const invalid = parsed !== null && (!parsed.ok || limitProblem !== null);

  return (
    <section className="quick-entry" aria-label={t('timeline.quickEntryBar.quickEntry')}>
      <div className="quick-entry__row">
        <HiddenLabel htmlFor="quick-entry">{t('timeline.quickEntryBar.logAnEntry')}</HiddenLabel>
        <input
          id="quick-entry"
          ref={ref}
          className="quick-entry__input"
          autoComplete="off"
          spellCheck
          placeholder={t('timeline.quickEntryBar.1405PoliceConfirmRoad')}
          value={text}
          aria-describedby="quick-entry-preview"
          aria-invalid={invalid}
          onChange={(e) => {
            setText(e.target.value);
            setFailure(null);
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
            e.preventDefault();
            // Parsed again at the moment of Enter: "no time" means now, not when typing began.
            const fresh = parseQuickEntry(text, { now: now(), timeZone: incident.timeZone, mode });
            if (!fresh.ok) {
              setFailure(describeQuickEntryError(fresh.error));
              return;
            }
            const refused = overLimit(fresh.value);
            if (refused !== null) {
              setFailure(t('timeline.quickEntryBar.notLogged', { refused }));
              return;
            }
            const content = contentFromQuick(fresh.value, backfill);
            // Cleared at once so the next line can be typed while this one is written; a late
            // clear would wipe what was typed meanwhile. A failed line comes back to the field.
            const submitted = text;
            setText('');
            void onLog(content).then((problem) => {
              if (problem === null) {
                setAnnounce(t('timeline.quickEntryBar.logged', { title: content.title }));
                return;
              }
              setText((typed) => (typed === '' ? submitted : typed));
              setFailure(t('timeline.quickEntryBar.failedLine', { problem, line: submitted }));
            });
          }}
        />
        <button type="button" className="button" onClick={() => onDetails(parsed?.ok ? parsed.value : null, text)}>
          {t('timeline.quickEntryBar.details')}
        </button>
      </div>
      <p id="quick-entry-preview" className={`quick-entry__preview${invalid ? ' quick-entry__preview--error' : ''}`}>
        {failure ?? preview}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      <div className="quick-entry__backfill">
        <label>
          <input
            type="checkbox"
            checked={backfill.enabled}
            onChange={(e) => setBackfill({ enabled: e.target.checked })}
          />{' '}
          {t('timeline.quickEntryBar.transcribingAPaperLog')}
        </label>
        {backfill.enabled && (
          <>
            <label>
              {t('timeline.quickEntryBar.dayOfTheLog')}{' '}
              <IsoDateInput value={backfill.date} onChange={(date) => setBackfill({ date })} />
            </label>
            <label>
              {t('timeline.quickEntryBar.writtenBy')}{' '}
              <input
                value={backfill.writtenBy}
                placeholder={t('timeline.quickEntryBar.nameOnThePaperLog')}
                onChange={(e) => setBackfill({ writtenBy: e.target.value })}
              />
            </label>
            {!backfillActive && <span className="warning-inline">{t('timeline.quickEntryBar.chooseTheDayOfThe')}</span>}
          </>
        )}
      </div>
    </section>
  );
});
