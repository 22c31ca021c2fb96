import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState, type ReactElement } from 'react';

import { contentFromQuick, type ParsedQuickEntry } from '@shared/domain/timeline/quickEntry';
import type { DeskSettings, Incident } from '@shared/schemas/entities';
import type { EntryContent, TimelineEntry } from '@shared/schemas/timeline';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { describeAppendError } from '../../desk/timeline/writes';
import { useClockFormat, useDeskLocale } from '../../lib/LocaleContext';
import { useAppStore } from '../../store';
import { EntryDetails } from './EntryDetails';
import { EntryFormDialog, formFromContent } from './EntryFormDialog';
import { FilterLine, FilterPanel } from './FilterBar';
import { IntegrityCheck } from './IntegrityCheck';
import { QuickEntryBar } from './QuickEntryBar';
import { TimelineCsvActions } from './TimelineCsvActions';
import { TimelineList, type TimelineListHandle } from './TimelineList';
import { describeTimelineError } from './timelineErrors';
import { selectFilter, useTimelineUi } from './timelineUiStore';
import { t } from '../../i18n/messages';
import { useTimelineList } from './useTimelineList';

type FormState = { mode: 'new'; initial: EntryContent } | { mode: 'edit'; entry: TimelineEntry } | null;

/**
 * The incident's log, the workspace's main pane: the quick line, one line of filters, the
 * virtualised list (the only scroller) and, beside it, the details of the entry opened.
 */
export function TimelinePanel({
  incident,
  settings,
  onScrolled,
}: {
  incident: Incident;
  settings: DeskSettings;
  onScrolled?: ((scrolled: boolean) => void) | undefined;
}): ReactElement {
  const { useCases, clock, timelineSearch } = useDesk();
  const locale = useDeskLocale();
  const at = useClockFormat();
  const showNotice = useAppStore((s) => s.showNotice);
  const filter = useTimelineUi(selectFilter(incident.id));
  const backfill = useTimelineUi((s) => s.backfill);
  const [asKnownAt, setAsKnownAt] = useState<number | null>(null);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const list = useTimelineList(incident, filter, asKnownAt);
  const [openId, setOpenId] = useState<string | null>(null);
  const [form, setForm] = useState<FormState>(null);
  const quickRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<TimelineListHandle>(null);
  const actor = () => actorFrom(settings.operatorName, clock);
  const opened = useLiveQuery(
    async () =>
      openId === null ? null : (list.snapshot?.get(openId) ?? (await useCases.timeline.get(openId)) ?? null),
    [openId, useCases, list.snapshot],
  );

  // "/" or Ctrl+K puts the cursor in the quick line from anywhere in the workspace.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing =
        e.target instanceof HTMLElement &&
        (e.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName));
      if ((e.key === 'k' && (e.ctrlKey || e.metaKey)) || (e.key === '/' && !typing)) {
        e.preventDefault();
        quickRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The search worker starts with the timeline; the index is read (or built) once the list is
  // in place, so the list's own big read does not queue behind it.
  useEffect(() => timelineSearch.warm(), [timelineSearch]);
  const listReady = !list.loading && !list.partial;
  useEffect(() => {
    if (listReady) timelineSearch.prepare(incident.id);
  }, [listReady, timelineSearch, incident.id]);

  const log = async (content: EntryContent): Promise<string | null> => {
    try {
      const logged = await useCases.timeline.append(incident.id, [content], actor());
      return logged.ok ? null : t('timeline.timelinePanel.notLogged', { error: describeAppendError(logged.error) });
    } catch (e) {
      return t('timeline.timelinePanel.notLogged', { error: e instanceof Error ? e.message : String(e) });
    }
  };

  const blank = (parsed: ParsedQuickEntry | null, text: string): EntryContent =>
    parsed
      ? contentFromQuick(parsed, backfill)
      : contentFromQuick(
          {
            occurredAt: clock(),
            occurredPrecision: 'exact',
            category: 'event',
            title: text.trim(),
            tags: [],
            source: '',
            day: 'today',
            timeGiven: false,
          },
          backfill,
        );

  // Closing the details or a dialog opened from them hands the keyboard back to the entry's
  // row, once the dialog is gone (a modal dialog keeps the focus while it is open).
  const returnFocus = useRef<string | null>(null);
  useEffect(() => {
    if (returnFocus.current === null || form !== null) return;
    listRef.current?.focusEntry(returnFocus.current);
    returnFocus.current = null;
  }, [form, openId]);
  const closeDetails = () => {
    returnFocus.current = openId;
    setOpenId(null);
  };

  return (
    <section className="timeline" aria-labelledby="timeline-title">
      {asKnownAt === null ? (
        <QuickEntryBar
          ref={quickRef}
          incident={incident}
          now={clock}
          onLog={log}
          onDetails={(parsed, text) => setForm({ mode: 'new', initial: blank(parsed, text) })}
        />
      ) : (
        <p className="as-known-banner" role="status">
          <span>
            {t('timeline.timelinePanel.showingTheTimelineExactlyAs', {
              asKnownAt: at(asKnownAt, incident.timeZone, 'weekday-date-time'),
              timeZone: incident.timeZone,
            })}
          </span>
          <button type="button" className="button button--small" onClick={() => setAsKnownAt(null)}>
            {t('timeline.timelinePanel.backToNow')}
          </button>
        </p>
      )}
      <div className="timeline__bar">
        <h2 id="timeline-title" className="timeline__title">
          {t('timeline.timelinePanel.timeline')}
        </h2>
        {asKnownAt === null ? (
          <FilterLine incident={incident} list={list} open={filtersOpen} onToggle={() => setFiltersOpen((o) => !o)} />
        ) : (
          <span className="filter-line__count" data-testid="timeline-count">
            {t('timeline.count.asKnownThen', { count: list.total })}
          </span>
        )}
        <div className="timeline__tools">
          <IntegrityCheck incident={incident} operatorName={settings.operatorName} />
          <TimelineCsvActions
            incident={incident}
            listed={list.listed}
            actor={actor}
            onImported={(n) => showNotice('success', t('timeline.timelinePanel.entriesImported', { count: n }))}
          />
        </div>
      </div>
      {filtersOpen && asKnownAt === null && (
        <FilterPanel incident={incident} asKnownAt={asKnownAt} onAsKnownAt={setAsKnownAt} />
      )}
      <div className={`timeline__main${opened ? ' timeline__main--split' : ''}`}>
        {list.loading ? (
          <p className="muted timeline__message">{t('timeline.timelinePanel.loadingTheTimeline')}</p>
        ) : list.total === 0 && asKnownAt === null ? (
          <div className="empty-state timeline__message">
            <h3>{t('timeline.timelinePanel.nothingLoggedYet')}</h3>
            <p>{t('timeline.timelinePanel.typeInTheLineAbove')}</p>
          </div>
        ) : list.total === 0 ? (
          <p className="empty-state timeline__message">{t('timeline.timelinePanel.nothingHadBeenLoggedBy')}</p>
        ) : list.rows.length === 0 && !list.pending ? (
          <p className="empty-state timeline__message">
            {t('timeline.timelinePanel.noEntriesMatch')}{' '}
            <button
              type="button"
              className="button button--ghost"
              onClick={() => useTimelineUi.getState().clearFilter(incident.id)}
            >
              {t('timeline.timelinePanel.clearFilters')}
            </button>
          </p>
        ) : (
          <TimelineList
            ref={listRef}
            rows={list.rows}
            incident={incident}
            snapshot={list.snapshot}
            seedEntries={list.seedEntries}
            selectedId={openId}
            onOpen={setOpenId}
            resetKey={list.resultKey}
            busy={list.pending}
            onScrolled={onScrolled}
          />
        )}
        {opened && (
          <EntryDetails
            key={opened.id}
            entry={opened}
            incident={incident}
            readOnly={asKnownAt !== null}
            actor={actor}
            onClose={closeDetails}
            onEdit={() => setForm({ mode: 'edit', entry: opened })}
          />
        )}
      </div>
      {form && (
        <EntryFormDialog
          incident={incident}
          title={form.mode === 'new' ? t('timeline.timelinePanel.newEntry') : t('timeline.timelinePanel.correctEntry')}
          initial={formFromContent(form.mode === 'new' ? form.initial : form.entry, incident, locale)}
          isCorrection={form.mode === 'edit'}
          base={form.mode === 'new' ? form.initial : form.entry}
          onClose={() => {
            if (form.mode === 'edit') returnFocus.current = form.entry.id;
            setForm(null);
          }}
          onSubmit={async (content, reason) => {
            if (form.mode === 'new') {
              const problem = await log({ ...content, transcribed: content.transcribed });
              if (!problem) setForm(null);
              return problem;
            }
            const r = await useCases.timeline.edit(form.entry.id, content, reason, actor());
            if (!r.ok) return describeTimelineError(r.error);
            setForm(null);
            setOpenId(form.entry.id);
            returnFocus.current = form.entry.id;
            return null;
          }}
        />
      )}
    </section>
  );
}
