import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import { RECORD_FORMAT_VERSIONS, recordJsonSchema } from '@shared/domain/record/recordFile';

describe('record JSON Schema', () => {
  it.each(RECORD_FORMAT_VERSIONS)(
    'is committed in schemas/ exactly as format version %i defines it',
    async (version) => {
      const committed = JSON.parse(
        await readFile(
          new URL(`../../../schemas/response-desk-record.v${version}.schema.json`, import.meta.url),
          'utf8',
        ),
      ) as unknown;
      // Regenerate with: npm run schema:record
      expect(committed).toEqual(recordJsonSchema(version));
    },
  );

  it('forbids fields it does not define in every object of format version 2, as the verifier does', () => {
    const objects: Record<string, unknown>[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (typeof node === 'object' && node !== null) {
        const o = node as Record<string, unknown>;
        if (o['type'] === 'object' && 'properties' in o) objects.push(o);
        Object.values(o).forEach(walk);
      }
    };
    walk(recordJsonSchema(2));
    expect(objects.length).toBeGreaterThan(30);
    expect(objects.filter((o) => o['additionalProperties'] !== false)).toEqual([]);
  });
});
