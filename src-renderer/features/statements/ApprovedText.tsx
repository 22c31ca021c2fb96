import type { ReactElement } from 'react';
import { textIn } from './textIn';

/** Text exactly as stored (approved or reviewed), in its language and direction. */
export function ApprovedText({
  text,
  language,
  label,
}: {
  text: string;
  language: string;
  label: string;
}): ReactElement {
  return (
    <div className="stmt-preview stmt-preview--final" role="region" aria-label={label} {...textIn(language)}>
      {text}
    </div>
  );
}
