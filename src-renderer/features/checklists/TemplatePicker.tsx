import type { ReactElement } from 'react';
import { t } from '../../i18n/messages';

export type TemplateOption = {
  templateKey: string;
  title: string;
  itemCount: number;
  version: number | null;
  origin: 'guide' | 'city';
};

type Props = {
  options: TemplateOption[];
  /** Keys left unticked: every template applies unless the team takes it out. */
  unticked: ReadonlySet<string>;
  onChange: (unticked: ReadonlySet<string>) => void;
  legend: string;
};

/** Which checklists apply to an incident: one checkbox per template of the plan. */
export function TemplatePicker({ options, unticked, onChange, legend }: Props): ReactElement {
  return (
    <fieldset className="fieldset template-picker">
      <legend>{legend}</legend>
      <p className="field__hint">{t('checklists.picker.hint')}</p>
      <ul className="template-picker__list">
        {options.map((o) => (
          <li key={o.templateKey}>
            <label className="checkbox">
              <input
                type="checkbox"
                name="templates"
                value={o.templateKey}
                checked={!unticked.has(o.templateKey)}
                onChange={(e) => {
                  const next = new Set(unticked);
                  if (e.target.checked) next.delete(o.templateKey);
                  else next.add(o.templateKey);
                  onChange(next);
                }}
              />
              <span>
                {o.title}{' '}
                <span className="muted">
                  {t('checklists.picker.option', {
                    count: o.itemCount,
                    version: o.version !== null && o.version > 1 ? o.version : 0,
                    cityOwn: o.origin === 'city' && o.version === 1 ? 'yes' : 'no',
                  })}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
