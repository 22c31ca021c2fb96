// The team's Noise handshake: XXpsk0 with the pre-shared key derived from the team secret, framed
// as @hyperswarm/secret-stream frames its own (3-byte little-endian length, then the message), and
// handed to NoiseSecretStream once complete. Why not secret-stream's own XX: it cannot take a
// pre-shared key, and with one a stranger fails at the very first message, before either side has
// revealed its static key, so someone on the LAN without the team secret learns nothing at all:
// not which desks exist, let alone which cores.
import type { Duplex } from 'node:stream';

import type { CompletedHandshake } from '@hyperswarm/secret-stream';
import curve from 'noise-curve-ed';
import Noise from 'noise-handshake';

import { err, ok, type Result } from '@shared/domain/result';
import { format } from '@shared/i18n/format';

export type HandshakeFailure = {
  code: 'team-key-mismatch' | 'closed' | 'timeout' | 'bad-frame';
  message: string;
};

export type HandshakeDone = { handshake: CompletedHandshake; leftover: Buffer };

/** Handshake messages are under 100 bytes; a larger frame is not this protocol. */
const MAX_HANDSHAKE_FRAME = 1024;

function frame(message: Uint8Array): Buffer {
  const out = Buffer.alloc(message.byteLength + 3);
  out.writeUIntLE(message.byteLength, 0, 3);
  out.set(message, 3);
  return out;
}

function complete(noise: Noise, publicKey: Buffer): CompletedHandshake {
  if (noise.tx === null || noise.rx === null || noise.hash === null || noise.rs === null) {
    throw new Error('The handshake finished without its keys.');
  }
  return {
    tx: Buffer.from(noise.tx),
    rx: Buffer.from(noise.rx),
    hash: Buffer.from(noise.hash),
    publicKey,
    remotePublicKey: Buffer.from(noise.rs),
  };
}

/**
 * Runs the handshake on `raw` and leaves it paused with no listener of ours attached, so
 * NoiseSecretStream takes over without losing a byte (`leftover` holds what arrived after the last
 * handshake message). Fails as a value: the caller closes the stream.
 */
export function teamHandshake(
  raw: Duplex,
  opts: { initiator: boolean; keyPair: { publicKey: Buffer; secretKey: Buffer }; psk: Buffer; timeoutMs: number },
): Promise<Result<HandshakeDone, HandshakeFailure>> {
  return new Promise((resolve) => {
    const noise = new Noise('XXpsk0', opts.initiator, opts.keyPair, { curve, psk: opts.psk });
    noise.initialise(Buffer.alloc(0));
    let buffered: Buffer = Buffer.alloc(0);
    let finished = false;

    const finish = (result: Result<HandshakeDone, HandshakeFailure>) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      raw.pause();
      raw.off('data', onData);
      raw.off('close', onClose);
      raw.off('end', onClose);
      raw.off('error', onError);
      resolve(result);
    };
    const fail = (code: HandshakeFailure['code'], message: string) => finish(err({ code, message }));

    const onClose = () => fail('closed', format('team.handshake.closed'));
    const onError = (error: Error) => fail('closed', format('team.handshake.failed', { reason: error.message }));
    const timer = setTimeout(
      () => fail('timeout', format('team.handshake.timeout', { seconds: Math.round(opts.timeoutMs / 1000) })),
      opts.timeoutMs,
    );
    timer.unref();

    const send = (payload: Uint8Array) => {
      raw.write(frame(payload));
    };

    const onMessage = (message: Buffer): boolean => {
      try {
        noise.recv(message);
      } catch {
        // The pre-shared key is mixed into every message from the first one, so a wrong key (another
        // team, an old secret, a stranger) fails here; so would a tampered message.
        fail('team-key-mismatch', format('team.handshake.wrongKey'));
        return false;
      }
      if (!noise.complete) send(noise.send());
      if (noise.complete) {
        finish(ok({ handshake: complete(noise, opts.keyPair.publicKey), leftover: buffered }));
        return false;
      }
      return true;
    };

    const onData = (chunk: Buffer) => {
      buffered = buffered.byteLength === 0 ? chunk : Buffer.concat([buffered, chunk]);
      while (!finished && buffered.byteLength >= 3) {
        const length = buffered.readUIntLE(0, 3);
        if (length > MAX_HANDSHAKE_FRAME) {
          fail('bad-frame', format('team.handshake.notAHandshake'));
          return;
        }
        if (buffered.byteLength < 3 + length) return;
        const message = buffered.subarray(3, 3 + length);
        buffered = buffered.subarray(3 + length);
        if (!onMessage(message)) return;
      }
    };

    raw.on('data', onData);
    raw.once('close', onClose);
    raw.once('end', onClose);
    raw.once('error', onError);
    if (opts.initiator) send(noise.send());
  });
}
