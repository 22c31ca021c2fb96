import type { ReactElement, ReactNode } from 'react';

/** The `<b>…</b>` of a rich message (`tRich`), shown as strong text. */
export const boldTag = { b: (chunks: ReactNode[]): ReactElement => <strong>{chunks}</strong> };
