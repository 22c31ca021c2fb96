import { useState, type ReactElement } from 'react';

import type { ChecklistTemplate } from '@shared/schemas/checklists';
import type { Incident } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/Field';
import { TemplatePicker } from './TemplatePicker';
import { templateOptions } from './templateOptions';
import { t } from '../../i18n/messages';

/** Adds checklists the incident does not use yet, from the newest version of the plan. */
export function AddTemplatesDialog({ incident, available, operatorName, onClose }: { incident: Incident; available: ChecklistTemplate[]; operatorName: string; onClose: () => void }): ReactElement {
  const { useCases, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);
  const chosen = available.filter((t) => !unticked.has(t.templateKey)).map((t) => t.templateKey);
  return (
    <Dialog title="Add checklists from the plan" onClose={onClose}>
      <TemplatePicker legend="Checklists this incident does not use yet" options={templateOptions(available)} unticked={unticked} onChange={setUnticked} />
      <FormError>{failure}</FormError>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>Cancel</button>
        <button type="button" className="button button--primary" disabled={chosen.length === 0} onClick={() => {
          useCases.checklists.addTemplates(incident.id, chosen, actorFrom(operatorName, clock)).then(
            (items) => { showNotice('success', `${items.length} checklist items added.`); onClose(); },
            (e: unknown) => setFailure(`Nothing was added: ${e instanceof Error ? e.message : String(e)}`),
          );
        }}>{t('checklists.addTemplates', { count: chosen.length })}</button>
      </div>
    </Dialog>
  );
}
