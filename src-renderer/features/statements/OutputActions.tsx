import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ReactElement } from 'react';

import { statementDocxBase64, statementFileName, statementPlainText } from '@shared/domain/statements/output';
import type { DeskSettings, Incident } from '@shared/schemas/entities';
import type { Statement } from '@shared/schemas/statements';

import { useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { CopyFallbackDialog } from './CopyFallbackDialog';
import { t } from '../../i18n/messages';

/**
 * Copy and export the approved version, and only it: the exact approved text to the clipboard; a
 * plain-text file and a Word document with the city's name, the date and the approval line.
 */
export function OutputActions({
  statement,
  incident,
  settings,
}: {
  statement: Statement;
  incident: Incident;
  settings: DeskSettings;
}): ReactElement | null {
  const { useCases, platform } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const [fallback, setFallback] = useState(false);
  const doc = useLiveQuery(
    () => useCases.statements.approvedDocument(statement.id, settings.cityName, incident.timeZone),
    [useCases, statement, settings.cityName, incident.timeZone],
  );
  if (!doc) return null;
  const newer = statement.headVersionNumber !== doc.versionNumber;

  const save = async (kind: 'txt' | 'docx') => {
    try {
      const r = await platform.saveFile({
        suggestedName: statementFileName(doc, kind),
        content: kind === 'txt' ? statementPlainText(doc) : await statementDocxBase64(doc),
        encoding: kind === 'txt' ? 'utf8' : 'base64',
        filters: [
          kind === 'txt'
            ? { name: t('statements.outputActions.plainText'), extensions: ['txt'] }
            : { name: t('statements.outputActions.wordDocument'), extensions: ['docx'] },
        ],
        title:
          kind === 'txt'
            ? t('statements.outputActions.saveTheApprovedStatementAs')
            : t('statements.outputActions.saveTheApprovedStatementAs2'),
      });
      if (!r.ok) showNotice('error', t('statements.outputActions.theStatementCouldNotBe', { error: r.error.message }));
      else if (r.value.savedTo)
        showNotice(
          'success',
          t('statements.outputActions.approvedVersionSavedTo', {
            versionNumber: doc.versionNumber,
            savedTo: r.value.savedTo,
          }),
        );
    } catch (e) {
      showNotice(
        'error',
        t('statements.outputActions.theStatementCouldNotBe2', { error: e instanceof Error ? e.message : String(e) }),
      );
    }
  };

  return (
    <div className="output" role="group" aria-label={t('statements.outputActions.copyOrExportTheApproved')}>
      {newer && (
        <p className="muted">
          {t('statements.outputActions.theseCopyAndExportApproved', { versionNumber: doc.versionNumber })}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            // The clipboard is missing outside a secure context and may be refused: then show the text to copy by hand.
            const copy = async () => {
              try {
                await navigator.clipboard.writeText(doc.text);
                showNotice(
                  'success',
                  t('statements.outputActions.approvedTextOfVersionCopied', { versionNumber: doc.versionNumber }),
                );
              } catch {
                setFallback(true);
              }
            };
            void copy();
          }}
        >
          {t('statements.outputActions.copyApprovedText')}
        </button>
        <button type="button" className="button" onClick={() => void save('txt')}>
          {t('statements.outputActions.saveAsTextTxt')}
        </button>
        <button type="button" className="button" onClick={() => void save('docx')}>
          {t('statements.outputActions.saveAsWordDocx')}
        </button>
      </div>
      {fallback && <CopyFallbackDialog text={doc.text} language={doc.language} onClose={() => setFallback(false)} />}
    </div>
  );
}
