import { useEffect } from 'react';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { t } from '../../i18n/messages';

/**
 * Installs the shipped statement templates and the starting glossary the first time the
 * statements are opened on this desk. Seeding is idempotent: the city's edits are never replaced.
 */
export function useStatementTemplates(operatorName: string): void {
  const { useCases, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  useEffect(() => {
    const failed = (why: string) =>
      showNotice('error', t('statements.useStatementTemplates.theStatementTemplatesCouldNot', { error: why }));
    useCases.statements.ensureSeedTemplates(actorFrom(operatorName, clock)).then(
      (installed) => installed.ok || failed(installed.error.message),
      (e: unknown) => failed(e instanceof Error ? e.message : String(e)),
    );
  }, [useCases, clock, operatorName, showNotice]);
}
