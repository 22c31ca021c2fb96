import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const DRIVER = new URL('./agePassphrase.py', import.meta.url).pathname;

/** True where Debian's `age` is installed (CI installs it through .ci/run). */
export async function hasAgeCli(): Promise<boolean> {
  try {
    await run('age', ['--version']);
    return true;
  } catch {
    return false;
  }
}

/** Runs `age ARGS` with `passphrase` typed at its prompts, as a person would; exit code and what it printed. */
export async function runAgeWithPassphrase(
  passphrase: string,
  args: readonly string[],
): Promise<{ code: number; terminal: string }> {
  try {
    const { stderr } = await run('/usr/bin/python3', [DRIVER, passphrase, 'age', ...args], { timeout: 120_000 });
    return { code: 0, terminal: stderr };
  } catch (e) {
    const failure = e as { code: number; stderr: string };
    return { code: failure.code, terminal: failure.stderr };
  }
}
