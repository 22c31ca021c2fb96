import { useEffect, type ReactElement } from 'react';

import type { RecordFile } from '@shared/domain/record/recordFile';

import { RecordReport } from './RecordReport';

/**
 * The report alone on the page, for printing or saving as PDF. The print stylesheet hides
 * everything else (`body.print-report`).
 */
export function PrintView({ record, onClose }: { record: RecordFile; fileName: string; onClose: () => void }): ReactElement {
  useEffect(() => {
    document.body.classList.add('print-report');
    return () => document.body.classList.remove('print-report');
  }, []);
  return (
    <div className="print-view" role="dialog" aria-modal="true" aria-label="Print view of the record">
      <div className="print-view__toolbar">
        <span>Print view. Use Print to print it or to save it as a PDF.</span>
        <button type="button" className="button button--primary" onClick={() => window.print()}>Print…</button>
        <button type="button" className="button" onClick={onClose}>Close print view</button>
      </div>
      <RecordReport record={record} />
    </div>
  );
}
