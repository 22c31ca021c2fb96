import { useEffect } from 'react';

import type { DeskSettings } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { t } from '../../i18n/messages';
import { describeNotWritten } from '../../i18n/notWritten';

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
    const failed = (reason: string) => showNotice('error', t('checklists.guide.installFailed', { reason }));
    useCases.checklists.ensureGuideTemplates(actorFrom(operator, clock)).then(
      (r) => {
        if (!r.ok) failed(describeNotWritten(r.error));
      },
      (e: unknown) => failed(e instanceof Error ? e.message : String(e)),
    );
  }, [useCases, clock, operator, showNotice]);
}
