import { forwardRef, useState, type ReactElement } from 'react';

import { CATEGORY_LABELS } from '@shared/domain/timeline/entryForm';
import { checkEntryContent, describeContentProblems } from '@shared/domain/timeline/contentCheck';
import { contentFromQuick, describeQuickEntryError, parseQuickEntry, type ParsedQuickEntry } from '@shared/domain/timeline/quickEntry';
import type { Incident } from '@shared/schemas/entities';
import type { EntryContent } from '@shared/schemas/timeline';

import { IsoDateInput } from '../../ui/DateTimeInputs';
import { useTimelineUi } from './timelineUiStore';
import { displayLocale, showInstant } from '../../lib/LocaleContext';
import { formatDateOnly } from '@shared/domain/locale/deskLocale';

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
export const QuickEntryBar = forwardRef<HTMLInputElement, Props>(function QuickEntryBar({ incident, now, onLog, onDetails }, ref): ReactElement {
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
    return `${describeContentProblems(checked.error)}${checked.error.some((e) => e.field === 'title') ? ' Use Details… to put the rest in the notes.' : ''}`;
  };
  const limitProblem = parsed?.ok ? overLimit(parsed.value) : null;

  const preview = (() => {
    if (!parsed) return backfillActive ? `Transcribing the paper log of ${formatDateOnly(backfill.date, displayLocale())}: times fall on that day.` : 'Type a time (optional), what happened, #tags and @source. Enter logs it; no time means now.';
    if (!parsed.ok) return describeQuickEntryError(parsed.error);
    if (limitProblem !== null) return limitProblem;
    const p = parsed.value;
    const when = `${p.day === 'today' || p.day === 'yesterday' ? p.day : formatDateOnly(p.day, displayLocale())} ${p.occurredPrecision === 'approximate' ? 'about ' : ''}${showInstant(p.occurredAt, incident.timeZone, 'time')}`;
    return `→ ${CATEGORY_LABELS[p.category]} · ${when}${p.tags.length ? ` · ${p.tags.map((t) => `#${t}`).join(' ')}` : ''}${p.source ? ` · source: ${p.source}` : ''}`;
  })();
  const invalid = parsed !== null && (!parsed.ok || limitProblem !== null);

  return (
    <section className="quick-entry" aria-label="Quick entry">
      <div className="quick-entry__row">
        <label htmlFor="quick-entry" className="visually-hidden">Log an entry</label>
        <input
          id="quick-entry"
          ref={ref}
          className="quick-entry__input"
          autoComplete="off"
          spellCheck
          placeholder="14:05 Police confirm road closures on Main St #traffic @police"
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
              setFailure(`Not logged: ${refused}`);
              return;
            }
            const content = contentFromQuick(fresh.value, backfill);
            // Cleared at once so the next line can be typed while this one is written; a late
            // clear would wipe what was typed meanwhile. A failed line comes back to the field.
            const submitted = text;
            setText('');
            void onLog(content).then((problem) => {
              if (problem === null) {
                setAnnounce(`Logged: ${content.title}`);
                return;
              }
              setText((typed) => (typed === '' ? submitted : typed));
              setFailure(`${problem} (“${submitted}”)`);
            });
          }}
        />
        <button type="button" className="button" onClick={() => onDetails(parsed?.ok ? parsed.value : null, text)}>
          Details…
        </button>
      </div>
      <p id="quick-entry-preview" className={`quick-entry__preview${invalid ? ' quick-entry__preview--error' : ''}`}>{failure ?? preview}</p>
      <p className="visually-hidden" role="status" aria-live="polite">{announce}</p>
      <div className="quick-entry__backfill">
        <label>
          <input type="checkbox" checked={backfill.enabled} onChange={(e) => setBackfill({ enabled: e.target.checked })} /> Transcribing a paper log
        </label>
        {backfill.enabled && (
          <>
            <label>
              Day of the log{' '}
              <IsoDateInput value={backfill.date} onChange={(date) => setBackfill({ date })} />
            </label>
            <label>
              Written by{' '}
              <input value={backfill.writtenBy} placeholder="Name on the paper log" onChange={(e) => setBackfill({ writtenBy: e.target.value })} />
            </label>
            {!backfillActive && <span className="warning-inline">Choose the day of the paper log.</span>}
          </>
        )}
      </div>
    </section>
  );
});
