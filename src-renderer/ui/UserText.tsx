import type { ReactElement } from 'react';

import { BIDI_CONTROL_NAMES, bidiMark, splitBidiControls } from '@shared/domain/text/bidi';
import { t } from '../i18n/messages';

/**
 * Text a person typed or imported, shown as it is: isolated from the words around it (<bdi>, so
 * a right-to-left name cannot reorder the sentence it sits in), and with any explicit direction
 * control shown as a visible mark instead of obeyed (see shared/domain/text/bidi.ts).
 */
export function UserText({ text }: { text: string }): ReactElement {
  const parts = splitBidiControls(text);
  if (parts.length === 1 && parts[0]?.control === false) return <bdi>{text}</bdi>;
  return (
    <bdi>
      {parts.map((p, i) =>
        p.control ? (
          <abbr
            key={i}
            className="bidi-control"
            title={t('ui.userText.hiddenDirectionControlInThe', {
              control: BIDI_CONTROL_NAMES[p.text] ?? t('ui.userText.bidi'),
            })}
          >
            {bidiMark(p.text)}
          </abbr>
        ) : (
          p.text
        ),
      )}
    </bdi>
  );
}
