import type { ReactElement } from 'react';

import { t } from '../../i18n/messages';
import { IdentityFacts, useDeskIdentity } from '../settings/IdentityFacts';

/**
 * Shown once, right after the desk is set up: the new desk's name, id and key fingerprint, so the
 * person can read the words aloud or write them down while nothing else is going on.
 */
export function DeskReady({ onDone }: { onDone: () => void }): ReactElement | null {
  const { desk, problem } = useDeskIdentity();
  return (
    <section className="panel desk-ready" aria-labelledby="desk-ready-title">
      <h2 id="desk-ready-title">{t('settings.identity.readyTitle')}</h2>
      <p>{t('settings.identity.readyIntro')}</p>
      {problem && (
        <p className="warning-text" role="alert">
          {t('settings.identity.failed', { reason: problem })}
        </p>
      )}
      {desk && <IdentityFacts identity={desk.identity} fingerprint={desk.fingerprint} />}
      <button type="button" className="button button--primary" onClick={onDone}>
        {t('settings.identity.readyDone')}
      </button>
    </section>
  );
}
