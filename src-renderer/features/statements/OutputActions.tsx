import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ReactElement } from 'react';

import { statementDocxBase64, statementFileName, statementPlainText } from '@shared/domain/statements/output';
import type { DeskSettings, Incident } from '@shared/schemas/entities';
import type { Statement } from '@shared/schemas/statements';

import { useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { CopyFallbackDialog } from './CopyFallbackDialog';

/**
 * Copy and export the approved version, and only it: the exact approved text to the clipboard; a
 * plain-text file and a Word document with the city's name, the date and the approval line.
 */
export function OutputActions({ statement, incident, settings }: { statement: Statement; incident: Incident; settings: DeskSettings }): ReactElement | null {
  const { useCases, platform } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const [fallback, setFallback] = useState(false);
  const doc = useLiveQuery(() => useCases.statements.approvedDocument(statement.id, settings.cityName, incident.timeZone), [useCases, statement, settings.cityName, incident.timeZone]);
  if (!doc) return null;
  const newer = statement.headVersionNumber !== doc.versionNumber;

  const save = async (kind: 'txt' | 'docx') => {
    try {
      const r = await platform.saveFile({
        suggestedName: statementFileName(doc, kind),
        content: kind === 'txt' ? statementPlainText(doc) : await statementDocxBase64(doc),
        encoding: kind === 'txt' ? 'utf8' : 'base64',
        filters: [kind === 'txt' ? { name: 'Plain text', extensions: ['txt'] } : { name: 'Word document', extensions: ['docx'] }],
        title: kind === 'txt' ? 'Save the approved statement as text' : 'Save the approved statement as a Word document',
      });
      if (!r.ok) showNotice('error', `The statement could not be saved: ${r.error.message}`);
      else if (r.value.savedTo) showNotice('success', `Approved version ${doc.versionNumber} saved to ${r.value.savedTo}`);
    } catch (e) {
      showNotice('error', `The statement could not be exported: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div className="output" role="group" aria-label="Copy or export the approved text">
      {newer && <p className="muted">These copy and export approved version {doc.versionNumber}, not the newer draft.</p>}
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            // The clipboard is missing outside a secure context and may be refused: then show the text to copy by hand.
            const copy = async () => {
              try {
                await navigator.clipboard.writeText(doc.text);
                showNotice('success', `Approved text of version ${doc.versionNumber} copied, exactly as approved.`);
              } catch {
                setFallback(true);
              }
            };
            void copy();
          }}
        >
          Copy approved text
        </button>
        <button type="button" className="button" onClick={() => void save('txt')}>Save as text (.txt)</button>
        <button type="button" className="button" onClick={() => void save('docx')}>Save as Word (.docx)</button>
      </div>
      {fallback && <CopyFallbackDialog text={doc.text} language={doc.language} onClose={() => setFallback(false)} />}
    </div>
  );
}
