import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useMemo, useRef, useState, type ReactElement } from 'react';

import { CATEGORY_LABELS, VERIFICATION_LABELS } from '@shared/domain/timeline/entryForm';
import type { Incident } from '@shared/schemas/entities';
import type { TimelineEntry } from '@shared/schemas/timeline';
import { revealBidiControls } from '@shared/domain/text/bidi';

import { useDesk } from '../../app/DeskContext';
import type { TimelineRow } from './rows';
import { entryTime, entryTPlus } from './entryDisplay';
import { UserText } from '../../ui/UserText';

const DAY_HEIGHT = 44;
const ENTRY_HEIGHT = 64;
const BLOCK = 64;

/** Loads the entries of the visible window in blocks, live: a correction shows at once. */
function useVisibleEntries(rows: TimelineRow[], start: number, end: number, snapshot: Map<string, TimelineEntry> | null, seedEntries: readonly TimelineEntry[]) {
  const { repos } = useDesk();
  const from = Math.max(0, Math.floor(start / BLOCK) * BLOCK - BLOCK);
  const to = Math.min(rows.length, Math.ceil((end + 1) / BLOCK) * BLOCK + BLOCK);
  const ids = useMemo(() => rows.slice(from, to).flatMap((r) => (r.kind === 'entry' ? [r.id] : [])), [rows, from, to]);
  const loaded = useLiveQuery(async () => (snapshot ? null : repos.timeline.getMany(ids)), [repos, ids, snapshot]);
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

const EntryRow = memo(function EntryRow({ entry, incident, selected, onOpen }: { entry: TimelineEntry | undefined; incident: Incident; selected: boolean; onOpen: (id: string) => void }): ReactElement {
  if (!entry) return <div className="tl-entry tl-entry--loading" aria-hidden="true" />;
  return (
    <button
      type="button"
      className={`tl-entry${entry.retracted ? ' tl-entry--retracted' : ''}${selected ? ' tl-entry--selected' : ''} tl-cat--${entry.category}`}
      onClick={() => onOpen(entry.id)}
      aria-label={`${entryTime(entry, incident)} ${CATEGORY_LABELS[entry.category]}: ${revealBidiControls(entry.title)}${entry.retracted ? ' (retracted)' : ''}`}
    >
      <span className="tl-entry__time">
        <strong>{entryTime(entry, incident)}</strong>
        <small>{entryTPlus(entry.occurredAt, incident)}</small>
      </span>
      <span className="tl-entry__main">
        <span className="tl-entry__title">
          <span className={`cat cat--${entry.category}`}>{CATEGORY_LABELS[entry.category]}</span>
          <span className="tl-entry__text"><UserText text={entry.title} /></span>
        </span>
        <span className="tl-entry__meta">
          <span className={`vbadge vbadge--${entry.verification}`}>{VERIFICATION_LABELS[entry.verification]}</span>
          {entry.retracted && <span className="marker marker--retracted">Retracted</span>}
          {entry.revisionCount > 1 && <span className="marker" title="Corrected: open to see the history">Corrected ({entry.revisionCount - 1}×)</span>}
          {entry.transcribed && <span className="marker">From paper log</span>}
          {entry.release === 'public' && <span className="marker marker--public">Releasable</span>}
          {entry.source && <span className="tl-entry__source">Source: <UserText text={entry.source} /></span>}
          {entry.tags.map((t) => <span key={t} className="tag">#{t}</span>)}
        </span>
      </span>
    </button>
  );
});

/** The timeline, virtualised: only the rows on screen exist in the page, however long the incident. */
export function TimelineList(props: {
  rows: TimelineRow[];
  incident: Incident;
  snapshot: Map<string, TimelineEntry> | null;
  seedEntries: readonly TimelineEntry[];
  selectedId: string | null;
  onOpen: (id: string) => void;
}): ReactElement {
  const { rows, incident, snapshot, seedEntries, selectedId, onOpen } = props;
  const parentRef = useRef<HTMLDivElement>(null);
  // The virtualiser returns fresh measurements every render by design; nothing here is memoised on it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: (i) => (rows[i]?.kind === 'day' ? DAY_HEIGHT : ENTRY_HEIGHT),
    overscan: 12,
    getItemKey: (i) => rows[i]?.key ?? i,
  });
  const items = virtualizer.getVirtualItems();
  const entries = useVisibleEntries(rows, items[0]?.index ?? 0, items[items.length - 1]?.index ?? 0, snapshot, seedEntries);

  return (
    <div ref={parentRef} className="tl-scroll" data-testid="timeline-scroll" tabIndex={-1}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="list" aria-label="Timeline entries">
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <div key={item.key} role="listitem" className="tl-row" style={{ transform: `translateY(${item.start}px)`, height: item.size }}>
              {row.kind === 'day' ? (
                <h3 className="tl-day">{row.label} <span className="muted">· {row.count} {row.count === 1 ? 'entry' : 'entries'}</span></h3>
              ) : (
                <EntryRow entry={entries.get(row.id)} incident={incident} selected={row.id === selectedId} onOpen={onOpen} />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
