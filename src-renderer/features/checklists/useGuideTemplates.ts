import { useEffect } from 'react';

import type { DeskSettings } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { t } from '../../i18n/messages';

/**
 * Writes the guide's checklist templates to the desk once it is set up, so the plan screen and
 * the incident form show them from the first day (creating an incident also makes sure of it).
 */
export function useGuideTemplates(settings: DeskSettings | null | undefined): void {
  const { useCases, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const operator = settings?.operatorName ?? null;
  useEffect(() => {
    if (operator === null) return;
    useCases.checklists.ensureGuideTemplates(actorFrom(operator, clock)).catch((e: unknown) => {
      showNotice('error', t('checklists.guide.installFailed', { reason: e instanceof Error ? e.message : String(e) }));
    });
  }, [useCases, clock, operator, showNotice]);
}
