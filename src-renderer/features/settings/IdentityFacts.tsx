import { useEffect, useState, type ReactElement } from 'react';

import { fingerprintOfDeskId, type DeskIdentity, type Fingerprint } from '@shared/domain/signed/identity';

import { useDesk } from '../../desk/DeskContext';
import { t } from '../../i18n/messages';

type Described = Awaited<ReturnType<ReturnType<typeof useDesk>['useCases']['identity']['describe']>>;

/** The desk's identity and its fingerprint as read now, or the reason it could not be read. */
export function useDeskIdentity(): { desk: Described | null; problem: string | null } {
  const { useCases } = useDesk();
  const [desk, setDesk] = useState<Described | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void useCases.identity
      .describe()
      .then(setDesk, (e: unknown) => setProblem(e instanceof Error ? e.message : String(e)));
  }, [useCases]);
  return { desk, problem };
}

/** A desk's name, id and key fingerprint (hex and words to read aloud), as Settings and the first run show them. */
export function IdentityFacts({
  identity,
  fingerprint,
}: {
  identity: DeskIdentity;
  fingerprint: Fingerprint;
}): ReactElement {
  return (
    <dl className="facts">
      <dt>{t('settings.identity.name')}</dt>
      <dd>{identity.name}</dd>
      <dt>{t('settings.identity.id')}</dt>
      <dd className="break" data-testid="desk-id">
        {identity.deskId}
      </dd>
      <dt>{t('settings.identity.fingerprint')}</dt>
      <dd>
        <FingerprintText fingerprint={fingerprint} />
      </dd>
      {identity.continuesFrom && (
        <>
          <dt>{t('settings.identity.continues')}</dt>
          <dd className="break" data-testid="continues-from">
            <ContinuesText continuesFrom={identity.continuesFrom} />
          </dd>
        </>
      )}
    </dl>
  );
}

function ContinuesText({ continuesFrom: from }: { continuesFrom: NonNullable<DeskIdentity['continuesFrom']> }) {
  const file = from.backupFile ?? t('settings.identity.unnamedBackup', { checksum: from.backupChecksum.slice(0, 16) });
  if (from.deskId === null) return <>{t('settings.identity.continuesOlder', { file })}</>;
  const words = fingerprintOfDeskId(from.deskId).words;
  return (
    <>
      {t('settings.identity.continuesValue', {
        name: from.deskName ?? from.deskId,
        desk: from.deskId,
        words: words.slice(0, 4).join(' '),
        file,
      })}
    </>
  );
}

export function FingerprintText({ fingerprint }: { fingerprint: Fingerprint }): ReactElement {
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
