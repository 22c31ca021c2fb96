import type { ReactElement } from 'react';

import type { SensitivityWarning } from '@shared/schemas/statements';
import { t } from '../../i18n/messages';

const TITLES: Record<SensitivityWarning['code'], string> = {
  'victim-named-without-consent': 'Victim named without consent',
  'perpetrator-named': 'Suspected perpetrator named',
  'unverified-details': 'Unverified details',
  'glossary-term': 'Term to avoid',
  'linked-person-named': 'Private person named',
  'identifying-details': 'Age or home town next to a name',
};

/**
 * The sensitivity checks' findings, as advice. They update as the text changes; none of them
 * blocks review, but sending past them needs a reason that the approver sees.
 */
export function SensitivityWarnings({ warnings }: { warnings: readonly SensitivityWarning[] }): ReactElement {
  return (
    <section className="sensitivity" aria-labelledby="sensitivity-title">
      <h3 id="sensitivity-title">{t('statements.sensitivityWarnings.sensitivityChecks')}</h3>
      {warnings.length === 0 ? (
        <p className="sensitivity__clear">{t('statements.sensitivityWarnings.noWarningsOnThisText')}</p>
      ) : (
        <ul className="sensitivity__list" aria-live="polite">
          {warnings.map((w) => (
            <li key={w.key} className="sensitivity__item">
              <strong>{TITLES[w.code]}.</strong> {w.message} <span className="sensitivity__advice">{w.advice}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
