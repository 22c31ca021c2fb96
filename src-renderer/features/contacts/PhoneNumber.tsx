import type { ReactElement } from 'react';

import { dialUri, internationalNumber, shownNumber, type PhoneCountry } from '@shared/domain/contacts/phone';
import type { ContactPhone } from '@shared/schemas/contacts';
import { t } from '../../i18n/messages';

/**
 * One number as the desk shows it: national form for the desk's country, a tel: link that a
 * phone or softphone dials, and its label. A number the desk could not read is shown as typed,
 * flagged for checking.
 */
export function PhoneNumber({
  phone,
  country,
  link = true,
}: {
  phone: ContactPhone;
  country: PhoneCountry | null;
  link?: boolean;
}): ReactElement {
  const shown = shownNumber(phone, country);
  const uri = dialUri(phone);
  return (
    <span className="phone nowrap">
      {uri !== null && link ? (
        <a href={uri} title={t('contacts.phone.dial', { number: internationalNumber(phone) })}>
          {shown}
        </a>
      ) : (
        <span>{shown}</span>
      )}
      {phone.label !== '' && (
        <>
          {' '}
          <span className="phone__label">{phone.label}</span>
        </>
      )}
      {phone.e164 === null && (
        <>
          {' '}
          <span className="badge badge--stale" title={t('contacts.phone.unreadTitle')}>
            {t('contacts.phone.unread')}
          </span>
        </>
      )}
    </span>
  );
}
