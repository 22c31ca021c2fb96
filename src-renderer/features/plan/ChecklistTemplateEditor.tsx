import { useState, type ReactElement } from 'react';

import {
  draftFromTemplate,
  type TemplateDraft,
  type TemplateErrors,
  type TemplateItemDraft,
} from '@shared/domain/checklists/templates';
import type { ChecklistTemplate } from '@shared/schemas/checklists';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { FormActions } from '../../ui/Field';
import { TextAreaField, TextField } from '../../ui/FieldControls';
import { TemplateItemEditor } from './TemplateItemEditor';
import { t } from '../../i18n/messages';
import { DeskForm } from '../../ui/DeskForm';

type Row = TemplateItemDraft & { uid: number };
let uidSeq = 0;
const withUid = (r: TemplateItemDraft): Row => ({ ...r, uid: (uidSeq += 1) });

/**
 * Edits a template of the city's plan. Nothing is written until "Save": then the edit becomes
 * the template's next version, and every incident keeps the version it was created from.
 */
export function ChecklistTemplateEditor({
  template,
  operatorName,
  onDone,
}: {
  template: ChecklistTemplate;
  operatorName: string;
  onDone: () => void;
}): ReactElement {
  const { useCases, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const [head, setHead] = useState(() => {
    const d = draftFromTemplate(template);
    return { title: d.title, description: d.description, changeNote: '' };
  });
  const [rows, setRows] = useState<Row[]>(() => draftFromTemplate(template).items.map(withUid));
  const [errors, setErrors] = useState<TemplateErrors>({});
  const [busy, setBusy] = useState(false);

  const update = (uid: number, index: number, patch: Partial<TemplateItemDraft>) => {
    setRows((rs) => rs.map((r) => (r.uid === uid ? { ...r, ...patch } : r)));
    // A message goes once its row is edited; the rest stay until the next save.
    if (errors.items?.[index])
      setErrors((e) => ({
        ...e,
        items: Object.fromEntries(Object.entries(e.items ?? {}).filter(([i]) => Number(i) !== index)),
      }));
  };
  // Messages are tied to row positions: moving or removing rows clears them until the next save.
  const clearItemErrors = () => setErrors((e) => ({ ...e, items: {} }));
  const move = (index: number, by: -1 | 1) =>
    setRows((rs) => {
      const next = [...rs];
      const [row] = next.splice(index, 1);
      if (row) next.splice(index + by, 0, row);
      return next;
    });

  return (
    <section className="panel tpl-editor" aria-labelledby="tpl-editor-title">
      <div className="tpl-editor__head">
        <h2 id="tpl-editor-title">{t('plan.editor.title', { title: template.title })}</h2>
        <p className="muted">
          {t('plan.editor.intro', {
            version: template.version,
            origin: template.origin,
            by: template.createdBy,
            next: template.version + 1,
          })}
        </p>
      </div>
      <DeskForm
        onSubmit={() => {
          const draft: TemplateDraft = { ...head, items: rows.map(({ uid: _uid, ...r }) => r) };
          setBusy(true);
          void useCases.checklists
            .saveTemplateVersion(template.templateKey, template.version, draft, actorFrom(operatorName, clock))
            .then(
              (r) => {
                setBusy(false);
                if (!r.ok) return setErrors(r.error);
                showNotice(
                  'success',
                  t('plan.editor.saved', { title: r.value.title, version: r.value.version, note: r.value.changeNote }),
                );
                onDone();
              },
              (e: unknown) => {
                setBusy(false);
                setErrors({ form: t('plan.editor.failed', { reason: e instanceof Error ? e.message : String(e) }) });
              },
            );
        }}
      >
        <TextField
          label={t('plan.editor.name')}
          error={errors.title}
          value={head.title}
          onChange={(title) => setHead((h) => ({ ...h, title }))}
        />
        <TextAreaField
          label={t('plan.editor.description')}
          rows={2}
          value={head.description}
          onChange={(description) => setHead((h) => ({ ...h, description }))}
        />
        <h3>{t('plan.editor.items', { count: rows.length })}</h3>
        <p className="field__hint">{t('plan.editor.itemsHint')}</p>
        <ol className="tpl-items">
          {rows.map((row, index) => (
            <TemplateItemEditor
              key={row.uid}
              index={index}
              count={rows.length}
              row={row}
              errors={errors.items?.[index]}
              onChange={(patch) => update(row.uid, index, patch)}
              onMove={(by) => {
                clearItemErrors();
                move(index, by);
              }}
              onRemove={() => {
                clearItemErrors();
                setRows((rs) => rs.filter((r) => r.uid !== row.uid));
              }}
            />
          ))}
        </ol>
        <button
          type="button"
          className="button"
          onClick={() =>
            setRows((rs) => [
              ...rs,
              withUid({
                key: null,
                phase: rs.at(-1)?.phase ?? 'immediate',
                title: '',
                rationale: '',
                owner: rs.at(-1)?.owner ?? 'emergency-manager',
                offsetAmount: '',
                offsetUnit: rs.at(-1)?.offsetUnit ?? 'hours',
                milestone: false,
                source: null,
              }),
            ])
          }
        >
          {t('plan.editor.addItem')}
        </button>
        <TextField
          label={t('plan.editor.changeNote')}
          hint={t('plan.editor.changeNoteHint')}
          error={errors.changeNote}
          value={head.changeNote}
          onChange={(changeNote) => setHead((h) => ({ ...h, changeNote }))}
        />
        {errors.items && Object.keys(errors.items).length > 0 && (
          <p className="form-error" role="alert">
            {t('plan.editor.itemsInvalid')}
          </p>
        )}
        <FormActions
          failure={errors.form}
          cancelLabel={t('plan.editor.back')}
          onCancel={onDone}
          submitLabel={t('plan.editor.save', { version: template.version + 1 })}
          busy={busy}
        />
      </DeskForm>
    </section>
  );
}
