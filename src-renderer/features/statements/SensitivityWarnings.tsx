import type { ReactElement } from 'react';

import type { SensitivityWarning } from '@shared/schemas/statements';
import { t, type MessageId } from '../../i18n/messages';

const TITLES: Record<SensitivityWarning['code'], MessageId> = {
  'victim-named-without-consent': 'statements.sensitivity.victimNamedWithoutConsent',
  'perpetrator-named': 'statements.sensitivity.perpetratorNamed',
  'unverified-details': 'statements.sensitivity.unverifiedDetails',
  'glossary-term': 'statements.sensitivity.glossaryTerm',
  'linked-person-named': 'statements.sensitivity.linkedPersonNamed',
  'identifying-details': 'statements.sensitivity.identifyingDetails',
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
              <strong>{t('statements.sensitivity.title', { title: t(TITLES[w.code]) })}</strong> {w.message}{' '}
              <span className="sensitivity__advice">{w.advice}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
