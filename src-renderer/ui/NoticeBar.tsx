import { useEffect, type ReactElement } from 'react';
import { t } from '../i18n/messages';

export type Notice = { kind: 'success' | 'error'; text: string };

/** The last success or failure message, until dismissed. Errors are never only a colour. */
export function NoticeBar({
  notice,
  onDismiss: clear,
}: {
  notice: Notice | null;
  onDismiss: () => void;
}): ReactElement | null {
  // Successes fade after a while; problems stay until someone has read them.
  useEffect(() => {
    if (notice?.kind !== 'success') return;
    const timer = setTimeout(clear, 8000);
    return () => clearTimeout(timer);
  }, [notice, clear]);
  if (!notice) return null;
  return (
    <div className={`notice notice--toast notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>
        <strong>{notice.kind === 'error' ? t('ui.noticeBar.problem') : t('ui.noticeBar.done')} </strong>
        {notice.text}
      </span>
      <button type="button" className="button button--ghost" onClick={clear}>
        {t('ui.noticeBar.dismiss')}
      </button>
    </div>
  );
}
