import { Duplex } from 'node:stream';

/**
 * Two connected in-memory byte streams: what one side writes, the other reads. Used to replicate
 * between two stores in one process (a USB stick's working copy) exactly as over a socket.
 */
export function duplexPair(): [Duplex, Duplex] {
  const make = (peer: () => Duplex) =>
    new Duplex({
      read() {
        // Data is pushed by the other side's write.
      },
      write(chunk: Buffer, _encoding, done) {
        const other = peer();
        if (!other.destroyed) other.push(chunk);
        done();
      },
      final(done) {
        const other = peer();
        if (!other.destroyed) other.push(null);
        done();
      },
      destroy(error, done) {
        const other = peer();
        // A closed socket closes both ends; the other side sees it as a dropped connection.
        if (!other.destroyed) other.destroy();
        done(error);
      },
    });
  const a: Duplex = make(() => b);
  const b: Duplex = make(() => a);
  return [a, b];
}
