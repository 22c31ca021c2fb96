import { format } from '../../i18n/format';

/**
 * How people there write a numeric date: "7/4/2026" is 4 July in Chicago and 7 April in Oslo.
 * ISO dates (2026-07-04) and dotted dates (4.7.2026) read the same everywhere; only slashes and
 * dashes depend on this.
 */
export type DateOrder = 'month-first' | 'day-first';

// Where month-first is the convention: the United States and its territories, the Philippines,
// and the Pacific states in free association with the US. Canada writes both and is left to
// its own choice in the import.
const MONTH_FIRST_ZONES = new Set([
  'America/New_York',
  'America/Detroit',
  'America/Kentucky/Louisville',
  'America/Kentucky/Monticello',
  'America/Louisville',
  'America/Indiana/Indianapolis',
  'America/Indiana/Vincennes',
  'America/Indiana/Winamac',
  'America/Indiana/Marengo',
  'America/Indiana/Petersburg',
  'America/Indiana/Vevay',
  'America/Indiana/Tell_City',
  'America/Indiana/Knox',
  'America/Indianapolis',
  'America/Fort_Wayne',
  'America/Knox_IN',
  'America/Chicago',
  'America/Menominee',
  'America/North_Dakota/Center',
  'America/North_Dakota/New_Salem',
  'America/North_Dakota/Beulah',
  'America/Denver',
  'America/Boise',
  'America/Phoenix',
  'America/Shiprock',
  'America/Los_Angeles',
  'America/Anchorage',
  'America/Juneau',
  'America/Sitka',
  'America/Metlakatla',
  'America/Yakutat',
  'America/Nome',
  'America/Adak',
  'America/Atka',
  'Navajo',
  'Pacific/Honolulu',
  'Pacific/Johnston',
  'Pacific/Guam',
  'Pacific/Saipan',
  'Pacific/Pago_Pago',
  'Pacific/Samoa',
  'Pacific/Midway',
  'Pacific/Majuro',
  'Pacific/Kwajalein',
  'Pacific/Chuuk',
  'Pacific/Pohnpei',
  'Pacific/Kosrae',
  'Pacific/Palau',
  'Asia/Manila',
  'US/Eastern',
  'US/Central',
  'US/Mountain',
  'US/Pacific',
  'US/Alaska',
  'US/Hawaii',
  'US/Arizona',
  'US/Michigan',
  'US/Aleutian',
  'US/East-Indiana',
  'US/Indiana-Starke',
  'US/Samoa',
  'EST5EDT',
  'CST6CDT',
  'MST7MDT',
  'PST8PDT',
]);

/**
 * The date order to read numeric dates in by default, from the incident's time zone: the desk
 * has no locale setting of its own yet, and the zone says where the incident happened. The
 * import always offers the other order.
 */
export function defaultDateOrder(timeZone: string): DateOrder {
  return MONTH_FIRST_ZONES.has(timeZone) ? 'month-first' : 'day-first';
}

/** "Month first: 7/4/2026 is 4 July 2026": how an order reads a date, in the import's words. */
export function dateOrderLabel(order: DateOrder): string {
  return format('dates.order', { order: order === 'month-first' ? 'month_first' : 'day_first' });
}
