import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactElement } from 'react';

import { useDesk } from '../../desk/DeskContext';
import { t } from '../../i18n/messages';
import { FingerprintText } from '../settings/IdentityFacts';

/**
 * The fingerprint of the incident's signed records as this desk holds them: desks in step read
 * it aloud to each other, the internal record prints it, and the verifier recomputes it.
 */
export function RecordsFingerprint({ incidentId }: { incidentId: string }): ReactElement | null {
  const { useCases } = useDesk();
  const fingerprint = useLiveQuery(() => useCases.record.recordsFingerprint(incidentId), [useCases, incidentId]);
  if (!fingerprint) return null;
  return (
    <div className="export__fingerprint" data-testid="records-fingerprint">
      <p>{t('record.export.recordsFingerprint')}</p>
      <p>
        <FingerprintText fingerprint={fingerprint} />
      </p>
    </div>
  );
}
