import { useEffect, useRef, type ReactElement } from 'react';

import { isRightToLeft } from '@shared/domain/statements/languages';

import { Dialog } from '../../ui/Dialog';

/** Where the clipboard cannot be reached: the exact text, selected, to copy by keyboard. */
export function CopyFallbackDialog({ text, language, onClose }: { text: string; language: string; onClose: () => void }): ReactElement {
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  return (
    <Dialog title="Copy the approved text" onClose={onClose} wide>
      <p role="status">The desk could not reach the clipboard. The approved text is selected below: press Ctrl+C (⌘C on a Mac) to copy it.</p>
      <label htmlFor="copy-fallback" className="visually-hidden">Approved text</label>
      <textarea id="copy-fallback" ref={ref} readOnly rows={12} value={text} lang={language} dir={isRightToLeft(language) ? 'rtl' : 'ltr'} />
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>Done</button>
      </div>
    </Dialog>
  );
}
