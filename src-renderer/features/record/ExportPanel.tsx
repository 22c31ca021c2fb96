import { useRef, useState, useSyncExternalStore, type ReactElement } from 'react';

import { fileSlug } from '@shared/domain/fileNames';
import { formatWallClock } from '@shared/domain/incident/wallClock';
import type { PackageRole } from '@shared/domain/record/exportPackage';
import {
  AUDIENCE_PROFILES,
  PROFILE_LABELS,
  RECORD_SECTIONS,
  SECTION_LABELS,
  SECTIONS_WITHHELD,
  type AudienceProfile,
  type RecordSection,
} from '@shared/domain/record/profiles';
import type { PublishedVia } from '@shared/schemas/publishedHeads';
import type { DeskSettings, Incident } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { buildRecordInWorker, type BuiltRecord, type RecordJob } from './buildRecordInWorker';
import { LessonsPanel } from './LessonsPanel';
import { RecordsFingerprint } from './RecordsFingerprint';
import { PrintView } from './PrintView';
import { displayLocale } from '../../lib/LocaleContext';
import { RecordReport } from './RecordReport';
import { t, tRich, type MessageId } from '../../i18n/messages';
import { describeNotWritten } from '../../i18n/notWritten';
import { boldTag } from '../../ui/boldTag';

const slug = (s: string) => fileSlug(s, 'incident');

type Built = BuiltRecord & { key: string };

/** The single files of the package, as the buttons offer them. */
const SINGLE_FILES: { role: PackageRole; label: MessageId; button: MessageId; ext: string; filter: MessageId }[] = [
  {
    role: 'record',
    label: 'record.export.file.json',
    button: 'record.export.save.json',
    ext: 'json',
    filter: 'record.export.filter.json',
  },
  {
    role: 'report-pdf',
    label: 'record.export.file.pdf',
    button: 'record.export.save.pdf',
    ext: 'pdf',
    filter: 'record.export.filter.pdf',
  },
  {
    role: 'report-docx',
    label: 'record.export.file.docx',
    button: 'record.export.save.docx',
    ext: 'docx',
    filter: 'record.export.filter.docx',
  },
  {
    role: 'timeline-csv',
    label: 'record.export.file.csv',
    button: 'record.export.save.csv',
    ext: 'csv',
    filter: 'record.export.filter.csv',
  },
  {
    role: 'milestones-ics',
    label: 'record.export.file.ics',
    button: 'record.export.save.ics',
    ext: 'ics',
    filter: 'record.export.filter.ics',
  },
];

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** One panel for the after-action record: audience, sections, one sealed record in every format, and a preview. */
export function ExportPanel({ incident, settings }: { incident: Incident; settings: DeskSettings }): ReactElement {
  const { platform, clock, appVersion, useCases, encryption } = useDesk();
  const secrecy = useSyncExternalStore(encryption.subscribe, encryption.state);
  const showNotice = useAppStore((s) => s.showNotice);
  const [profile, setProfile] = useState<AudienceProfile>('internal');
  const [sections, setSections] = useState<RecordSection[]>([...RECORD_SECTIONS]);
  const [contactOptIn, setContactOptIn] = useState(false);
  const [names, setNames] = useState('');
  const [progress, setProgress] = useState<{ step: string; fraction: number } | null>(null);
  const [built, setBuilt] = useState<Built | null>(null);
  const [printing, setPrinting] = useState(false);
  // A package for the public is meant to be published; the others hold what the desk's backups hold.
  const [encryptChoice, setEncryptChoice] = useState<boolean | null>(null);
  const encrypt = secrecy.passphrase !== null && (encryptChoice ?? (secrecy.enabled && profile !== 'public'));
  const job = useRef<RecordJob | null>(null);
  const withheld = names
    .split(/[\n,;]+/)
    .map((n) => n.trim())
    .filter(Boolean);
  const key = JSON.stringify([profile, sections, contactOptIn, withheld]);

  /** The record for the current choices and every file made from it, built in a worker (once per set of choices). */
  const record = async (): Promise<Built | null> => {
    if (built?.key === key) return built;
    const stamp = formatWallClock(clock(), incident.timeZone, 'yyyy-MM-dd-HHmm');
    const base = `after-action-${slug(incident.title)}-${profile}-${stamp}`;
    setProgress({ step: t('record.export.starting'), fraction: 0 });
    const started = buildRecordInWorker(
      {
        incidentId: incident.id,
        base,
        options: {
          profile,
          sections,
          withheldNames: withheld,
          includeContactDetails: contactOptIn,
          exportedBy: settings.operatorName,
          now: clock(),
          appVersion,
        },
      },
      (step, fraction) => setProgress({ step, fraction }),
    );
    job.current = started;
    try {
      const next = { ...(await started.result), key };
      setBuilt(next);
      return next;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (message !== 'cancelled') showNotice('error', t('record.export.buildFailed', { reason: message }));
      return null;
    } finally {
      job.current = null;
      setProgress(null);
    }
  };

  /** The chain head this record carries has left the desk: it goes into the log of published heads. */
  const published = (b: Built, via: PublishedVia) => {
    if (!b.head) return;
    void useCases.publishedHeads.append(incident.id, b.head, via, actorFrom(settings.operatorName, clock)).then((r) => {
      if (!r.ok) showNotice('error', t('record.publishedHeads.notLogged', { reason: describeNotWritten(r.error) }));
    });
  };

  const savePackage = async () => {
    const b = await record();
    if (!b) return;
    let zip = b.zip;
    if (encrypt) {
      setProgress({ step: t('record.export.encrypting'), fraction: 0.99 });
      const sealed = await encryption.sealPackage(b.zip);
      setProgress(null);
      if (!sealed.ok) return showNotice('error', t('record.export.notSaved', { reason: sealed.error.message }));
      zip = sealed.value;
    }
    const r = await platform.savePackage({
      suggestedName: encrypt ? `${b.name}.age` : b.name,
      zip,
      title: t('record.export.packageTitle'),
    });
    if (!r.ok) return showNotice('error', t('record.export.notSaved', { reason: r.error.message }));
    if (r.value.savedTo === null) return;
    published(b, 'export');
    showNotice(
      'success',
      t(encrypt ? 'record.export.packageSavedEncrypted' : 'record.export.packageSaved', {
        path: r.value.savedTo,
        count: b.files.length,
      }),
    );
  };

  const saveOne = async (role: PackageRole) => {
    const b = await record();
    const file = b?.files.find((f) => f.role === role);
    const kind = SINGLE_FILES.find((f) => f.role === role);
    if (!b || !kind) return;
    if (!file)
      return showNotice(
        'error',
        role === 'timeline-csv' ? t('record.export.noTimeline') : t('record.export.noMilestones'),
      );
    const r = await platform.saveFile({
      suggestedName: file.name,
      content: base64(file.bytes),
      encoding: 'base64',
      filters: [{ name: t(kind.filter), extensions: [kind.ext] }],
      title: t('record.export.saveOneTitle', { file: t(kind.label) }),
    });
    if (!r.ok) return showNotice('error', t('record.export.notSaved', { reason: r.error.message }));
    if (r.value.savedTo === null) return;
    published(b, 'export');
    showNotice('success', t('record.export.saved', { path: r.value.savedTo }));
  };

  const toggle = (s: RecordSection) =>
    setSections((list) =>
      list.includes(s) ? list.filter((x) => x !== s) : RECORD_SECTIONS.filter((x) => x === s || list.includes(x)),
    );
  const jsonFile = built?.manifest.files.find((f) => f.role === 'record');
  const reportOptions = {
    locale: displayLocale(),
    ...(built && jsonFile
      ? { jsonFile: { name: jsonFile.name, sha256: jsonFile.sha256 }, packageName: built.name }
      : {}),
  };

  return (
    <section className="export" aria-labelledby="export-title">
      <div className="panel export__controls">
        <h2 id="export-title">{t('record.export.title')}</h2>
        <p>{t('record.export.intro')}</p>
        <fieldset className="fieldset">
          <legend>{t('record.export.audience')}</legend>
          {AUDIENCE_PROFILES.map((p) => (
            <label key={p} className="radio">
              <input type="radio" name="profile" value={p} checked={profile === p} onChange={() => setProfile(p)} />
              <span>
                {tRich(
                  'record.export.profile',
                  { title: PROFILE_LABELS[p].title, description: PROFILE_LABELS[p].description },
                  boldTag,
                )}
              </span>
            </label>
          ))}
        </fieldset>
        {profile === 'internal' && <RecordsFingerprint incidentId={incident.id} />}
        {profile === 'internal' && (
          <label className="checkbox checkbox--warn">
            <input type="checkbox" checked={contactOptIn} onChange={(e) => setContactOptIn(e.target.checked)} />
            {t('record.export.contactOptIn')}
          </label>
        )}
        {profile === 'public' && (
          <label className="field">
            <span>{t('record.export.withhold')}</span>
            <textarea rows={3} value={names} onChange={(e) => setNames(e.target.value)} />
          </label>
        )}
        <fieldset className="fieldset">
          <legend>{t('record.export.sections')}</legend>
          <div className="export__sections">
            {RECORD_SECTIONS.map((s) => {
              const never = SECTIONS_WITHHELD[profile].includes(s);
              return (
                <label key={s} className="checkbox">
                  <input
                    type="checkbox"
                    checked={sections.includes(s) && !never}
                    disabled={s === 'integrity' || never}
                    onChange={() => toggle(s)}
                  />{' '}
                  {SECTION_LABELS[s]}
                  {never && (
                    <span className="muted">
                      {t('record.export.never', { edition: PROFILE_LABELS[profile].title.toLowerCase() })}
                    </span>
                  )}
                </label>
              );
            })}
          </div>
        </fieldset>
        {secrecy.passphrase !== null ? (
          <label className="checkbox">
            <input type="checkbox" checked={encrypt} onChange={(e) => setEncryptChoice(e.target.checked)} />
            {t('record.export.encryptPackage')}
          </label>
        ) : (
          secrecy.enabled && <p className="muted">{t('record.export.encryptNeedsPassphrase')}</p>
        )}
        <div className="button-row">
          <button type="button" className="button" disabled={progress !== null} onClick={() => void record()}>
            {t('record.export.preview')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={progress !== null}
            onClick={() => void savePackage()}
          >
            {t(encrypt ? 'record.export.savePackageEncrypted' : 'record.export.savePackage')}
          </button>
        </div>
        <p className="muted export__hint">{t('record.export.packageHint')}</p>
        <div className="button-row">
          {SINGLE_FILES.map((f) => (
            <button
              key={f.role}
              type="button"
              className="button"
              disabled={progress !== null}
              onClick={() => void saveOne(f.role)}
            >
              {t(f.button)}
            </button>
          ))}
          <button
            type="button"
            className="button"
            disabled={progress !== null}
            onClick={() => void record().then((b) => b && setPrinting(true))}
          >
            {t('record.export.print')}
          </button>
        </div>
        {progress && (
          <div className="export__progress" role="status">
            <progress max={1} value={progress.fraction} aria-label={t('record.export.building')} /> {progress.step}
            <button type="button" className="button button--ghost" onClick={() => job.current?.cancel()}>
              {t('record.export.cancel')}
            </button>
          </div>
        )}
      </div>
      <LessonsPanel incident={incident} settings={settings} />
      {built && built.key === key ? (
        <div className="panel export__preview">
          <h2 className="visually-hidden">{t('record.export.preview')}</h2>
          <RecordReport
            record={built.preview}
            options={{
              ...reportOptions,
              ...(built.preview.content.timeline && built.preview.content.timeline.entries.length < built.entries
                ? { truncatedTo: built.preview.content.timeline.entries.length }
                : {}),
            }}
          />
        </div>
      ) : (
        <p className="muted">{t('record.export.pressPreview')}</p>
      )}
      {printing && built && (
        <PrintView
          record={built.preview}
          options={reportOptions}
          complete={
            built.preview.content.timeline === undefined ||
            built.preview.content.timeline.entries.length === built.entries
          }
          onPrint={() => published(built, 'print')}
          onClose={() => setPrinting(false)}
        />
      )}
    </section>
  );
}
