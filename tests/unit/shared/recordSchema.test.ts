import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import { recordJsonSchema } from '@shared/domain/record/recordFile';

describe('record JSON Schema', () => {
  it('is committed in schemas/ exactly as the format defines it', async () => {
    const committed = JSON.parse(await readFile(new URL('../../../schemas/response-desk-record.v1.schema.json', import.meta.url), 'utf8')) as unknown;
    // Regenerate with: npm run schema:record
    expect(committed).toEqual(recordJsonSchema());
  });
});
