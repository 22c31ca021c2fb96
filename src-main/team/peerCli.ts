// `npm run team:peer -- --data <folder> --port <n>`: the headless peer on the command line.
import { createConsoleLogger } from '../logging/logger';
import { parsePeerArgs, PEER_USAGE, startPeer, statusLine } from './peer';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(PEER_USAGE);
    return 0;
  }
  const args = parsePeerArgs(argv);
  if (!args.ok) {
    console.error(`${args.error}\n\n${PEER_USAGE}`);
    return 2;
  }
  const logger = createConsoleLogger('team-peer');
  const started = await startPeer(args.value, logger);
  if (!started.ok) {
    console.error(started.error);
    return 1;
  }
  const peer = started.value;
  console.log(`Response Desk team peer listening on ${args.value.host}:${peer.port}.`);
  console.log(`This peer's desk key: ${peer.engine.deskKey}`);
  console.log(
    'Admit this key in the team roster so desks accept it; the peer keeps a copy of every desk it is offered.',
  );

  const timer =
    args.value.statusEverySeconds > 0
      ? setInterval(() => {
          void statusLine(peer).then((line) => console.log(line));
        }, args.value.statusEverySeconds * 1000)
      : null;

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  if (timer !== null) clearInterval(timer);
  console.log('Stopping: closing connections and the store.');
  await peer.stop();
  return 0;
}

void main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
