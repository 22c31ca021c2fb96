import { useEffect } from 'react';

import { actorFrom, useDesk } from '../../app/DeskContext';
import { useAppStore } from '../../store';
import { t } from '../../i18n/messages';

/**
 * Installs the shipped statement templates and the starting glossary the first time the
 * statements are opened on this desk. Seeding is idempotent: the city's edits are never replaced.
 */
export function useStatementTemplates(operatorName: string): void {
  const { repos, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  useEffect(() => {
    repos.statements.ensureSeedTemplates(actorFrom(operatorName, clock)).catch((e: unknown) => {
      showNotice('error', t('statements.useStatementTemplates.theStatementTemplatesCouldNot', { error: e instanceof Error ? e.message : String(e) }));
    });
  }, [repos, clock, operatorName, showNotice]);
}
