import { useId, useState, type ReactElement } from 'react';

import { sourceLine } from '@shared/domain/checklists/citations';
import { OFFSET_UNIT_LABELS } from '@shared/domain/checklists/due';
import { draftFromItem, type ItemDraft, type ItemDraftErrors } from '@shared/domain/checklists/items';
import { ROLE_TITLES } from '@shared/domain/checklists/roles';
import { RESPONSE_PHASE_IDS, responsePhase } from '@shared/domain/guide/phases';
import { CHECKLIST_ROLE_IDS, DESK_SCOPE, OFFSET_UNITS, type ChecklistItem } from '@shared/schemas/checklists';
import type { Incident } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { bindFields } from '../../ui/bindFields';
import { Dialog } from '../../ui/Dialog';
import { busySubmit, FormActions } from '../../ui/Field';
import { ChoiceField, TextAreaField, TextField } from '../../ui/FieldControls';
import { useContacts } from '../contacts/queries';
import { t } from '../../i18n/messages';

type Props = {
  /** Where the item lives: an incident, or the desk's peacetime preparedness. */
  scope: Pick<Incident, 'id' | 'timeZone'>;
  operatorName: string;
  /** The item to edit, or null to add a custom item. */
  item: ChecklistItem | null;
  defaultPhase?: string;
  onClose: () => void;
};

const EMPTY: ItemDraft = {
  phase: 'immediate',
  title: '',
  rationale: '',
  owner: 'emergency-manager',
  offsetAmount: '1',
  offsetUnit: 'hours',
  assignee: '',
  notes: '',
};

/** Adds a custom item to the incident, or edits one: owner, assignee, due offset and notes. */
export function ItemDialog({ scope, operatorName, item, defaultPhase, onClose }: Props): ReactElement {
  const { useCases, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  // The list of contacts the assignee field offers, named uniquely for this dialog.
  const contactList = useId();
  const [draft, setDraft] = useState<ItemDraft>(() =>
    item ? draftFromItem(item) : { ...EMPTY, phase: defaultPhase ?? EMPTY.phase },
  );
  const [errors, setErrors] = useState<ItemDraftErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const contacts = useContacts();
  const set = (patch: Partial<ItemDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const field = bindFields(draft, errors, set);
  const custom = item === null || item.template === null;
  // Peacetime preparedness has no incident clock to count from.
  const peacetime = scope.id === DESK_SCOPE;

  return (
    <Dialog
      title={item ? t('checklists.itemDialog.titleEdit') : t('checklists.itemDialog.titleAdd')}
      onClose={onClose}
      wide
    >
      <form
        noValidate
        onSubmit={busySubmit(setBusy, async () => {
          const actor = actorFrom(operatorName, clock);
          const r = item
            ? await useCases.checklists.updateItem(item.id, draft, actor)
            : await useCases.checklists.addCustomItem(scope.id, draft, actor);
          setBusy(false);
          if (r.ok) {
            showNotice(
              'success',
              item
                ? t('checklists.itemDialog.saved', { title: r.value.title })
                : t('checklists.itemDialog.added', { title: r.value.title, phase: responsePhase(r.value.phase).title }),
            );
            onClose();
            return;
          }
          const error = r.error;
          if ('code' in error) {
            if (error.code === 'invalid') setErrors(error.errors);
            else setFailure(error.code === 'refused' ? error.message : t('checklists.panel.itemGone'));
            return;
          }
          setErrors(error);
        })}
      >
        {custom ? (
          <>
            <TextField
              label={t('checklists.itemDialog.what')}
              {...field('title')}
              // eslint-disable-next-line jsx-a11y/no-autofocus -- the dialog opens to type the item
              autoFocus
            />
            <ChoiceField
              label={t('checklists.itemDialog.phase')}
              {...field('phase')}
              choices={RESPONSE_PHASE_IDS}
              labelOf={(p) => responsePhase(p).title}
            />
          </>
        ) : (
          <div className="item-dialog__fixed">
            <p className="item-dialog__title">{item.title}</p>
            {item.rationale && <p className="muted">{item.rationale}</p>}
            <p className="cite">
              {t('checklists.itemDialog.source', {
                source: sourceLine(item.source, item.adapted),
                phase: responsePhase(item.phase).title,
              })}
            </p>
          </div>
        )}
        <div className="form-row">
          <ChoiceField
            label={t('checklists.itemDialog.owner')}
            {...field('owner')}
            choices={CHECKLIST_ROLE_IDS}
            labelOf={(r) => ROLE_TITLES[r]}
          />
          <TextField
            label={t('checklists.itemDialog.assignee')}
            {...field('assignee')}
            hint={t('checklists.itemDialog.assigneeHint')}
            list={contactList}
          />
          <datalist id={contactList}>
            {(contacts ?? []).map((c) => (
              <option key={c.id} value={c.name}>
                {[c.role, c.organisation].filter(Boolean).join(', ')}
              </option>
            ))}
          </datalist>
        </div>
        {!peacetime && (
          <fieldset className="fieldset">
            <legend>{t('checklists.itemDialog.due')}</legend>
            <div className="form-row">
              <TextField
                label={t('checklists.itemDialog.howLong')}
                {...field('offsetAmount')}
                hint={t('checklists.itemDialog.howLongHint')}
                inputMode="numeric"
              />
              <ChoiceField
                label={t('checklists.itemDialog.unit')}
                {...field('offsetUnit')}
                choices={OFFSET_UNITS}
                labelOf={(u) => OFFSET_UNIT_LABELS[u]}
              />
            </div>
            <p className="field__hint">{t('checklists.itemDialog.clockHint', { zone: scope.timeZone })}</p>
          </fieldset>
        )}
        <TextAreaField label={t('checklists.itemDialog.notes')} {...field('notes')} rows={3} />
        <FormActions
          failure={failure}
          cancelLabel={t('checklists.itemDialog.cancel')}
          onCancel={onClose}
          submitLabel={item ? t('checklists.itemDialog.save') : t('checklists.itemDialog.add')}
          busy={busy}
        />
      </form>
    </Dialog>
  );
}
