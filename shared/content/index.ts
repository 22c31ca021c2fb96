import { en } from './en';
import type { DeskContent } from './types';

export type { DeskContent } from './types';

const CONTENT: Readonly<Record<string, DeskContent>> = { en };

/**
 * The content shipped for `language`; English for a language with no content module yet, so a
 * desk whose screens are translated still seeds a complete plan and template library.
 */
export function deskContent(language = 'en'): DeskContent {
  return CONTENT[language] ?? en;
}
