import { deskPhoneCountry, type PhoneCountry } from '@shared/domain/contacts/phone';

import { useSettings } from '../settings/queries';

/** The country numbers without a + are read and shown in: the city's choice, else its time zone's. */
export function usePhoneCountry(): PhoneCountry | null {
  return deskPhoneCountry(useSettings());
}
