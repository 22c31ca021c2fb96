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
import { useDeskQuery } from '../../desk/useDeskQuery';
import { useRosterKey } from '../team/queries';
import type { NamedReleaseApart } from '../../desk/team/teamRecords';

/** The incident's statements, oldest first; undefined while loading. */
export function useStatements(incidentId: string): Statement[] | undefined {
  return useDeskQuery((desk) => desk.statements.listForIncident(incidentId), [incidentId]);
}

/** Every version of a statement, oldest first. */
export function useVersions(statementId: string): StatementVersion[] | undefined {
  return useDeskQuery((desk) => desk.statements.versions(statementId), [statementId]);
}

/** Every review decision on a statement, oldest first. */
export function useApprovals(statementId: string): Approval[] | undefined {
  return useDeskQuery((desk) => desk.statements.approvals(statementId), [statementId]);
}

export function useTemplates(): StatementTemplate[] | undefined {
  return useDeskQuery((desk) => desk.statements.templates());
}

export function useGlossary(): GlossaryTerm[] | undefined {
  return useDeskQuery((desk) => desk.statements.glossary());
}

/** The glossary and the incident's unverified timeline entries, for the live sensitivity check. */
export function useSensitivityContext(incidentId: string) {
  return useDeskQuery((desk) => desk.statements.sensitivityContext(incidentId), [incidentId]);
}

/** A translation's source and where it stands against it; null for a statement that is not a translation. */
export function useTranslationOf(
  statement: Statement,
): { source: Statement; state: TranslationState } | null | undefined {
  return useDeskQuery((desk) => desk.statements.translationOf(statement), [statement]);
}

/** The incident's translations still a word-for-word copy of their source. */
export function useUntranslated(incidentId: string): Set<string> | undefined {
  return useDeskQuery((desk) => desk.statements.untranslated(incidentId), [incidentId]);
}

export function useTranslations(sourceId: string): Statement[] | undefined {
  return useDeskQuery((desk) => desk.statements.translationsOf(sourceId), [sourceId]);
}

/** A statement's translations, each with where it stands against the source. */
export function useTranslationStates(
  sourceId: string,
): { statement: Statement; state: TranslationState }[] | undefined {
  return useDeskQuery(
    async (desk) => {
      const translations = await desk.statements.translationsOf(sourceId);
      const states = await Promise.all(translations.map((t) => desk.statements.translationOf(t)));
      return translations.map((statement, i) => ({ statement, state: states[i]?.state ?? 'source-not-approved' }));
    },
    [sourceId],
  );
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
