/**
 * SECURITY: text from a record (titles, names, reasons) reaches the verifier's terminal. Control
 * characters could move the cursor, clear lines or recolour them, and bidirectional controls could
 * reorder what is shown, so a hostile record could hide its own FAIL lines. Every such character
 * is printed as a visible escape instead: "\u202E", "\x1B", "\n".
 */
// eslint-disable-next-line no-control-regex -- these are the characters to escape
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return code <= 0xff
      ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
      : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}
