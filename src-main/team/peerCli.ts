// `npm run team:peer -- --data <folder> --port <n>`: the headless peer on the command line.
import { format } from '@shared/i18n/format';

import { createConsoleLogger } from '../logging/logger';
import { parsePeerArgs, peerUsage, startPeer, statusLine } from './peer';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(peerUsage());
    return 0;
  }
  const args = parsePeerArgs(argv);
  if (!args.ok) {
    console.error(format('team.peer.usageAfterError', { problem: args.error, usage: peerUsage() }));
    return 2;
  }
  // Listen for the stop signals before anything is printed: whoever reads the desk key may stop
  // the peer at once, and a signal arriving before its handler would kill it uncleanly.
  const stopAsked = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  const logger = createConsoleLogger('team-peer');
  const started = await startPeer(args.value, logger);
  if (!started.ok) {
    console.error(started.error);
    return 1;
  }
  const peer = started.value;
  console.log(format('team.peer.listening', { host: args.value.host, port: String(peer.port) }));
  console.log(format('team.peer.deskKey', { key: peer.engine.deskKey }));
  console.log(format('team.peer.admitKey'));

  const timer =
    args.value.statusEverySeconds > 0
      ? setInterval(() => {
          void statusLine(peer).then((line) => console.log(line));
        }, args.value.statusEverySeconds * 1000)
      : null;

  await stopAsked;
  if (timer !== null) clearInterval(timer);
  console.log(format('team.peer.stopping'));
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
