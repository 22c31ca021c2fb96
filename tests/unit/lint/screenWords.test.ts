import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'eslint-plugin-i18next';

// The project's own rule against English written into screens, as eslint.config.js sets it for a
// screen, run on small screens without type information: the words a person reads (text, and the
// attributes a screen reader or a tooltip speaks) must come from the catalogue.
const root = join(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const SCREENS = [
  'src-renderer/features/timeline/TimelineList.tsx',
  'src-renderer/app/App.tsx',
  'src-renderer/ui/Dialog.tsx',
];
let rule: Linter.RuleEntry | undefined;

beforeAll(async () => {
  const config = (await new ESLint({ cwd: root }).calculateConfigForFile(
    join(root, SCREENS[0] ?? ''),
  )) as Linter.Config;
  rule = config.rules?.['i18next/no-literal-string'];
}, 120_000);

function literalErrors(code: string): string[] {
  if (rule === undefined) throw new Error('the screen-words rule is not configured for screens');
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.tsx'],
        languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { i18next },
        rules: { 'i18next/no-literal-string': rule },
      },
    ],
    { filename: 'src-renderer/features/timeline/Sample.tsx' },
  );
  return messages.map((m) => `${m.line}: ${m.message}`);
}

describe('no English written into screens', () => {
  it('covers the screens of the app, the features and the shared ui', async () => {
    const eslint = new ESLint({ cwd: root });
    for (const screen of SCREENS) {
      const config = (await eslint.calculateConfigForFile(join(root, screen))) as Linter.Config;
      expect(config.rules?.['i18next/no-literal-string'], screen).toEqual(rule);
    }
    expect(rule).toEqual([2, expect.objectContaining({ mode: 'jsx-only' })]);
  }, 120_000);

  it.each([
    ['text between tags', '<p>Close the incident</p>'],
    ['an aria-label', '<button aria-label="Close the details" />'],
    ['a title', '<span title="Verified by the duty officer" />'],
    ['a placeholder', '<input placeholder="Search the timeline" />'],
    ['an alt text', '<img alt="City logo" />'],
    ['a quoted string in braces', "<p>{'Nothing logged yet'}</p>"],
    ['a template literal between tags', '<p>{`Released as version ${name}`}</p>'],
    ['a template literal in a title', '<span title={`Called by ${name}`} />'],
    [
      'a template literal in a value a screen hands on',
      '<Offer onDone={() => show({ label: `the release of “${name}”` })} />',
    ],
  ])('refuses %s', (_what, jsx) => {
    expect(literalErrors(`const name = "x"; export const Sample = () => ${jsx};`)).toHaveLength(1);
  });

  it('lets words from the catalogue, marks and attributes that are not read through', () => {
    const code = [
      "import { t } from '@renderer/i18n/messages';",
      'export const Sample = ({ n }: { n: number }) => (',
      '  <div className="row" data-testid="row" role="row" aria-live="polite">',
      "    <button aria-label={t('timeline.close')} title={t('timeline.close')}>✕</button>",
      '    <input type="search" placeholder={t(\'timeline.search\')} />',
      '    <span>{n} · — →</span>',
      '    <code className={`code code--${n}`}>{`{{${n}}}`}</code>',
      '  </div>',
      ');',
    ].join('\n');
    expect(literalErrors(code)).toEqual([]);
  });
});
