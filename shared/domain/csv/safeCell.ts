/**
 * SECURITY: spreadsheet formula injection (OWASP "CSV Injection"). A cell that begins with =, +,
 * -, @, a tab or a carriage return is read by Excel and LibreOffice as a formula: a timeline title
 * `=HYPERLINK("http://…","Click for victim list")` became a live link. Every CSV the desk writes
 * passes each cell through safeCell(), which prefixes such a cell with an apostrophe, as OWASP
 * recommends, so the spreadsheet shows it as the text it is. The full-width forms some
 * spreadsheets also accept are treated the same.
 *
 * One shape is left as typed: an international phone number ("+1 312 555 0101", "+4738075000"),
 * a plus, digits and single spaces. It holds no name, reference, string or pipe, so no
 * spreadsheet can make it call, link or fetch anything, and people must be able to read it and
 * dial it straight from the file.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const PHONE_NUMBER = /^\+\d{1,4}(?: \d{1,8}){1,6}$|^\+\d{6,15}$/;

export function safeCell(value: string): string {
  if (!FORMULA_START.test(value) || PHONE_NUMBER.test(value)) return value;
  return `'${value}`;
}

/**
 * The text of a cell as it was before safeCell() (the desk's own exports, and other exporters
 * that follow the same advice): read leniently, so a re-imported title is the title typed.
 */
export function unneutraliseCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
