import { useLiveQuery } from 'dexie-react-hooks';

import type { TranslationState } from '@shared/domain/statements/translations';
import type {
  Approval,
  GlossaryTerm,
  Statement,
  StatementTemplate,
  StatementVersion,
} from '@shared/schemas/statements';

import { useDesk } from '../../desk/DeskContext';
import { useRosterKey } from '../team/queries';
import type { NamedReleaseApart } from '../../desk/team/teamRecords';

/** The incident's statements, oldest first; undefined while loading. */
export function useStatements(incidentId: string): Statement[] | undefined {
  const { useCases } = useDesk();
  return useLiveQuery(() => useCases.statements.listForIncident(incidentId), [useCases, incidentId]);
}

/** Every version of a statement, oldest first. */
export function useVersions(statementId: string): StatementVersion[] | undefined {
  const { useCases } = useDesk();
  return useLiveQuery(() => useCases.statements.versions(statementId), [useCases, statementId]);
}

/** Every review decision on a statement, oldest first. */
export function useApprovals(statementId: string): Approval[] | undefined {
  const { useCases } = useDesk();
  return useLiveQuery(() => useCases.statements.approvals(statementId), [useCases, statementId]);
}

export function useTemplates(): StatementTemplate[] | undefined {
  const { useCases } = useDesk();
  return useLiveQuery(() => useCases.statements.templates(), [useCases]);
}

export function useGlossary(): GlossaryTerm[] | undefined {
  const { useCases } = useDesk();
  return useLiveQuery(() => useCases.statements.glossary(), [useCases]);
}

/** The glossary and the incident's unverified timeline entries, for the live sensitivity check. */
export function useSensitivityContext(incidentId: string) {
  const { useCases } = useDesk();
  return useLiveQuery(() => useCases.statements.sensitivityContext(incidentId), [useCases, incidentId]);
}

/** A translation's source and where it stands against it; null for a statement that is not a translation. */
export function useTranslationOf(
  statement: Statement,
): { source: Statement; state: TranslationState } | null | undefined {
  const { useCases } = useDesk();
  return useLiveQuery(() => useCases.statements.translationOf(statement), [useCases, statement]);
}

/** The incident's translations still a word-for-word copy of their source. */
export function useUntranslated(incidentId: string): Set<string> | undefined {
  const { useCases } = useDesk();
  return useLiveQuery(() => useCases.statements.untranslated(incidentId), [useCases, incidentId]);
}

export function useTranslations(sourceId: string): Statement[] | undefined {
  const { useCases } = useDesk();
  return useLiveQuery(() => useCases.statements.translationsOf(sourceId), [useCases, sourceId]);
}

/** A statement's translations, each with where it stands against the source. */
export function useTranslationStates(
  sourceId: string,
): { statement: Statement; state: TranslationState }[] | undefined {
  const { useCases } = useDesk();
  return useLiveQuery(async () => {
    const translations = await useCases.statements.translationsOf(sourceId);
    const states = await Promise.all(translations.map((t) => useCases.statements.translationOf(t)));
    return translations.map((statement, i) => ({ statement, state: states[i]?.state ?? 'source-not-approved' }));
  }, [useCases, sourceId]);
}

/**
 * Releases of this statement made on one desk while another desk, apart, had written a newer
 * version: open until a change made knowing both settles the statement. Empty outside a team.
 */
export function useReleasedApart(incidentId: string, statementId: string): NamedReleaseApart[] {
  const { useCases } = useDesk();
  const roster = useRosterKey();
  return (
    useLiveQuery(
      async () =>
        (await useCases.teamRecords.conflictOn(incidentId, 'statements', statementId)).flatMap((c) => c.releasedApart),
      [useCases, incidentId, statementId, roster],
    ) ?? []
  );
}
