import { useMemo, useRef, useState, type ReactElement } from 'react';

import { fileSlug } from '@shared/domain/fileNames';
import { scheduleItems } from '@shared/domain/checklists/views';
import { formatWallClock } from '@shared/domain/incident/wallClock';
import { AUDIENCE_PROFILES, PROFILE_LABELS, RECORD_SECTIONS, SECTION_LABELS, type AudienceProfile, type RecordSection } from '@shared/domain/record/profiles';
import type { DeskSettings, Incident } from '@shared/schemas/entities';

import { useDesk } from '../../app/DeskContext';
import { useAppStore } from '../../store';
import { CalendarExportButton } from '../checklists/CalendarExportButton';
import { useChecklistItems } from '../checklists/queries';
import { buildRecordInWorker, type BuiltRecord, type RecordJob } from './buildRecordInWorker';
import { LessonsPanel } from './LessonsPanel';
import { PrintView } from './PrintView';
import { RecordReport } from './RecordReport';

const slug = (s: string) => fileSlug(s, 'incident');

type Built = BuiltRecord & { key: string };

/** One dialog for the after-action record: audience, sections, formats, and a preview. */
export function ExportPanel({ incident, settings }: { incident: Incident; settings: DeskSettings }): ReactElement {
  const { platform, clock, appVersion } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const [profile, setProfile] = useState<AudienceProfile>('internal');
  const [sections, setSections] = useState<RecordSection[]>([...RECORD_SECTIONS]);
  const [contactOptIn, setContactOptIn] = useState(false);
  const [names, setNames] = useState('');
  const [progress, setProgress] = useState<{ step: string; fraction: number } | null>(null);
  const [built, setBuilt] = useState<Built | null>(null);
  const [printing, setPrinting] = useState(false);
  const job = useRef<RecordJob | null>(null);
  const checklistItems = useChecklistItems(incident.id);
  const scheduled = useMemo(() => scheduleItems(checklistItems ?? [], incident), [checklistItems, incident]);
  const withheld = names.split(/[\n,;]+/).map((n) => n.trim()).filter(Boolean);
  const key = JSON.stringify([profile, sections, contactOptIn, withheld]);
  const stamp = formatWallClock(clock(), incident.timeZone, 'yyyy-MM-dd-HHmm');
  const base = `after-action-${slug(incident.title)}-${profile}-${stamp}`;

  /** The record for the current choices, built in a worker (once per set of choices). */
  const record = async (also: { docx?: boolean; csv?: boolean } = {}): Promise<Built | null> => {
    const withDocx = also.docx === true || (built?.key === key && built.docxBase64 !== null);
    const withCsv = also.csv === true || (built?.key === key && built.csv !== null);
    if (built?.key === key && (!also.docx || built.docxBase64 !== null) && (!also.csv || built.csv !== null)) return built;
    setProgress({ step: 'Starting', fraction: 0 });
    const started = buildRecordInWorker(
      { incidentId: incident.id, options: { profile, sections, withheldNames: withheld, includeContactDetails: contactOptIn, exportedBy: settings.operatorName, now: clock(), appVersion }, docx: withDocx, csv: withCsv },
      (step, fraction) => setProgress({ step, fraction }),
    );
    job.current = started;
    try {
      const r = await started.result;
      const next = { ...r, key };
      setBuilt(next);
      return next;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (message !== 'cancelled') showNotice('error', `The record could not be built: ${message}`);
      return null;
    } finally {
      job.current = null;
      setProgress(null);
    }
  };

  const save = async (name: string, content: string, encoding: 'utf8' | 'base64', ext: string, label: string) => {
    const r = await platform.saveFile({ suggestedName: name, content, encoding, filters: [{ name: label, extensions: [ext] }], title: `Save the ${label}` });
    if (!r.ok) showNotice('error', `Not saved: ${r.error.message}`);
    else if (r.value.savedTo) showNotice('success', `Saved ${r.value.savedTo}`);
  };

  const toggle = (s: RecordSection) => setSections((list) => (list.includes(s) ? list.filter((x) => x !== s) : RECORD_SECTIONS.filter((x) => x === s || list.includes(x))));

  return (
    <section className="export" aria-labelledby="export-title">
      <div className="panel export__controls">
        <h2 id="export-title">After-action record</h2>
        <p>The record of what happened and what the city did, for the council, residents or an inquiry. Choose who it is for; everything it leaves out is listed inside it.</p>
        <fieldset className="fieldset">
          <legend>Audience</legend>
          {AUDIENCE_PROFILES.map((p) => (
            <label key={p} className="radio">
              <input type="radio" name="profile" value={p} checked={profile === p} onChange={() => setProfile(p)} />
              <span><strong>{PROFILE_LABELS[p].title}</strong>: {PROFILE_LABELS[p].description}</span>
            </label>
          ))}
        </fieldset>
        {profile === 'internal' && (
          <label className="checkbox checkbox--warn">
            <input type="checkbox" checked={contactOptIn} onChange={(e) => setContactOptIn(e.target.checked)} />
            Include personal contact details (phone numbers, email addresses, call signs) in this export. They are personal data and are left out unless you tick this.
          </label>
        )}
        {profile === 'public' && (
          <label className="field">
            <span>Names to withhold (victims, witnesses), one per line</span>
            <textarea rows={3} value={names} onChange={(e) => setNames(e.target.value)} />
          </label>
        )}
        <fieldset className="fieldset">
          <legend>Sections</legend>
          <div className="export__sections">
            {RECORD_SECTIONS.map((s) => (
              <label key={s} className="checkbox">
                <input type="checkbox" checked={sections.includes(s)} disabled={s === 'integrity'} onChange={() => toggle(s)} /> {SECTION_LABELS[s]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={progress !== null} onClick={() => void record()}>Preview</button>
          <button type="button" className="button" disabled={progress !== null} onClick={() => void record().then((r) => r && save(`${base}.json`, r.text, 'utf8', 'json', 'record (JSON)'))}>Save JSON record</button>
          <button type="button" className="button" disabled={progress !== null} onClick={() => void record({ csv: true }).then((r) => (r?.csv != null ? save(`${base}-timeline.csv`, r.csv, 'utf8', 'csv', 'timeline (CSV)') : r && showNotice('error', 'This record has no timeline section: tick Timeline to save its CSV.')))}>Save timeline CSV</button>
          <button type="button" className="button" disabled={progress !== null} onClick={() => void record({ docx: true }).then((r) => (r?.docxBase64 ? save(`${base}.docx`, r.docxBase64, 'base64', 'docx', 'record (Word document)') : undefined))}>Save DOCX</button>
          <button type="button" className="button" disabled={progress !== null} onClick={() => void record().then((r) => r && setPrinting(true))}>Print / PDF…</button>
          {scheduled.length > 0 && <CalendarExportButton incident={incident} items={scheduled} cityName={settings.cityName} label="Save milestones calendar (.ics)" />}
        </div>
        {progress && (
          <div className="export__progress" role="status">
            <progress max={1} value={progress.fraction} aria-label="Building the record" /> {progress.step}
            <button type="button" className="button button--ghost" onClick={() => job.current?.cancel()}>Cancel</button>
          </div>
        )}
      </div>
      <LessonsPanel incident={incident} settings={settings} />
      {built && built.key === key ? (
        <div className="panel export__preview">
          <h2 className="visually-hidden">Preview</h2>
          <RecordReport record={built.preview} truncatedTo={built.preview.content.timeline && built.preview.content.timeline.entries.length < (built.preview.content.summary?.counts['timelineEntries'] ?? 0) ? built.preview.content.timeline.entries.length : undefined} />
        </div>
      ) : (
        <p className="muted">Press Preview to see the record as it will be saved.</p>
      )}
      {printing && built && <PrintView record={built.preview} fileName={`${base}.pdf`} onClose={() => setPrinting(false)} />}
    </section>
  );
}
