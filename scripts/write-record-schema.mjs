// Writes the after-action record's JSON Schema to schemas/, from the format's own definition.
import { writeFileSync } from 'node:fs';

import { build } from 'esbuild';

const result = await build({
  stdin: { contents: "export { recordJsonSchema } from './shared/domain/record/recordFile';", resolveDir: '.', loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  logLevel: 'warning',
});
const url = `data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`;
const { recordJsonSchema } = await import(url);
writeFileSync('schemas/response-desk-record.v1.schema.json', `${JSON.stringify(recordJsonSchema(), null, 2)}\n`);
console.log('wrote schemas/response-desk-record.v1.schema.json');
