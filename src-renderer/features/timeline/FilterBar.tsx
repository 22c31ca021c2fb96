import { useEffect, useState, useSyncExternalStore, type ReactElement } from 'react';

import { wallClockToInstant } from '@shared/domain/incident/wallClock';
import { dateFormatLabel, formatInstant, localeConventions } from '@shared/domain/locale/deskLocale';
import { CATEGORY_LABELS, VERIFICATION_LABELS } from '@shared/domain/timeline/entryForm';
import type { Incident } from '@shared/schemas/entities';
import { TIMELINE_CATEGORIES, VERIFICATION_STATES } from '@shared/schemas/timeline';

import { useDesk } from '../../desk/DeskContext';
import { useDeskLocale } from '../../lib/LocaleContext';
import { useFacets } from './queries';
import { activeFilterCount, isFiltered, selectFilter, useTimelineUi, type ViewFilter } from './timelineUiStore';
import { t } from '../../i18n/messages';
import type { TimelineListState } from './useTimelineList';
import { DeskForm } from '../../ui/DeskForm';
import { SearchInput } from '../../ui/SearchInput';

const toggle = <T,>(list: readonly T[], value: T): T[] =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

/**
 * A date and time typed as one ("04/07/2026 14:05", "7/4/2026 2:05 PM", ISO "2026-07-04T14:05"),
 * read on the incident's clock in the desk's locale; null when empty or not a moment.
 */
export function parseLocal(value: string, timeZone: string, locale: string): number | null {
  const m = /^(\S+?)(?:T|\s+)(.+)$/.exec(value.trim());
  if (!m) return null;
  const r = wallClockToInstant(m[1] ?? '', m[2] ?? '', timeZone, locale);
  return r.ok ? r.value : null;
}
const toLocal = (at: number | null, timeZone: string, locale: string) =>
  at === null
    ? ''
    : `${formatInstant(at, timeZone, 'numeric-date', locale)} ${formatInstant(at, timeZone, 'time', locale)}`;

/** A moment typed in the desk's locale; told the instant once it reads as one (null when emptied). */
function MomentInput({
  id,
  at,
  timeZone,
  onChange,
}: {
  id: string;
  at: number | null;
  timeZone: string;
  onChange: (at: number | null) => void;
}): ReactElement {
  const locale = useDeskLocale();
  const [text, setText] = useState(() => toLocal(at, timeZone, locale));
  const unread = text.trim() !== '' && parseLocal(text, timeZone, locale) === null;
  return (
    <input
      id={id}
      type="text"
      className="input--moment"
      value={text}
      aria-invalid={unread}
      title={unread ? t('timeline.filterBar.typeADateAndTime', { format: momentHint(locale) }) : undefined}
      placeholder={momentHint(locale)}
      onChange={(e) => {
        setText(e.target.value);
        const next = parseLocal(e.target.value, timeZone, locale);
        if (next !== null || e.target.value.trim() === '') onChange(next);
      }}
    />
  );
}
const momentHint = (locale: string) =>
  `${dateFormatLabel(locale)} ${localeConventions(locale).hour12 ? 'h:mm AM' : 'HH:MM'}`;

/** How far the search index of an incident has got, live. */
function useIndexProgress(incidentId: string) {
  const { timelineSearch } = useDesk();
  const progress = useSyncExternalStore(timelineSearch.subscribe, () => timelineSearch.progress(incidentId));
  const failure = useSyncExternalStore(timelineSearch.subscribe, () => timelineSearch.failure(incidentId));
  return { progress, failure };
}

/**
 * What the count says. Never a total passed off as a result: while a filter or a search is
 * being worked out, it says so, and only a finished result is counted.
 */
export function countText(
  list: Pick<TimelineListState, 'loading' | 'partial' | 'pending' | 'shown' | 'total' | 'match'>,
  filtered: boolean,
  searching: boolean,
): string {
  if (list.loading) return t('timeline.filterBar.loading');
  if (list.pending) return searching ? t('timeline.filterBar.searching') : t('timeline.filterBar.filtering');
  if (list.partial) return t('timeline.filterBar.countingEntries');
  if (!filtered) return t('timeline.count.entries', { count: list.total });
  if (list.match === 'close') return t('timeline.count.closeMatches', { shown: list.shown, total: list.total });
  return t('timeline.filterBar.showingOf', { shown: list.shown, total: list.total });
}

/**
 * The timeline's one line of filters: the search box (with the index's progress while it is
 * built), a button that unfolds the other filters, the count, and Clear.
 */
export function FilterLine({
  incident,
  list,
  open,
  onToggle,
}: {
  incident: Incident;
  list: TimelineListState;
  open: boolean;
  onToggle: () => void;
}): ReactElement {
  const filter = useTimelineUi(selectFilter(incident.id));
  const setFilter = useTimelineUi((s) => s.setFilter);
  const clear = useTimelineUi((s) => s.clearFilter);
  const [text, setText] = useState(filter.text);
  const { progress, failure } = useIndexProgress(incident.id);
  useEffect(() => {
    const timer = setTimeout(() => {
      if (text !== filter.text) setFilter(incident.id, { text });
    }, 250);
    return () => clearTimeout(timer);
  }, [text, filter.text, incident.id, setFilter]);
  // Cleared from elsewhere (Clear filters in the list, a link from the overview): the box follows.
  const [storedText, setStoredText] = useState(filter.text);
  if (storedText !== filter.text) {
    setStoredText(filter.text);
    if (filter.text === '') setText('');
  }
  const others = activeFilterCount({ ...filter, text: '' });
  const indexing = progress && !progress.ready;
  const searching = filter.text.trim() !== '';

  return (
    <div className="filter-line" role="search" aria-label={t('timeline.filterBar.filterTheTimeline')}>
      <SearchInput
        id="tl-search"
        label={t('timeline.filterBar.searchTheTimeline')}
        className="filter-line__search"
        placeholder={t('timeline.filterBar.searchTitlesNotesTagsSources')}
        value={text}
        aria-describedby="tl-search-status"
        onChange={setText}
      />
      <span
        id="tl-search-status"
        className="filter-line__status"
        role="status"
        data-index-state={failure ? 'failed' : !progress ? 'idle' : progress.ready ? 'ready' : 'indexing'}
      >
        {failure
          ? t('timeline.filterBar.searchNotAvailable', { failure })
          : indexing
            ? progress.total > 0
              ? t('timeline.filterBar.indexingOf', { indexed: progress.indexed, total: progress.total })
              : t('timeline.filterBar.indexing')
            : ''}
      </span>
      <button
        type="button"
        className={`button button--small${others > 0 ? ' button--on' : ''}`}
        aria-expanded={open}
        aria-controls="timeline-filters"
        onClick={onToggle}
      >
        {t('timeline.filterBar.filters')}
        {others > 0 ? ` ${t('timeline.filterBar.filtersOn', { count: others })}` : ''}
      </button>
      <span className="filter-line__count" data-testid="timeline-count" aria-live="polite">
        {countText(list, isFiltered(filter), searching)}
      </span>
      {isFiltered(filter) && (
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => {
            clear(incident.id);
            setText('');
          }}
        >
          {t('timeline.filterBar.clearFilters')}
        </button>
      )}
    </div>
  );
}

/** A chip for each value, pressed while the value is chosen; a press adds it to or takes it from the choice. */
function ChipChoices<V extends string>({
  values,
  labels,
  chosen,
  coloured = false,
  onChange,
}: {
  values: readonly V[];
  labels: Record<V, string>;
  chosen: readonly V[];
  /** Each chip in its value's own colour (`chip--<value>`), as the timeline shows categories. */
  coloured?: boolean;
  onChange: (chosen: V[]) => void;
}): ReactElement {
  return (
    <>
      {values.map((v) => (
        <button
          key={v}
          type="button"
          className={coloured ? `chip chip--${v}` : 'chip'}
          aria-pressed={chosen.includes(v)}
          onClick={() => onChange(toggle(chosen, v))}
        >
          {labels[v]}
        </button>
      ))}
    </>
  );
}

/** One of the values the incident's entries carry (a tag, a source), or any: the filter holds at most one. */
function FacetSelect({
  label,
  facets,
  chosen,
  show,
  onChange,
}: {
  label: string;
  facets: readonly string[] | undefined;
  chosen: readonly string[];
  show: (facet: string) => string;
  onChange: (chosen: string[]) => void;
}): ReactElement {
  return (
    <label className="filters__select">
      {label}
      <select value={chosen[0] ?? ''} onChange={(e) => onChange(e.target.value ? [e.target.value] : [])}>
        <option value="">{t('timeline.filterBar.any')}</option>
        {facets?.map((facet) => (
          <option key={facet} value={facet}>
            {show(facet)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Everything else the list can be narrowed to, folded away until asked for. */
export function FilterPanel({
  incident,
  asKnownAt,
  onAsKnownAt,
}: {
  incident: Incident;
  asKnownAt: number | null;
  onAsKnownAt: (at: number | null) => void;
}): ReactElement {
  const filter = useTimelineUi(selectFilter(incident.id));
  const setFilter = useTimelineUi((s) => s.setFilter);
  const set = (patch: Partial<ViewFilter>) => setFilter(incident.id, patch);
  const facets = useFacets(incident.id);
  const locale = useDeskLocale();
  const [knownAt, setKnownAt] = useState(() => toLocal(asKnownAt, incident.timeZone, locale));

  return (
    <section id="timeline-filters" className="filter-panel" aria-label={t('timeline.filterBar.moreFilters')}>
      <div className="filter-panel__row" role="group" aria-label={t('timeline.filterBar.category')}>
        <ChipChoices
          values={TIMELINE_CATEGORIES}
          labels={CATEGORY_LABELS}
          chosen={filter.categories}
          coloured
          onChange={(categories) => set({ categories })}
        />
      </div>
      <div className="filter-panel__row">
        <span role="group" aria-label={t('timeline.filterBar.verification')} className="filter-panel__group">
          <ChipChoices
            values={VERIFICATION_STATES}
            labels={VERIFICATION_LABELS}
            chosen={filter.verifications}
            onChange={(verifications) => set({ verifications })}
          />
        </span>
        <FacetSelect
          label={t('timeline.filterBar.tag')}
          facets={facets?.tags}
          chosen={filter.tags}
          show={(tag) => `#${tag}`}
          onChange={(tags) => set({ tags })}
        />
        <FacetSelect
          label={t('timeline.filterBar.source')}
          facets={facets?.sources}
          chosen={filter.sources}
          show={(source) => source}
          onChange={(sources) => set({ sources })}
        />
        <label className="filters__select" htmlFor="filter-from">
          {t('timeline.filterBar.from')}
          <MomentInput
            id="filter-from"
            at={filter.from}
            timeZone={incident.timeZone}
            onChange={(from) => set({ from })}
          />
        </label>
        <label className="filters__select" htmlFor="filter-to">
          {t('timeline.filterBar.to')}
          <MomentInput id="filter-to" at={filter.to} timeZone={incident.timeZone} onChange={(to) => set({ to })} />
        </label>
      </div>
      <DeskForm
        className="filter-panel__row"
        onSubmit={() => {
          const at = parseLocal(knownAt, incident.timeZone, locale);
          // The whole chosen minute counts as known at it.
          if (at !== null) onAsKnownAt(at + 59_999);
        }}
      >
        <label className="filters__select" htmlFor="as-known-at">
          {t('timeline.filterBar.asKnownAt')}
        </label>
        <input
          id="as-known-at"
          className="filter-panel__known"
          type="text"
          placeholder={momentHint(locale)}
          value={knownAt}
          onChange={(e) => setKnownAt(e.target.value)}
        />
        <button type="submit" className="button button--small">
          {t('timeline.filterBar.show')}
        </button>
        <span className="muted">{t('timeline.filterBar.theTimelineExactlyAsIt', { timeZone: incident.timeZone })}</span>
      </DeskForm>
    </section>
  );
}
