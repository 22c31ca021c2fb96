import { useEffect, useState, type ReactElement } from 'react';

import type { Fingerprint } from '@shared/domain/signed/identity';

import { useDesk } from '../../desk/DeskContext';
import { t } from '../../i18n/messages';

type Described = Awaited<ReturnType<ReturnType<typeof useDesk>['useCases']['identity']['describe']>>;

/**
 * The desk's identity: its name, id and key fingerprint, which the city reads aloud or prints so
 * an inquiry can match the signatures in a record to this laptop.
 */
export function IdentityPanel(): ReactElement {
  const { useCases } = useDesk();
  const [desk, setDesk] = useState<Described | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void useCases.identity
      .describe()
      .then(setDesk, (e: unknown) => setProblem(e instanceof Error ? e.message : String(e)));
  }, [useCases]);
  return (
    <section className="panel" aria-labelledby="identity-title">
      <h2 id="identity-title">{t('settings.identity.title')}</h2>
      <p className="muted">{t('settings.identity.intro')}</p>
      {problem && (
        <p className="warning-text" role="alert">
          {t('settings.identity.failed', { reason: problem })}
        </p>
      )}
      {desk && (
        <dl className="facts">
          <dt>{t('settings.identity.name')}</dt>
          <dd>{desk.identity.name}</dd>
          <dt>{t('settings.identity.id')}</dt>
          <dd className="break">{desk.identity.deskId}</dd>
          <dt>{t('settings.identity.fingerprint')}</dt>
          <dd>
            <FingerprintText fingerprint={desk.fingerprint} />
          </dd>
          {desk.identity.continuesFrom && (
            <>
              <dt>{t('settings.identity.continues')}</dt>
              <dd className="break">
                {t('settings.identity.continuesValue', {
                  desk: desk.identity.continuesFrom.deskId,
                  checksum: desk.identity.continuesFrom.backupChecksum.slice(0, 16),
                })}
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}

function FingerprintText({ fingerprint }: { fingerprint: Fingerprint }): ReactElement {
  return (
    <>
      <code className="break" data-testid="fingerprint-hex">
        {fingerprint.hex}
      </code>
      <br />
      <span data-testid="fingerprint-words">{fingerprint.words.join(' ')}</span>
    </>
  );
}
