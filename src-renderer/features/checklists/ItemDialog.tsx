import { useState, type ReactElement } from 'react';

import { sourceLine } from '@shared/domain/checklists/citations';
import { OFFSET_UNIT_LABELS } from '@shared/domain/checklists/due';
import { draftFromItem, type ItemDraft, type ItemDraftErrors } from '@shared/domain/checklists/items';
import { ROLE_TITLES } from '@shared/domain/checklists/roles';
import { RESPONSE_PHASE_IDS, responsePhase } from '@shared/domain/guide/phases';
import { CHECKLIST_ROLE_IDS, DESK_SCOPE, OFFSET_UNITS, type ChecklistItem } from '@shared/schemas/checklists';
import type { Incident } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { busySubmit, Field, FormActions } from '../../ui/Field';
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
  const [draft, setDraft] = useState<ItemDraft>(() =>
    item ? draftFromItem(item) : { ...EMPTY, phase: defaultPhase ?? EMPTY.phase },
  );
  const [errors, setErrors] = useState<ItemDraftErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const contacts = useContacts();
  const set = (patch: Partial<ItemDraft>) => setDraft((d) => ({ ...d, ...patch }));
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
            <Field label={t('checklists.itemDialog.what')} error={errors.title}>
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  name="title"
                  // eslint-disable-next-line jsx-a11y/no-autofocus -- the dialog opens to type the item
                  autoFocus
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  value={draft.title}
                  onChange={(e) => set({ title: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('checklists.itemDialog.phase')} error={errors.phase}>
              {({ id, describedBy, invalid }) => (
                <select
                  id={id}
                  name="phase"
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  value={draft.phase}
                  onChange={(e) => set({ phase: e.target.value })}
                >
                  {RESPONSE_PHASE_IDS.map((p) => (
                    <option key={p} value={p}>
                      {responsePhase(p).title}
                    </option>
                  ))}
                </select>
              )}
            </Field>
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
          <Field label={t('checklists.itemDialog.owner')} error={errors.owner}>
            {({ id, describedBy, invalid }) => (
              <select
                id={id}
                name="owner"
                aria-describedby={describedBy}
                aria-invalid={invalid}
                value={draft.owner}
                onChange={(e) => set({ owner: e.target.value })}
              >
                {CHECKLIST_ROLE_IDS.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_TITLES[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t('checklists.itemDialog.assignee')}
            hint={t('checklists.itemDialog.assigneeHint')}
            error={errors.assignee}
          >
            {({ id, describedBy, invalid }) => (
              <>
                <input
                  id={id}
                  name="assignee"
                  list="assignee-contacts"
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  value={draft.assignee}
                  onChange={(e) => set({ assignee: e.target.value })}
                />
                <datalist id="assignee-contacts">
                  {(contacts ?? []).map((c) => (
                    <option key={c.id} value={c.name}>
                      {[c.role, c.organisation].filter(Boolean).join(', ')}
                    </option>
                  ))}
                </datalist>
              </>
            )}
          </Field>
        </div>
        {!peacetime && (
          <fieldset className="fieldset">
            <legend>{t('checklists.itemDialog.due')}</legend>
            <div className="form-row">
              <Field
                label={t('checklists.itemDialog.howLong')}
                hint={t('checklists.itemDialog.howLongHint')}
                error={errors.offsetAmount}
              >
                {({ id, describedBy, invalid }) => (
                  <input
                    id={id}
                    name="offsetAmount"
                    inputMode="numeric"
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                    value={draft.offsetAmount}
                    onChange={(e) => set({ offsetAmount: e.target.value })}
                  />
                )}
              </Field>
              <Field label={t('checklists.itemDialog.unit')} error={errors.offsetUnit}>
                {({ id, describedBy, invalid }) => (
                  <select
                    id={id}
                    name="offsetUnit"
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                    value={draft.offsetUnit}
                    onChange={(e) => set({ offsetUnit: e.target.value })}
                  >
                    {OFFSET_UNITS.map((u) => (
                      <option key={u} value={u}>
                        {OFFSET_UNIT_LABELS[u]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <p className="field__hint">{t('checklists.itemDialog.clockHint', { zone: scope.timeZone })}</p>
          </fieldset>
        )}
        <Field label={t('checklists.itemDialog.notes')} error={errors.notes}>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              name="notes"
              rows={3}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              value={draft.notes}
              onChange={(e) => set({ notes: e.target.value })}
            />
          )}
        </Field>
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
