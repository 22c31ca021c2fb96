import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { IntlMessageFormat } from 'intl-messageformat';

/**
 * Every message of every language folder under `dir` (`<dir>/<language>/*.json`), compiled as
 * ICU MessageFormat in its language: returns the messages that do not parse, and how many did.
 */
export async function unparsedMessages(dir: string): Promise<{ broken: string[]; parsed: number }> {
  const broken: string[] = [];
  let parsed = 0;
  for (const language of await readdir(dir, { withFileTypes: true })) {
    if (!language.isDirectory()) continue;
    for (const file of (await readdir(join(dir, language.name))).filter((f) => f.endsWith('.json'))) {
      const catalogue = JSON.parse(await readFile(join(dir, language.name, file), 'utf8')) as Record<string, string>;
      for (const [id, message] of Object.entries(catalogue)) {
        try {
          new IntlMessageFormat(message, language.name);
          parsed += 1;
        } catch (e) {
          broken.push(`${language.name}/${file}: ${id}: ${String(e)}`);
        }
      }
    }
  }
  return { broken, parsed };
}

/** Ids found in more than one part of a catalogue ("id in part and other part"): one would hide the other. */
export function idsInTwoParts(parts: Record<string, Record<string, string>>): string[] {
  const seen = new Map<string, string>();
  const twice: string[] = [];
  for (const [part, messages] of Object.entries(parts)) {
    for (const id of Object.keys(messages)) {
      if (seen.has(id)) twice.push(`${id} in ${seen.get(id)} and ${part}`);
      seen.set(id, part);
    }
  }
  return twice;
}

/** The source files under `dir` whose names match `name`, to look for the message ids they use. */
export async function sourceFiles(dir: string, name: RegExp): Promise<string[]> {
  const found: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) found.push(...(await sourceFiles(path, name)));
    else if (name.test(e.name)) found.push(path);
  }
  return found;
}

// A word chosen by comparing a count with 1 (`n === 1 ? 'row' : 'rows'`, `desk${n === 1 ? '' : 's'}`),
// or a helper that glues a count to a word: plural rules belong in the catalogue's messages.
const COUNT_IS_ONE = /(?:[=!]==\s*1|[<>]=?\s*[12])\s*\?\s*['`"]/;
const PLURAL_HELPER = /\b(?:const|function)\s+plurali?[sz]?e?\b/;
// An ordinal compared with 1 is not a count: "a desk's first record" is not a plural.
const ORDINAL = /\bseq\s*===\s*1\b/;

/** The lines of `text` (from `file`) that build a plural by hand, as "file:line: code". */
export function handMadePluralsIn(file: string, text: string): string[] {
  return text
    .split('\n')
    .flatMap((code, i) =>
      (COUNT_IS_ONE.test(code) && !ORDINAL.test(code)) || PLURAL_HELPER.test(code)
        ? [`${file}:${i + 1}: ${code.trim()}`]
        : [],
    );
}

/** Every plural built by hand in the TypeScript under `dir` (the catalogues themselves aside). */
export async function handMadePlurals(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const file of await sourceFiles(dir, /\.ts$/)) {
    if (file.includes('/i18n/')) continue;
    found.push(...handMadePluralsIn(file.slice(dir.length), await readFile(file, 'utf8')));
  }
  return found;
}
