import { useState, type ReactElement } from 'react';

import type { ChecklistTemplate } from '@shared/schemas/checklists';
import type { Incident } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { DialogActions, FormError } from '../../ui/Field';
import { TemplatePicker } from './TemplatePicker';
import { templateOptions } from './templateOptions';
import { t } from '../../i18n/messages';
import { describeNotWritten } from '../../i18n/notWritten';

/** Adds checklists the incident does not use yet, from the newest version of the plan. */
export function AddTemplatesDialog({
  incident,
  available,
  operatorName,
  onClose,
}: {
  incident: Incident;
  available: ChecklistTemplate[];
  operatorName: string;
  onClose: () => void;
}): ReactElement {
  const { useCases, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);
  const chosen = available
    .filter((template) => !unticked.has(template.templateKey))
    .map((template) => template.templateKey);
  return (
    <Dialog title={t('checklists.addDialog.title')} onClose={onClose}>
      <TemplatePicker
        legend={t('checklists.addDialog.legend')}
        options={templateOptions(available)}
        unticked={unticked}
        onChange={setUnticked}
      />
      <FormError>{failure}</FormError>
      <DialogActions cancelLabel={t('checklists.addDialog.cancel')} onCancel={onClose}>
        <button
          type="button"
          className="button button--primary"
          disabled={chosen.length === 0}
          onClick={() => {
            useCases.checklists.addTemplates(incident.id, chosen, actorFrom(operatorName, clock)).then(
              (r) => {
                if (!r.ok) return setFailure(t('checklists.addDialog.failed', { reason: describeNotWritten(r.error) }));
                showNotice('success', t('checklists.addDialog.added', { count: r.value.length }));
                onClose();
              },
              (e: unknown) =>
                setFailure(t('checklists.addDialog.failed', { reason: e instanceof Error ? e.message : String(e) })),
            );
          }}
        >
          {t('checklists.addTemplates', { count: chosen.length })}
        </button>
      </DialogActions>
    </Dialog>
  );
}
