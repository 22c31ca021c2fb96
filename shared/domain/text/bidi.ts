/**
 * SECURITY: explicit bidirectional formatting characters (embeddings, overrides, isolates and
 * their terminators). An override makes "Mallory \u202Efdp.exe" display as "Mallory exe.pdf";
 * in text people typed or imported they serve no honest purpose a reader can see, so wherever
 * the desk shows such text it shows these characters as visible marks instead of obeying them.
 * Ordinary right-to-left text (Arabic, Hebrew) needs none of them and is left as it is.
 */
export const BIDI_CONTROL_NAMES: Readonly<Record<string, string>> = {
  '\u202A': 'LRE',
  '\u202B': 'RLE',
  '\u202C': 'PDF',
  '\u202D': 'LRO',
  '\u202E': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
};

const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
const CONTROLS_G = /[\u202A-\u202E\u2066-\u2069]/g;

export const hasBidiControls = (text: string): boolean => CONTROLS.test(text);

/** The visible mark that stands for a control: "⟦RLO⟧". */
export const bidiMark = (control: string): string =>
  `⟦${BIDI_CONTROL_NAMES[control] ?? `U+${(control.codePointAt(0) ?? 0).toString(16).toUpperCase()}`}⟧`;

/** "Mallory \u202Efdp.exe" → "Mallory ⟦RLO⟧fdp.exe": the text as typed, nothing reordered. */
export function revealBidiControls(text: string): string {
  return hasBidiControls(text) ? text.replace(CONTROLS_G, bidiMark) : text;
}

/** Splits text into plain runs and controls, for a screen that styles the marks. */
export function splitBidiControls(text: string): { text: string; control: boolean }[] {
  if (!hasBidiControls(text)) return [{ text, control: false }];
  const parts: { text: string; control: boolean }[] = [];
  let start = 0;
  for (const m of text.matchAll(CONTROLS_G)) {
    if (m.index > start) parts.push({ text: text.slice(start, m.index), control: false });
    parts.push({ text: m[0], control: true });
    start = m.index + m[0].length;
  }
  if (start < text.length) parts.push({ text: text.slice(start), control: false });
  return parts;
}

/**
 * Every string in a JSON-like value with its controls revealed (a record laid out as a document).
 * Parts without a control are returned as they are, so a large clean record is not copied.
 */
export function revealBidiDeep<T>(value: T): T {
  if (typeof value === 'string') return revealBidiControls(value) as T;
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    let copy: unknown[] | null = null;
    for (const [i, item] of items.entries()) {
      const revealed: unknown = revealBidiDeep(item);
      if (revealed !== item) (copy ??= [...items])[i] = revealed;
    }
    return (copy ?? value) as T;
  }
  if (typeof value === 'object' && value !== null) {
    const fields = value as Record<string, unknown>;
    let copy: Record<string, unknown> | null = null;
    for (const [key, item] of Object.entries(fields)) {
      const revealed: unknown = revealBidiDeep(item);
      if (revealed !== item) (copy ??= { ...fields })[key] = revealed;
    }
    return (copy ?? value) as T;
  }
  return value;
}
