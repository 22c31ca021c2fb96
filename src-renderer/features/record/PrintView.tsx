import { useEffect, type ReactElement } from 'react';

import type { RecordFile } from '@shared/domain/record/recordFile';
import type { ReportOptions } from '@shared/domain/record/reportModel';

import { RecordReport } from './RecordReport';
import { t } from '../../i18n/messages';

/**
 * The report alone on the page, for printing on paper. The print stylesheet hides everything
 * else (`body.print-report`) and numbers the pages. The PDF of the export package is the same
 * report, laid out by the desk itself.
 */
export function PrintView({
  record,
  options,
  complete,
  onPrint,
  onClose,
}: {
  record: RecordFile;
  options: ReportOptions;
  complete: boolean;
  onPrint: () => void;
  onClose: () => void;
}): ReactElement {
  useEffect(() => {
    document.body.classList.add('print-report');
    return () => document.body.classList.remove('print-report');
  }, []);
  const shown = record.content.timeline?.entries.length ?? 0;
  return (
    <div className="print-view" role="dialog" aria-modal="true" aria-label={t('record.print.label')}>
      <div className="print-view__toolbar">
        <span>{complete ? t('record.print.complete') : t('record.print.partial', { count: shown })}</span>
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            onPrint();
            window.print();
          }}
        >
          {t('record.export.print')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('record.print.close')}
        </button>
      </div>
      <RecordReport record={record} options={complete ? options : { ...options, truncatedTo: shown }} />
    </div>
  );
}
