import type { ReactElement } from 'react';

import { placeholderLabel } from '@shared/domain/statements/placeholderCatalogue';
import type { FilledSegment } from '@shared/domain/statements/placeholders';
import { t } from '../../i18n/messages';
import { textIn } from './textIn';

/**
 * The statement as it will read, with every gap marked: an unfilled placeholder shows its label
 * in a highlighted box, a malformed brace is marked as a problem. Right-to-left languages run so.
 */
export function StatementPreview({
  segments,
  language,
  label = t('statements.statementPreview.preview'),
}: {
  segments: readonly FilledSegment[];
  language: string;
  label?: string;
}): ReactElement {
  return (
    <div className="stmt-preview" role="region" aria-label={label} {...textIn(language)}>
      {segments.map((s, i) => {
        switch (s.kind) {
          case 'text':
            return <span key={i}>{s.text}</span>;
          case 'value':
            return (
              <span key={i} className="stmt-preview__value">
                {s.text}
              </span>
            );
          case 'unfilled':
            return (
              <mark key={i} className="stmt-preview__gap" dir="auto">
                <span className="visually-hidden">{t('statements.statementPreview.missing')} </span>[
                {placeholderLabel(s.name)}]
              </mark>
            );
          case 'malformed':
            return (
              <mark key={i} className="stmt-preview__broken">
                <span className="visually-hidden">{t('statements.statementPreview.notAPlaceholder')} </span>
                {s.text}
              </mark>
            );
        }
      })}
    </div>
  );
}
