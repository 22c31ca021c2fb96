/**
 * Shortens text to at most `max` UTF-16 units (as the schemas count length), ending with "…" when
 * it had to cut, and never splitting a character in two.
 */
export function clampText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
