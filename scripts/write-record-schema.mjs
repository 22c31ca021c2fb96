// Writes the after-action record's JSON Schemas to schemas/, one per format version, from the format's own definition.
import { writeFileSync } from 'node:fs';

import { build } from 'esbuild';

const result = await build({
  stdin: {
    contents: "export { recordJsonSchema, RECORD_FORMAT_VERSIONS } from './shared/domain/record/recordFile';",
    resolveDir: '.',
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  logLevel: 'warning',
});
const url = `data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`;
const { recordJsonSchema, RECORD_FORMAT_VERSIONS } = await import(url);
for (const version of RECORD_FORMAT_VERSIONS) {
  const file = `schemas/response-desk-record.v${version}.schema.json`;
  writeFileSync(file, `${JSON.stringify(recordJsonSchema(version), null, 2)}\n`);
  console.log(`wrote ${file}`);
}
