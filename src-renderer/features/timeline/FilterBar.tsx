import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type ReactElement } from 'react';

import { formatWallClock, wallClockToInstant } from '@shared/domain/incident/wallClock';
import { CATEGORY_LABELS, VERIFICATION_LABELS } from '@shared/domain/timeline/entryForm';
import type { Incident } from '@shared/schemas/entities';
import { TIMELINE_CATEGORIES, VERIFICATION_STATES } from '@shared/schemas/timeline';

import { useDesk } from '../../app/DeskContext';
import { facetsOf } from '../../db/repos/timelineQuery';
import { isFiltered, selectFilter, useTimelineUi, type ViewFilter } from './timelineUiStore';

const toggle = <T,>(list: readonly T[], value: T): T[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

/** A datetime-local value read on the incident's clock, or null when empty or impossible. */
function parseLocal(value: string, timeZone: string): number | null {
  const [date, time] = value.split('T');
  if (!date || !time) return null;
  const r = wallClockToInstant(date, time.slice(0, 5), timeZone);
  return r.ok ? r.value : null;
}
const toLocal = (at: number | null, timeZone: string) => (at === null ? '' : formatWallClock(at, timeZone, "yyyy-MM-dd'T'HH:mm"));

/** Narrow the timeline: by category, verification, tag, source, time range and words. Kept across reloads. */
export function FilterBar({ incident, shown, total, partial }: { incident: Incident; shown: number; total: number; partial: boolean }): ReactElement {
  const { db } = useDesk();
  const filter = useTimelineUi(selectFilter(incident.id));
  const setFilter = useTimelineUi((s) => s.setFilter);
  const clear = useTimelineUi((s) => s.clearFilter);
  const set = (patch: Partial<ViewFilter>) => setFilter(incident.id, patch);
  const facets = useLiveQuery(() => facetsOf(db, incident.id), [db, incident.id]);
  const [text, setText] = useState(filter.text);
  useEffect(() => {
    const timer = setTimeout(() => {
      if (text !== filter.text) setFilter(incident.id, { text });
    }, 250);
    return () => clearTimeout(timer);
  }, [text, filter.text, incident.id, setFilter]);

  return (
    <section className="filters" aria-label="Filter the timeline">
      <div className="filters__row">
        <label htmlFor="tl-search" className="visually-hidden">Search the timeline</label>
        <input id="tl-search" type="search" className="filters__search" placeholder="Search titles, notes, tags, sources…" value={text} onChange={(e) => setText(e.target.value)} />
        <label className="filters__select">
          Tag
          <select value={filter.tags[0] ?? ''} onChange={(e) => set({ tags: e.target.value ? [e.target.value] : [] })}>
            <option value="">Any</option>
            {facets?.tags.map((t) => <option key={t} value={t}>#{t}</option>)}
          </select>
        </label>
        <label className="filters__select">
          Source
          <select value={filter.sources[0] ?? ''} onChange={(e) => set({ sources: e.target.value ? [e.target.value] : [] })}>
            <option value="">Any</option>
            {facets?.sources.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label className="filters__select">
          From
          <input type="datetime-local" value={toLocal(filter.from, incident.timeZone)} onChange={(e) => set({ from: parseLocal(e.target.value, incident.timeZone) })} />
        </label>
        <label className="filters__select">
          To
          <input type="datetime-local" value={toLocal(filter.to, incident.timeZone)} onChange={(e) => set({ to: parseLocal(e.target.value, incident.timeZone) })} />
        </label>
      </div>
      <div className="filters__row" role="group" aria-label="Category and verification">
        {TIMELINE_CATEGORIES.map((c) => (
          <button key={c} type="button" className={`chip chip--${c}`} aria-pressed={filter.categories.includes(c)} onClick={() => set({ categories: toggle(filter.categories, c) })}>
            {CATEGORY_LABELS[c]}
          </button>
        ))}
        <span className="filters__sep" aria-hidden="true" />
        {VERIFICATION_STATES.map((v) => (
          <button key={v} type="button" className="chip" aria-pressed={filter.verifications.includes(v)} onClick={() => set({ verifications: toggle(filter.verifications, v) })}>
            {VERIFICATION_LABELS[v]}
          </button>
        ))}
        <span className="filters__count" data-testid="timeline-count">
          {partial ? 'Counting entries…' : isFiltered(filter) ? `Showing ${shown} of ${total}` : `${total} ${total === 1 ? 'entry' : 'entries'}`}
        </span>
        {isFiltered(filter) && (
          <button type="button" className="button button--ghost" onClick={() => { clear(incident.id); setText(''); }}>Clear filters</button>
        )}
      </div>
    </section>
  );
}
