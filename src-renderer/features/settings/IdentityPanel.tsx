import type { ReactElement } from 'react';

import { t } from '../../i18n/messages';
import { IdentityFacts, useDeskIdentity } from './IdentityFacts';

/**
 * The desk's identity: its name, id and key fingerprint, which the city reads aloud or prints so
 * an inquiry can match the signatures in a record to this laptop.
 */
export function IdentityPanel(): ReactElement {
  const { desk, problem } = useDeskIdentity();
  return (
    <section className="panel" aria-labelledby="identity-title">
      <h2 id="identity-title">{t('settings.identity.title')}</h2>
      <p className="muted">{t('settings.identity.intro')}</p>
      {problem && (
        <p className="warning-text" role="alert">
          {t('settings.identity.failed', { reason: problem })}
        </p>
      )}
      {desk && <IdentityFacts identity={desk.identity} fingerprint={desk.fingerprint} />}
    </section>
  );
}
