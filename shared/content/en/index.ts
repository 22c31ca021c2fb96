import type { DeskContent } from '../types';
import { checklists } from './checklists';
import { glossary, statementTemplates } from './statements';

/** The content the English desk ships: the guide's checklists, the statement templates and the glossary. */
export const en: DeskContent = { checklists, statementTemplates, glossary };
