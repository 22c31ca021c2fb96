import { useLiveQuery } from 'dexie-react-hooks';

import type { TranslationState } from '@shared/domain/statements/translations';
import type { Approval, GlossaryTerm, Statement, StatementTemplate, StatementVersion } from '@shared/schemas/statements';

import { useDesk } from '../../app/DeskContext';

/** The incident's statements, oldest first; undefined while loading. */
export function useStatements(incidentId: string): Statement[] | undefined {
  const { repos } = useDesk();
  return useLiveQuery(() => repos.statements.listForIncident(incidentId), [repos, incidentId]);
}

/** Every version of a statement, oldest first. */
export function useVersions(statementId: string): StatementVersion[] | undefined {
  const { repos } = useDesk();
  return useLiveQuery(() => repos.statements.versions(statementId), [repos, statementId]);
}

/** Every review decision on a statement, oldest first. */
export function useApprovals(statementId: string): Approval[] | undefined {
  const { repos } = useDesk();
  return useLiveQuery(() => repos.statements.approvals(statementId), [repos, statementId]);
}

export function useTemplates(): StatementTemplate[] | undefined {
  const { repos } = useDesk();
  return useLiveQuery(() => repos.statements.templates(), [repos]);
}

export function useGlossary(): GlossaryTerm[] | undefined {
  const { repos } = useDesk();
  return useLiveQuery(() => repos.statements.glossary(), [repos]);
}

/** The glossary and the incident's unverified timeline entries, for the live sensitivity check. */
export function useSensitivityContext(incidentId: string) {
  const { repos } = useDesk();
  return useLiveQuery(() => repos.statements.sensitivityContext(incidentId), [repos, incidentId]);
}

/** A translation's source and where it stands against it; null for a statement that is not a translation. */
export function useTranslationOf(statement: Statement): { source: Statement; state: TranslationState } | null | undefined {
  const { repos } = useDesk();
  return useLiveQuery(() => repos.statements.translationOf(statement), [repos, statement]);
}

/** The incident's translations still a word-for-word copy of their source. */
export function useUntranslated(incidentId: string): Set<string> | undefined {
  const { repos } = useDesk();
  return useLiveQuery(() => repos.statements.untranslated(incidentId), [repos, incidentId]);
}

export function useTranslations(sourceId: string): Statement[] | undefined {
  const { repos } = useDesk();
  return useLiveQuery(() => repos.statements.translationsOf(sourceId), [repos, sourceId]);
}

/** A statement's translations, each with where it stands against the source. */
export function useTranslationStates(sourceId: string): { statement: Statement; state: TranslationState }[] | undefined {
  const { repos } = useDesk();
  return useLiveQuery(async () => {
    const translations = await repos.statements.translationsOf(sourceId);
    const states = await Promise.all(translations.map((t) => repos.statements.translationOf(t)));
    return translations.map((statement, i) => ({ statement, state: states[i]?.state ?? 'source-not-approved' }));
  }, [repos, sourceId]);
}
