import type { ReactElement } from 'react';

import { citePages } from '@shared/domain/checklists/citations';
import type { GuidanceItem, Statement } from '@shared/schemas/statements';
import { t, type MessageId } from '../../i18n/messages';

const BASIS: Record<GuidanceItem['basis'], MessageId> = {
  stated: 'statements.guidanceChecklist.basis.stated',
  generalised: 'statements.guidanceChecklist.basis.generalised',
  city: 'statements.guidanceChecklist.basis.city',
};

/**
 * The template's purpose and the guide's dos and don'ts beside the editor, as a checklist the
 * drafter ticks before sending. Ticks are advice, shown to the approver; they never block.
 */
export function GuidanceChecklist({
  guidance,
  ticked,
  disabled,
  onToggle,
}: {
  guidance: Statement['guidance'];
  ticked: readonly string[];
  disabled: boolean;
  onToggle: (id: string, on: boolean) => void;
}): ReactElement {
  const total = guidance.dos.length + guidance.donts.length;
  const done = [...guidance.dos, ...guidance.donts].filter((g) => ticked.includes(g.id)).length;
  const item = (g: GuidanceItem, kind: 'do' | 'dont') => (
    <li key={g.id} className={`guidance__item guidance__item--${kind}`}>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={ticked.includes(g.id)}
          disabled={disabled}
          onChange={(e) => onToggle(g.id, e.target.checked)}
        />
        <span>
          {g.text}{' '}
          <span className="guidance__basis">
            {t('statements.guidanceChecklist.basis', { basis: t(BASIS[g.basis]) })}
          </span>
        </span>
      </label>
    </li>
  );
  return (
    <section className="guidance" aria-labelledby="guidance-title">
      <h3 id="guidance-title">{t('statements.guidanceChecklist.guidanceForThisStatement')}</h3>
      {guidance.purpose && <p className="guidance__purpose">{guidance.purpose}</p>}
      <p className="muted" aria-live="polite">
        {t('statements.guidanceChecklist.ofChecked', { done, total })}
      </p>
      <h4 className="guidance__heading">{t('statements.guidanceChecklist.do')}</h4>
      <ul className="guidance__list">{guidance.dos.map((g) => item(g, 'do'))}</ul>
      <h4 className="guidance__heading">{t('statements.guidanceChecklist.donT')}</h4>
      <ul className="guidance__list">{guidance.donts.map((g) => item(g, 'dont'))}</ul>
      {guidance.pages.length > 0 && (
        <p className="cite">{t('statements.guidanceChecklist.fromThe', { pages: citePages(guidance.pages) })}</p>
      )}
    </section>
  );
}
