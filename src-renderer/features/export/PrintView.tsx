import { useEffect, type ReactElement } from 'react';

import type { RecordFile } from '@shared/domain/record/recordFile';
import type { ReportOptions } from '@shared/domain/record/reportModel';

import { RecordReport } from './RecordReport';

/**
 * The report alone on the page, for printing on paper. The print stylesheet hides everything
 * else (`body.print-report`) and numbers the pages. The PDF of the export package is the same
 * report, laid out by the desk itself.
 */
export function PrintView({ record, options, complete, onPrint, onClose }: { record: RecordFile; options: ReportOptions; complete: boolean; onPrint: () => void; onClose: () => void }): ReactElement {
  useEffect(() => {
    document.body.classList.add('print-report');
    return () => document.body.classList.remove('print-report');
  }, []);
  const shown = record.content.timeline?.entries.length ?? 0;
  return (
    <div className="print-view" role="dialog" aria-modal="true" aria-label="Print view of the record">
      <div className="print-view__toolbar">
        <span>{complete ? 'Print view. Print it on paper, or save the PDF from the export panel.' : `Print view of the first ${shown} timeline entries: the PDF of the export package holds them all.`}</span>
        <button type="button" className="button button--primary" onClick={() => {
          onPrint();
          window.print();
        }}>Print…</button>
        <button type="button" className="button" onClick={onClose}>Close print view</button>
      </div>
      <RecordReport record={record} options={complete ? options : { ...options, truncatedTo: shown }} />
    </div>
  );
}
