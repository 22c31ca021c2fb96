// Runs the given npm scripts side by side, as many at a time as the machine has cores (at least two), prints each one's
// output whole when it ends, and fails if any failed. The static checks (typecheck, format, lint, security lint) each
// keep one core busy: run one after another, they leave the other core of the 2-core CI machine idle.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const names = process.argv.slice(2);
const width = Math.max(2, availableParallelism());
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** One npm script, its output kept until it ends so that two scripts' lines do not interleave. */
function runScript(name) {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(npm, ['run', '-s', name], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => chunks.push(d));
    child.on('error', (error) => chunks.push(Buffer.from(`${String(error)}\n`)));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`\n> ${name} (${seconds} s)${code === 0 ? '' : ` failed with exit code ${code}`}\n`);
      process.stdout.write(Buffer.concat(chunks));
      done(code === 0);
    });
  });
}

const queue = [...names];
const failed = [];
async function lane() {
  for (let name = queue.shift(); name !== undefined; name = queue.shift())
    if (!(await runScript(name))) failed.push(name);
}
await Promise.all(Array.from({ length: Math.min(width, names.length) }, lane));
if (failed.length > 0) {
  process.stderr.write(`\nFailed: ${failed.join(', ')}\n`);
  process.exit(1);
}
