import { createServer } from 'node:net';

/** A loopback port nothing listens on right now: sharing takes a port a person could type, never 0. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}
