import type { SeedTemplate } from '../domain/statements/seedTemplates';
import type { ChecklistSeed } from '../schemas/checklists';
import type { GlossaryTerm } from '../schemas/statements';

/**
 * What the desk ships as content rather than as words of its screens: long texts a translator
 * rewrites as a whole (a statement template, a checklist item's rationale) instead of sentence by
 * sentence. One module per language, `shared/content/<language>/`, each complete on its own.
 */
export type DeskContent = {
  /** The guide's recovery checklists, cited by chapter (FORMAT: template and item keys are the same in every language). */
  readonly checklists: ChecklistSeed;
  /** The statement templates, with their dos and don'ts. */
  readonly statementTemplates: readonly SeedTemplate[];
  /** The starting glossary of wording to avoid. */
  readonly glossary: readonly GlossaryTerm[];
};
