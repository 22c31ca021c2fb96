import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type ReactElement,
  type Ref,
} from 'react';

import { CATEGORY_LABELS, VERIFICATION_LABELS } from '@shared/domain/timeline/entryForm';
import { contentCorrections } from '@shared/domain/timeline/historyWording';
import type { Incident } from '@shared/schemas/entities';
import type { TimelineEntry } from '@shared/schemas/timeline';
import { revealBidiControls } from '@shared/domain/text/bidi';

import { useDesk } from '../../desk/DeskContext';
import type { TimelineRow } from './rows';
import { entryTime, entryTPlus } from './entryDisplay';
import { localeConventions } from '@shared/domain/locale/deskLocale';

import { useDeskLocale } from '../../lib/LocaleContext';
import { t } from '../../i18n/messages';
import { UserText } from '../../ui/UserText';
import { useEntriesInConflict } from './queries';

/** Row heights in pixels: one line per entry, so a laptop screen shows a dozen or more. */
export const DAY_HEIGHT = 28;
export const ENTRY_HEIGHT = 36;
const BLOCK = 64;

/** Loads the entries of the visible window in blocks, live: a correction shows at once. */
function useVisibleEntries(
  rows: TimelineRow[],
  start: number,
  end: number,
  snapshot: Map<string, TimelineEntry> | null,
  seedEntries: readonly TimelineEntry[],
) {
  const { useCases } = useDesk();
  const from = Math.max(0, Math.floor(start / BLOCK) * BLOCK - BLOCK);
  const to = Math.min(rows.length, Math.ceil((end + 1) / BLOCK) * BLOCK + BLOCK);
  const ids = useMemo(() => rows.slice(from, to).flatMap((r) => (r.kind === 'entry' ? [r.id] : [])), [rows, from, to]);
  const loaded = useLiveQuery(
    async () => (snapshot ? null : useCases.timeline.getMany(ids)),
    [useCases, ids, snapshot],
  );
  // Rows already seen stay on screen while the next block loads, so fast scrolling never
  // flashes empty rows; live updates replace them as they arrive.
  const [seen] = useState(() => new Map<string, TimelineEntry>());
  return useMemo((): { get: (id: string) => TimelineEntry | undefined } => {
    if (snapshot) return snapshot;
    if (seen.size > 5000) seen.clear();
    // The first screenful arrives with its entries; a later read of the same rows replaces them.
    for (const e of seedEntries) if (!seen.has(e.id)) seen.set(e.id, e);
    for (const e of loaded ?? []) if (e) seen.set(e.id, e);
    return { get: (id) => seen.get(id) };
  }, [loaded, snapshot, seen, seedEntries]);
}

/**
 * How many times an entry's content was corrected. A change of verification or a retraction is
 * a revision too, but not a correction: those have their own marks. Only entries with more than
 * one revision (few) read their history.
 */
function useCorrections(entry: TimelineEntry | undefined): number {
  const { useCases } = useDesk();
  const id = entry && entry.revisionCount > 1 ? entry.id : null;
  const revisionCount = entry?.revisionCount ?? 0;
  return (
    useLiveQuery(
      async () => (id === null ? 0 : contentCorrections(await useCases.timeline.history(id))),
      [useCases, id, revisionCount],
    ) ?? 0
  );
}

const EntryRow = memo(function EntryRow({
  entry,
  incident,
  selected,
  conflicting,
  onOpen,
}: {
  entry: TimelineEntry | undefined;
  incident: Incident;
  selected: boolean;
  /** Two desks changed it apart, and no one has kept one version yet. */
  conflicting: boolean;
  onOpen: (id: string) => void;
}): ReactElement {
  const corrections = useCorrections(entry);
  const locale = useDeskLocale();
  if (!entry) return <div className="tl-entry tl-entry--loading" aria-hidden="true" />;
  return (
    <button
      type="button"
      data-entry-id={entry.id}
      className={`tl-entry${entry.retracted ? ' tl-entry--retracted' : ''}${selected ? ' tl-entry--selected' : ''}${localeConventions(locale).hour12 ? ' tl-entry--h12' : ''} tl-cat--${entry.category}`}
      onClick={() => onOpen(entry.id)}
      aria-current={selected ? 'true' : undefined}
      aria-label={t('timeline.timelineList.rowLabel', {
        time: entryTime(entry, incident, locale),
        category: CATEGORY_LABELS[entry.category],
        title: revealBidiControls(entry.title),
        retracted: entry.retracted ? 'yes' : 'no',
        conflict: conflicting ? 'yes' : 'no',
      })}
    >
      <span className="tl-entry__time">
        <strong>{entryTime(entry, incident, locale)}</strong>
        <small>{entryTPlus(entry.occurredAt, incident)}</small>
      </span>
      <span className="tl-entry__cat">
        <span className={`cat cat--${entry.category}`}>{CATEGORY_LABELS[entry.category]}</span>
      </span>
      <span className="tl-entry__verification">
        <span className={`vbadge vbadge--${entry.verification}`}>{VERIFICATION_LABELS[entry.verification]}</span>
      </span>
      <span className="tl-entry__text">
        {conflicting && (
          <span className="marker marker--conflict" title={t('timeline.timelineList.conflictingTitle')}>
            {t('timeline.timelineList.conflicting')}
          </span>
        )}{' '}
        <UserText text={entry.title} />
      </span>
      <span className="tl-entry__meta">
        {entry.retracted && <span className="marker marker--retracted">{t('timeline.timelineList.retracted')}</span>}
        {corrections > 0 && (
          <span className="marker" title={t('timeline.timelineList.theContentWasCorrectedOpen')}>
            {t('timeline.timelineList.corrected', { corrections })}
          </span>
        )}
        {entry.transcribed && <span className="marker">{t('timeline.timelineList.fromPaperLog')}</span>}
        {entry.release === 'public' && (
          <span className="marker marker--public">{t('timeline.timelineList.releasable')}</span>
        )}
        {entry.source && (
          <span className="tl-entry__source">
            {t('timeline.timelineList.source')} <UserText text={entry.source} />
          </span>
        )}
        {entry.tags.map((t) => (
          <span key={t} className="tag">
            #{t}
          </span>
        ))}
      </span>
    </button>
  );
});

/** What the timeline panel can ask of its list. */
export type TimelineListHandle = {
  /** Brings an entry's row into view and puts the keyboard focus on it. */
  focusEntry: (id: string) => void;
};

/**
 * The timeline, virtualised: only the rows on screen exist in the page, however long the
 * incident. The heading of the day being read stays at the top of the list, so an entry on
 * day 2 always says which day it is. The list is the workspace's only scroller.
 */
export function TimelineList(props: {
  rows: TimelineRow[];
  incident: Incident;
  snapshot: Map<string, TimelineEntry> | null;
  seedEntries: readonly TimelineEntry[];
  selectedId: string | null;
  onOpen: (id: string) => void;
  /** A new value brings the list back to its top (a new filter shows its first results). */
  resetKey: string;
  busy: boolean;
  onScrolled?: ((scrolled: boolean) => void) | undefined;
  ref?: Ref<TimelineListHandle>;
}): ReactElement {
  const { rows, incident, snapshot, seedEntries, selectedId, onOpen, resetKey, busy, onScrolled, ref } = props;
  const parentRef = useRef<HTMLDivElement>(null);
  // Each row's day heading, so the heading of the first visible row can stay pinned.
  const dayIndexes = useMemo(() => rows.flatMap((r, i) => (r.kind === 'day' ? [i] : [])), [rows]);
  const activeDay = useRef(0);
  const rangeExtractor = useCallback(
    (range: Range) => {
      let active = 0;
      for (const i of dayIndexes) {
        if (i > range.startIndex) break;
        active = i;
      }
      activeDay.current = active;
      const indexes = defaultRangeExtractor(range);
      return indexes.includes(active) ? indexes : [active, ...indexes];
    },
    [dayIndexes],
  );
  // The virtualiser returns fresh measurements every render by design; nothing here is memoised on it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: (i) => (rows[i]?.kind === 'day' ? DAY_HEIGHT : ENTRY_HEIGHT),
    overscan: 12,
    getItemKey: (i) => rows[i]?.key ?? i,
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  const inConflict = useEntriesInConflict(incident.id);
  const entries = useVisibleEntries(
    rows,
    items[0]?.index ?? 0,
    items[items.length - 1]?.index ?? 0,
    snapshot,
    seedEntries,
  );

  // A changed filter shows its results from the top, never from where the old list was.
  const lastReset = useRef(resetKey);
  useEffect(() => {
    if (lastReset.current === resetKey) return;
    lastReset.current = resetKey;
    virtualizer.scrollToOffset(0);
  }, [resetKey, virtualizer]);

  useImperativeHandle(
    ref,
    () => ({
      focusEntry(id: string) {
        const index = rows.findIndex((r) => r.kind === 'entry' && r.id === id);
        if (index < 0) return;
        virtualizer.scrollToIndex(index, { align: 'auto' });
        // The row exists once the virtualiser has rendered the new window.
        const attempt = (tries: number) => {
          const button = parentRef.current?.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(id)}"]`);
          if (button) button.focus({ preventScroll: true });
          else if (tries > 0) requestAnimationFrame(() => attempt(tries - 1));
        };
        requestAnimationFrame(() => attempt(10));
      },
    }),
    [rows, virtualizer],
  );

  return (
    <div
      ref={parentRef}
      className={`tl-scroll${busy ? ' tl-scroll--busy' : ''}`}
      data-testid="timeline-scroll"
      tabIndex={-1}
      aria-busy={busy}
      onScroll={(e) => onScrolled?.(e.currentTarget.scrollTop > 8)}
    >
      <div
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
        role="list"
        aria-label={t('timeline.timelineList.timelineEntries')}
      >
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const sticky = row.kind === 'day' && item.index === activeDay.current;
          return (
            <div
              key={item.key}
              role="listitem"
              className={sticky ? 'tl-row tl-row--sticky' : 'tl-row'}
              style={sticky ? { height: item.size } : { transform: `translateY(${item.start}px)`, height: item.size }}
            >
              {row.kind === 'day' ? (
                <h3 className="tl-day" data-testid={sticky ? 'timeline-current-day' : undefined}>
                  {row.label} <span className="muted">· {t('timeline.day.entries', { count: row.count })}</span>
                </h3>
              ) : (
                <EntryRow
                  entry={entries.get(row.id)}
                  incident={incident}
                  selected={row.id === selectedId}
                  conflicting={inConflict.has(row.id)}
                  onOpen={onOpen}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
