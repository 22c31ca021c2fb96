import { DEFAULT_STALE_DAYS } from '@shared/domain/contacts/contact';

import { useSettings } from '../settings/queries';

/** After how many days unverified contact details count as stale, as the city has set it. */
export function useStaleDays(): number {
  return useSettings()?.contactStaleDays ?? DEFAULT_STALE_DAYS;
}
