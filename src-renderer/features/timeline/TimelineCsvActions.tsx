import { useEffect, useRef, useState, type ReactElement } from 'react';

import { fileSlug } from '@shared/domain/fileNames';
import type { Actor } from '@shared/domain/audit';
import { formatWallClock } from '@shared/domain/incident/wallClock';
import { timelineToCsv } from '@shared/domain/timeline/csv';
import type { Incident } from '@shared/schemas/entities';
import type { TimelineEntry } from '@shared/schemas/timeline';

import { useDesk } from '../../desk/DeskContext';
import type { ListedEntry } from '@shared/domain/timeline/listFilter';
import { useAppStore } from '../../store';
import { openCsvImportReader, type CsvImportReader } from './csvImportReader';
import { TimelineCsvImportDialog } from './TimelineCsvImportDialog';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { t } from '../../i18n/messages';
import { OpenFileButton } from '../../ui/OpenFileButton';

const CSV_EXTENSIONS = ['csv', 'txt'];

const slug = (s: string) => fileSlug(s, 'incident');

/** CSV out (the filtered timeline) and in (a spreadsheet kept by hand during the incident). */
export function TimelineCsvActions({
  incident,
  listed,
  actor,
  onImported,
}: {
  incident: Incident;
  listed: ListedEntry[];
  actor: () => Actor;
  onImported: (n: number) => void;
}): ReactElement {
  const { useCases, platform, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const [importing, setImporting] = useState<{ fileName: string; reader: CsvImportReader } | null>(null);
  // The reader's worker holds the file's bytes: it goes when the import closes, or the view does.
  const openReader = useRef<CsvImportReader | null>(null);
  useEffect(() => () => openReader.current?.close(), []);
  const closeImport = () => {
    importing?.reader.close();
    openReader.current = null;
    setImporting(null);
  };
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="csv-actions">
      <button
        type="button"
        className="button"
        onClick={() => {
          void (async () => {
            const entries: TimelineEntry[] = [];
            await useCases.timeline.forEachPage(
              incident.id,
              (page) => void entries.push(...page),
              listed.map((l) => l.id),
            );
            const saved = await platform.saveFile({
              suggestedName: `timeline-${slug(incident.title)}-${formatWallClock(clock(), incident.timeZone, 'yyyy-MM-dd-HHmm')}.csv`,
              content: timelineToCsv(entries, incident.timeZone),
              encoding: 'utf8',
              filters: [{ name: 'CSV', extensions: ['csv'] }],
              title: t('timeline.timelineCsvActions.exportTheTimelineAsCsv'),
            });
            if (!saved.ok)
              showNotice('error', t('timeline.timelineCsvActions.theCsvCouldNotBe', { message: saved.error.message }));
            else if (saved.value.savedTo)
              showNotice(
                'success',
                t('timeline.timelineCsvActions.exported', { count: entries.length, savedTo: saved.value.savedTo }),
              );
          })();
        }}
      >
        {t('timeline.timelineCsvActions.exportCsv')}
      </button>
      <OpenFileButton
        label={t('timeline.timelineCsvActions.importCsv')}
        open={() =>
          platform.openFile({
            filters: [{ name: 'CSV', extensions: CSV_EXTENSIONS }],
            maxBytes: 64 * 1024 * 1024,
            title: t('timeline.timelineCsvActions.importATimelineFromCsv'),
          })
        }
        onProblem={setProblem}
        onOpened={(file) => {
          const reader = openCsvImportReader(file.bytes, {
            incidentId: incident.id,
            timeZone: incident.timeZone,
            incidentStart: incident.startAt,
            now: clock(),
          });
          openReader.current = reader;
          setImporting({ fileName: file.name, reader });
        }}
      />
      <ProblemAlert>{problem}</ProblemAlert>
      {importing && (
        <TimelineCsvImportDialog
          incident={incident}
          fileName={importing.fileName}
          reader={importing.reader}
          actor={actor}
          onClose={closeImport}
          onDone={(n) => {
            closeImport();
            onImported(n);
          }}
        />
      )}
    </div>
  );
}
