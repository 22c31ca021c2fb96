import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { IConfiguration } from 'dependency-cruiser';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The project's own lint configuration, run on a real file of the project whose text is replaced
// in memory: a deliberate violation must fail `npm run lint`, and the file as it is must pass.
const root = join(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const require = createRequire(import.meta.url);
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function ruleErrors(filePath: string, code: string, ruleId: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result!.messages.filter((m) => m.ruleId === ruleId).map((m) => m.message);
}

function source(filePath: string): string {
  return readFileSync(join(root, filePath), 'utf8');
}

/** The file with `violation` put on top fails the rule with `expected`; the file as it is passes it. */
async function expectRuleFails(file: string, violation: string, ruleId: string, expected: RegExp): Promise<void> {
  expect(await ruleErrors(file, `${violation}\n${source(file)}`, ruleId)).toEqual([expect.stringMatching(expected)]);
  expect(await ruleErrors(file, source(file), ruleId)).toEqual([]);
}

describe('the layering rules of npm run lint', () => {
  it('refuses an import cycle between relative imports', async () => {
    // App imports the store, which imports the route: the route importing App closes the circle.
    await expectRuleFails(
      'src-renderer/store/route.ts',
      `import { App } from '../app/App';\nexport const shell = App;`,
      'import-x/no-cycle',
      /cycle/i,
    );
  }, 120_000);

  it('sees a cycle that runs through a path alias', async () => {
    // The checklist schemas import the guide's pages; the pages importing the schemas back by alias is a cycle.
    const violation = `import { ChecklistSeedSchema } from '@shared/schemas/checklists';\nexport const seedSchema = ChecklistSeedSchema;`;
    await expectRuleFails('shared/domain/guide/pages.ts', violation, 'import-x/no-cycle', /cycle/i);
  }, 120_000);

  it('keeps ui/ primitives away from the store, by path or by alias', async () => {
    for (const from of ['../store', '@renderer/store']) {
      const violation = `import { useAppStore } from '${from}';\nexport const useNotice = () => useAppStore((s) => s.notice);`;
      await expectRuleFails(
        'src-renderer/ui/NoticeBar.tsx',
        violation,
        'no-restricted-imports',
        /never read the store/,
      );
    }
  }, 120_000);

  it('keeps features to the desk: no Dexie, no database, no shell, by path or by alias', async () => {
    // A feature's live queries use dexie-react-hooks over the desk's use-cases: the file as it is passes.
    const file = 'src-renderer/features/statements/queries.ts';
    await expectRuleFails(
      file,
      `import Dexie from 'dexie';\nexport const lowest = Dexie.minKey;`,
      'no-restricted-imports',
      /features never use Dexie/,
    );
    for (const from of ['../../db/database', '@renderer/db/database']) {
      await expectRuleFails(
        file,
        `import { DeskDatabase } from '${from}';\nexport const open = () => new DeskDatabase();`,
        'no-restricted-imports',
        /never reach the database/,
      );
    }
    for (const from of ['../../app/App', '@renderer/app/App']) {
      await expectRuleFails(
        file,
        `import { App } from '${from}';\nexport const shell = App;`,
        'no-restricted-imports',
        /never import the shell/,
      );
    }
  }, 120_000);

  it('refuses a cycle made of type-only imports, which import-x/no-cycle does not count', async () => {
    const { cruise } = await import('dependency-cruiser');
    const config = require(join(root, '.dependency-cruiser.cjs')) as IConfiguration;
    const fixture = 'tests/fixtures/lint/typeCycle';
    const run = async (exclude: string | undefined) => {
      const result = await cruise(
        [fixture],
        {
          ...config.options,
          validate: true,
          ruleSet: { forbidden: config.forbidden ?? [] },
          ...(exclude !== undefined && { exclude: { path: exclude } }),
          baseDir: root,
        },
        undefined,
        undefined,
      );
      if (typeof result.output === 'string') throw new Error(result.output);
      return result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    };
    // The project's own settings leave the fixture out of `npm run lint`; cruised alone, it fails.
    expect(await run('^node_modules/')).toEqual([
      expect.stringMatching(/^no-circular: tests\/fixtures\/lint\/typeCycle\/(feed|notice)\.ts → /),
    ]);
    expect(await ruleErrors(`${fixture}/notice.ts`, source(`${fixture}/notice.ts`), 'import-x/no-cycle')).toEqual([]);
    expect(await run(undefined)).toEqual([]);
  }, 120_000);
});
