import { useEffect, type ReactElement } from 'react';

import type { RecordFile } from '@shared/domain/record/recordFile';

import { useDesk } from '../../app/DeskContext';
import { useAppStore } from '../../store';
import { RecordReport } from './RecordReport';

/**
 * The report alone on the page, for printing or saving as PDF. The print stylesheet hides
 * everything else (`body.print-report`).
 */
export function PrintView({ record, fileName, onClose }: { record: RecordFile; fileName: string; onClose: () => void }): ReactElement {
  const { platform } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const savePdf = platform.savePdf;
  useEffect(() => {
    document.body.classList.add('print-report');
    return () => document.body.classList.remove('print-report');
  }, []);
  return (
    <div className="print-view" role="dialog" aria-modal="true" aria-label="Print view of the record">
      <div className="print-view__toolbar">
        <span>{savePdf ? 'Print view. Save it as a PDF, or print it.' : 'Print view. Use Print to print it or to save it as a PDF.'}</span>
        {savePdf && (
          <button type="button" className="button button--primary" onClick={() => void savePdf({ suggestedName: fileName, title: 'Save the record as PDF' }).then((r) => {
            if (!r.ok) showNotice('error', `The PDF was not saved: ${r.error.message}`);
            else if (r.value.savedTo) showNotice('success', `PDF saved: ${r.value.savedTo}`);
          })}>Save as PDF…</button>
        )}
        <button type="button" className={savePdf ? 'button' : 'button button--primary'} onClick={() => window.print()}>Print…</button>
        <button type="button" className="button" onClick={onClose}>Close print view</button>
      </div>
      <RecordReport record={record} />
    </div>
  );
}
