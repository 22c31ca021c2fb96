import { deskPhoneCountry, phoneKeyOf, readPhoneNumber, type PhoneCountry } from './phone';
import type { ContactPhone } from '../../schemas/contacts';

/**
 * FORMAT: up to data version 2 a contact's numbers were stored as { label, number } and
 * indexed by their last eight digits. From version 3 each number also carries what the desk
 * read from it (E.164 and extension) and is indexed by that. This reads the old shape: a number
 * the desk can read gains its E.164 form; one it cannot is kept exactly as typed, flagged
 * (e164: null). Nothing is dropped, and the number as typed is never rewritten.
 */
export const STRUCTURED_PHONES_VERSION = 3;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function upgradePhone(p: unknown, country: PhoneCountry | null): unknown {
  if (!isRecord(p) || 'e164' in p || typeof p['number'] !== 'string') return p;
  const read = readPhoneNumber(p['number'], country);
  const phone: ContactPhone = {
    label: typeof p['label'] === 'string' ? p['label'] : '',
    number: p['number'],
    e164: read.ok ? read.value.e164 : null,
    extension: read.ok ? read.value.extension : '',
  };
  return phone;
}

/** One contact row of the old shape, upgraded; rows already upgraded come back unchanged. */
export function upgradeLegacyContact<T>(row: T, country: PhoneCountry | null): T {
  if (!isRecord(row) || !Array.isArray(row['phones'])) return row;
  const phones = row['phones'].map((p) => upgradePhone(p, country));
  const keys = [
    ...new Set(
      phones
        .map((p) =>
          isRecord(p) &&
          typeof p['number'] === 'string' &&
          (typeof p['e164'] === 'string' || p['e164'] === null) &&
          typeof p['extension'] === 'string'
            ? phoneKeyOf({ number: p['number'], e164: p['e164'], extension: p['extension'] })
            : '',
        )
        .filter((k) => k !== ''),
    ),
  ];
  return { ...row, phones, phoneKeys: keys };
}

/** The country an old desk read its numbers in, from its settings row. */
export function legacyDeskCountry(settingsRow: unknown): PhoneCountry | null {
  if (!isRecord(settingsRow) || typeof settingsRow['defaultTimeZone'] !== 'string') return null;
  const chosen = settingsRow['phoneCountry'];
  return deskPhoneCountry({
    defaultTimeZone: settingsRow['defaultTimeZone'],
    ...(typeof chosen === 'string' && { phoneCountry: chosen }),
  });
}

/** A backup's tables written before data version 3, read as version 3 (contacts upgraded). */
export function upgradeLegacyTables<T extends Record<string, unknown[] | undefined>>(data: T, fromVersion: number): T {
  if (fromVersion >= STRUCTURED_PHONES_VERSION || !data['contacts']) return data;
  const country = legacyDeskCountry(data['settings']?.find((s) => isRecord(s) && s['key'] === 'desk'));
  return { ...data, contacts: data['contacts'].map((c) => upgradeLegacyContact(c, country)) };
}
