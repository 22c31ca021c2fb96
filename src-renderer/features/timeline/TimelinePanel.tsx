import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState, type ReactElement } from 'react';

import { formatWallClock, wallClockToInstant } from '@shared/domain/incident/wallClock';
import { contentFromQuick, type ParsedQuickEntry } from '@shared/domain/timeline/quickEntry';
import type { DeskSettings, Incident } from '@shared/schemas/entities';
import type { EntryContent, TimelineEntry } from '@shared/schemas/timeline';

import { actorFrom, useDesk } from '../../app/DeskContext';
import { useAppStore } from '../../store';
import { EntryDetails } from './EntryDetails';
import { EntryFormDialog, formFromContent } from './EntryFormDialog';
import { FilterBar } from './FilterBar';
import { IntegrityCheck } from './IntegrityCheck';
import { QuickEntryBar } from './QuickEntryBar';
import { TimelineCsvActions } from './TimelineCsvActions';
import { TimelineList } from './TimelineList';
import { describeTimelineError } from './timelineErrors';
import { selectFilter, useTimelineUi } from './timelineUiStore';
import { useTimelineList } from './useTimelineList';

type FormState = { mode: 'new'; initial: EntryContent } | { mode: 'edit'; entry: TimelineEntry } | null;

function AsKnownAt({ incident, value, onChange }: { incident: Incident; value: number | null; onChange: (at: number | null) => void }): ReactElement {
  const [text, setText] = useState('');
  return (
    <form className="as-known" onSubmit={(e) => {
      e.preventDefault();
      const [date, time] = text.split('T');
      const r = date && time ? wallClockToInstant(date, time.slice(0, 5), incident.timeZone) : null;
      if (r?.ok) onChange(r.value + 59_999);
    }}>
      <label htmlFor="as-known-at">As known at</label>
      <input id="as-known-at" type="datetime-local" value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit" className="button">Show</button>
      {value !== null && <button type="button" className="button" onClick={() => onChange(null)}>Back to now</button>}
    </form>
  );
}

/** The incident's log: the quick line, filters, the virtualised list, and the tools around it. */
export function TimelinePanel({ incident, settings }: { incident: Incident; settings: DeskSettings }): ReactElement {
  const { repos, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const filter = useTimelineUi(selectFilter(incident.id));
  const backfill = useTimelineUi((s) => s.backfill);
  const [asKnownAt, setAsKnownAt] = useState<number | null>(null);
  const list = useTimelineList(incident, filter, asKnownAt);
  const [openId, setOpenId] = useState<string | null>(null);
  const [form, setForm] = useState<FormState>(null);
  const quickRef = useRef<HTMLInputElement>(null);
  const actor = () => actorFrom(settings.operatorName, clock);
  const opened = useLiveQuery(async () => (openId === null ? null : list.snapshot?.get(openId) ?? (await repos.timeline.get(openId)) ?? null), [openId, repos, list.snapshot]);

  // "/" or Ctrl+K puts the cursor in the quick line from anywhere in the workspace.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName));
      if ((e.key === 'k' && (e.ctrlKey || e.metaKey)) || (e.key === '/' && !typing)) {
        e.preventDefault();
        quickRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const log = async (content: EntryContent): Promise<string | null> => {
    try {
      await repos.timeline.append(incident.id, [content], actor());
      return null;
    } catch (e) {
      return `Not logged: ${e instanceof Error ? e.message : String(e)}`;
    }
  };

  const blank = (parsed: ParsedQuickEntry | null, text: string): EntryContent =>
    parsed
      ? contentFromQuick(parsed, backfill)
      : contentFromQuick({ occurredAt: clock(), occurredPrecision: 'exact', category: 'event', title: text.trim(), tags: [], source: '', day: 'today', timeGiven: false }, backfill);

  return (
    <section className="timeline" aria-labelledby="timeline-title">
      <div className="timeline__toolbar">
        <h2 id="timeline-title">Timeline</h2>
        <AsKnownAt incident={incident} value={asKnownAt} onChange={setAsKnownAt} />
        <IntegrityCheck incident={incident} operatorName={settings.operatorName} />
        <TimelineCsvActions incident={incident} listed={list.listed} actor={actor} onImported={(n) => showNotice('success', `${n} entries imported.`)} />
      </div>
      {asKnownAt === null ? (
        <QuickEntryBar ref={quickRef} incident={incident} now={clock} onLog={log} onDetails={(parsed, text) => setForm({ mode: 'new', initial: blank(parsed, text) })} />
      ) : (
        <p className="as-known-banner" role="status">
          Showing the timeline exactly as it stood at {formatWallClock(asKnownAt, incident.timeZone, 'EEE d MMM yyyy, HH:mm')} ({incident.timeZone}): entries logged later are hidden, corrections made later are not applied.
        </p>
      )}
      {asKnownAt === null && <FilterBar incident={incident} shown={list.shown} total={list.total} partial={list.partial} />}
      {list.loading ? <p className="muted">Loading the timeline…</p> : list.total === 0 && asKnownAt === null ? (
        <div className="empty-state">
          <h3>Nothing logged yet</h3>
          <p>Type in the line above and press Enter. Start with what you know now; corrections never erase what was logged first.</p>
        </div>
      ) : list.rows.length === 0 ? (
        <p className="empty-state">No entries match. <button type="button" className="button button--ghost" onClick={() => useTimelineUi.getState().clearFilter(incident.id)}>Clear filters</button></p>
      ) : (
        <TimelineList rows={list.rows} incident={incident} snapshot={list.snapshot} seedEntries={list.seedEntries} selectedId={openId} onOpen={setOpenId} />
      )}
      {opened && (
        <EntryDetails entry={opened} incident={incident} readOnly={asKnownAt !== null} actor={actor} onClose={() => setOpenId(null)}
          onEdit={() => { setForm({ mode: 'edit', entry: opened }); setOpenId(null); }} />
      )}
      {form && (
        <EntryFormDialog
          incident={incident}
          title={form.mode === 'new' ? 'New entry' : 'Correct entry'}
          initial={formFromContent(form.mode === 'new' ? form.initial : form.entry, incident)}
          isCorrection={form.mode === 'edit'}
          base={form.mode === 'new' ? form.initial : form.entry}
          onClose={() => setForm(null)}
          onSubmit={async (content, reason) => {
            if (form.mode === 'new') {
              const problem = await log({ ...content, transcribed: content.transcribed });
              if (!problem) setForm(null);
              return problem;
            }
            const r = await repos.timeline.edit(form.entry.id, content, reason, actor());
            if (!r.ok) return describeTimelineError(r.error);
            setForm(null);
            setOpenId(form.entry.id);
            return null;
          }}
        />
      )}
    </section>
  );
}
