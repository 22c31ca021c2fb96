import type { GuidanceBasis, StatementTemplate } from '../../schemas/statements';

/**
 * A statement template as the desk ships it, in one language of the content module
 * (shared/content/<language>/statements.ts); written to the desk once, then the city's own.
 */
export type SeedTemplate = Pick<
  StatementTemplate,
  'type' | 'language' | 'title' | 'purpose' | 'audience' | 'body' | 'pages'
> & {
  readonly dos: readonly (readonly [string, GuidanceBasis])[];
  readonly donts: readonly (readonly [string, GuidanceBasis])[];
};

/** Seeded rows have fixed ids, so seeding twice (or on two desks) gives the same rows. */
export const seedTemplateId = (type: string, language: string): string => `stt_${type}_${language}`;
