import type { ReactElement } from 'react';

import { sourceLine } from '@shared/domain/checklists/citations';
import { OFFSET_UNIT_LABELS } from '@shared/domain/checklists/due';
import { ROLE_TITLES } from '@shared/domain/checklists/roles';
import type { TemplateItemDraft, TemplateItemErrors } from '@shared/domain/checklists/templates';
import { RESPONSE_PHASE_IDS, responsePhase } from '@shared/domain/guide/phases';
import { CHECKLIST_ROLE_IDS, OFFSET_UNITS } from '@shared/schemas/checklists';
import { t } from '../../i18n/messages';
import { CheckboxField } from '../../ui/FieldControls';

type Props = {
  index: number;
  count: number;
  row: TemplateItemDraft;
  errors: TemplateItemErrors | undefined;
  onChange: (patch: Partial<TemplateItemDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
};

/** A labelled choice in an item's grid; the value stays text, as the draft holds it until the template is saved. */
function PairedSelect<V extends string>({
  id,
  className,
  label,
  value,
  invalid,
  choices,
  labelOf,
  onChange,
}: {
  id: string;
  className?: string;
  label: string;
  value: string;
  invalid: boolean;
  choices: readonly V[];
  labelOf: (choice: V) => string;
  onChange: (value: string) => void;
}): ReactElement {
  return (
    <span className="tpl-item__pair">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className={className}
        value={value}
        aria-invalid={invalid}
        onChange={(e) => onChange(e.target.value)}
      >
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {labelOf(choice)}
          </option>
        ))}
      </select>
    </span>
  );
}

/** One item of a template in the editor: reword, re-time, re-own, move or remove it. */
export function TemplateItemEditor({ index, count, row, errors, onChange, onMove, onRemove }: Props): ReactElement {
  const n = index + 1;
  const id = `tpl-item-${index}`;
  const errorIds = Object.keys(errors ?? {}).length > 0 ? `${id}-errors` : undefined;
  return (
    <li className={`tpl-item${errorIds ? ' tpl-item--invalid' : ''}`}>
      <fieldset className="tpl-item__fields">
        <legend className="tpl-item__legend">{t('plan.item.legend', { n })}</legend>
        <label className="tpl-item__title-label" htmlFor={`${id}-title`}>
          {t('plan.item.what')}
        </label>
        <input
          id={`${id}-title`}
          className="tpl-item__title"
          value={row.title}
          aria-invalid={Boolean(errors?.title)}
          aria-describedby={errorIds}
          onChange={(e) => onChange({ title: e.target.value })}
        />
        <div className="tpl-item__grid">
          <PairedSelect
            id={`${id}-phase`}
            label={t('plan.item.phase')}
            value={row.phase}
            invalid={Boolean(errors?.phase)}
            choices={RESPONSE_PHASE_IDS}
            labelOf={(p) => responsePhase(p).label}
            onChange={(phase) => onChange({ phase })}
          />
          <PairedSelect
            id={`${id}-owner`}
            className="tpl-item__owner"
            label={t('plan.item.owner')}
            value={row.owner}
            invalid={Boolean(errors?.owner)}
            choices={CHECKLIST_ROLE_IDS}
            labelOf={(r) => ROLE_TITLES[r]}
            onChange={(owner) => onChange({ owner })}
          />
          <span className="tpl-item__pair tpl-item__offset">
            <label htmlFor={`${id}-offset`}>{t('plan.item.due')}</label>
            <input
              id={`${id}-offset`}
              inputMode="numeric"
              value={row.offsetAmount}
              placeholder={t('plan.item.duePlaceholder')}
              aria-invalid={Boolean(errors?.offset)}
              aria-describedby={errorIds}
              onChange={(e) => onChange({ offsetAmount: e.target.value })}
            />
            <select
              aria-label={t('plan.item.unit', { n })}
              value={row.offsetUnit}
              onChange={(e) => onChange({ offsetUnit: e.target.value })}
            >
              {OFFSET_UNITS.map((u) => (
                <option key={u} value={u}>
                  {OFFSET_UNIT_LABELS[u]}
                </option>
              ))}
            </select>
          </span>
          <CheckboxField
            label={t('plan.item.milestone')}
            checked={row.milestone}
            onChange={(checked) => onChange({ milestone: checked })}
            className="tpl-item__milestone"
          />
        </div>
        <p className="cite">{sourceLine(row.source, false)}</p>
        {errorIds && (
          <div id={errorIds} role="alert">
            <ul className="tpl-item__errors">
              {Object.values(errors ?? {}).map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </div>
        )}
      </fieldset>
      <div className="tpl-item__tools">
        <button
          type="button"
          className="button button--small"
          disabled={index === 0}
          aria-label={t('plan.item.up', { n })}
          onClick={() => onMove(-1)}
        >
          {t('plan.item.upSymbol')}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={index === count - 1}
          aria-label={t('plan.item.down', { n })}
          onClick={() => onMove(1)}
        >
          {t('plan.item.downSymbol')}
        </button>
        <button
          type="button"
          className="button button--small button--danger"
          aria-label={t('plan.item.removeName', { n })}
          onClick={onRemove}
        >
          {t('plan.item.remove')}
        </button>
      </div>
    </li>
  );
}
