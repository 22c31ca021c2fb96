import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const VERIFY_CLI = 'out/cli/response-desk-verify.cjs';

/** Builds the bundled verifier, as `npm run verify-record` does. */
export const buildVerifyCli = () => run(process.execPath, ['scripts/build-cli.mjs']);

/** Runs the bundled verifier as an inquiry would: a separate Node process, exit code and output. */
export async function runVerifyCli(path: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, [VERIFY_CLI, path]);
    return { code: 0, out: stdout };
  } catch (e) {
    const failure = e as { code: number; stdout: string };
    return { code: failure.code, out: failure.stdout };
  }
}
