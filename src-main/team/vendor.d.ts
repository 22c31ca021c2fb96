// Types for the parts of the Holepunch libraries the team sync engine uses. The packages ship
// JavaScript only; these declarations cover exactly what src-main/team calls, so a version bump
// that changes one of these shapes shows up in the engine's tests, not at a call site.

declare module 'hypercore' {
  import type { EventEmitter } from 'node:events';

  export type KeyPair = { publicKey: Buffer; secretKey: Buffer };
  export type Manifest = { version: number; signers: { publicKey: Buffer }[] };

  export type DownloadRange = { done(): Promise<void>; destroy(): void };

  export type HypercorePeer = { remotePublicKey: Buffer | null; remoteLength: number };

  export default class Hypercore extends EventEmitter {
    static key(manifest: Manifest): Buffer;
    static discoveryKey(key: Buffer): Buffer;
    static MAX_SUGGESTED_BLOCK_SIZE: number;

    readonly key: Buffer;
    readonly discoveryKey: Buffer;
    readonly length: number;
    readonly contiguousLength: number;
    readonly writable: boolean;
    readonly opened: boolean;
    readonly closed: boolean;
    readonly closing: Promise<void> | null;
    readonly peers: HypercorePeer[];
    /** Internal state, read only to tell whether a conflict froze this core. */
    readonly core: { header: { frozen: boolean } } | null;

    ready(): Promise<void>;
    close(): Promise<void>;
    append(blocks: Buffer | Buffer[]): Promise<{ length: number; byteLength: number }>;
    get(index: number, opts?: { wait?: boolean; timeout?: number }): Promise<Buffer | null>;
    has(start: number, end?: number): Promise<boolean>;
    treeHash(length?: number): Promise<Buffer>;
    download(range?: { start?: number; end?: number; linear?: boolean }): DownloadRange;
    setUserData(key: string, value: Buffer | string | null): Promise<void>;
    getUserData(key: string): Promise<Buffer | null>;
  }
}

declare module 'corestore' {
  import type Hypercore from 'hypercore';
  import type { KeyPair } from 'hypercore';
  import type { Duplex } from 'node:stream';

  export type CorestoreOptions = { allowBackup?: boolean };
  export type GetOptions = { key: Buffer; createIfMissing?: boolean } | { name: string } | { keyPair: KeyPair };

  export default class Corestore {
    constructor(directory: string, opts?: CorestoreOptions);
    readonly storage: { compact(): Promise<void> };
    ready(): Promise<void>;
    close(): Promise<void>;
    namespace(name: string): Corestore;
    createKeyPair(name: string): Promise<KeyPair>;
    get(opts: GetOptions): Hypercore;
    replicate(stream: boolean | Duplex | object): Duplex;
  }
}

declare module '@hyperswarm/secret-stream' {
  import type { Duplex as NodeDuplex } from 'node:stream';
  import type { EventEmitter } from 'node:events';

  export type CompletedHandshake = {
    tx: Buffer;
    rx: Buffer;
    hash: Buffer;
    publicKey: Buffer;
    remotePublicKey: Buffer;
  };

  export default class NoiseSecretStream extends EventEmitter {
    constructor(
      isInitiator: boolean,
      rawStream: NodeDuplex,
      opts: { handshake: CompletedHandshake; data?: Buffer | undefined },
    );
    readonly remotePublicKey: Buffer | null;
    readonly handshakeHash: Buffer | null;
    readonly rawBytesRead: number;
    readonly rawBytesWritten: number;
    readonly destroyed: boolean;
    userData: unknown;
    setKeepAlive(ms: number): void;
    setTimeout(ms: number): void;
    destroy(error?: Error): void;
    end(): void;
  }
}

declare module 'protomux' {
  export type MessageType = { send(payload: Buffer): boolean };
  export type Channel = {
    open(handshake?: unknown): void;
    close(): void;
    readonly opened: boolean;
    readonly closed: boolean;
    messages: MessageType[];
  };
  export type ChannelOptions = {
    protocol: string;
    messages: { encoding: unknown; onmessage(message: Buffer): void }[];
    onopen?: () => void;
    onclose?: () => void;
  };
  export default class Protomux {
    static from(stream: object): Protomux;
    createChannel(opts: ChannelOptions): Channel | null;
  }
}

declare module 'compact-encoding' {
  const c: { raw: unknown; buffer: unknown };
  export default c;
}

declare module 'noise-handshake' {
  export default class Noise {
    constructor(
      pattern: 'XXpsk0',
      initiator: boolean,
      staticKeyPair: { publicKey: Buffer; secretKey: Buffer },
      opts: { curve: unknown; psk: Buffer },
    );
    readonly complete: boolean;
    readonly tx: Uint8Array | null;
    readonly rx: Uint8Array | null;
    readonly hash: Uint8Array | null;
    readonly rs: Uint8Array | null;
    initialise(prologue: Buffer, remoteStatic?: Buffer): void;
    send(payload?: Buffer): Uint8Array;
    recv(message: Uint8Array): Uint8Array;
  }
}

declare module 'noise-curve-ed' {
  const curve: unknown;
  export default curve;
}

declare module 'sodium-native' {
  export const crypto_generichash_KEYBYTES: number;
  export const crypto_generichash_BYTES: number;
  export const crypto_secretstream_xchacha20poly1305_KEYBYTES: number;
  export const crypto_secretstream_xchacha20poly1305_HEADERBYTES: number;
  export const crypto_secretstream_xchacha20poly1305_ABYTES: number;
  export const crypto_secretstream_xchacha20poly1305_STATEBYTES: number;
  export const crypto_secretstream_xchacha20poly1305_TAG_MESSAGE: number;
  export const crypto_secretstream_xchacha20poly1305_TAG_FINAL: number;
  export function crypto_generichash(output: Buffer, input: Buffer, key?: Buffer): void;
  export function crypto_secretstream_xchacha20poly1305_init_push(state: Buffer, header: Buffer, key: Buffer): void;
  export function crypto_secretstream_xchacha20poly1305_push(
    state: Buffer,
    ciphertext: Buffer,
    message: Buffer,
    ad: Buffer | null,
    tag: number,
  ): number;
  export function crypto_secretstream_xchacha20poly1305_init_pull(state: Buffer, header: Buffer, key: Buffer): void;
  export function crypto_secretstream_xchacha20poly1305_pull(
    state: Buffer,
    message: Buffer,
    tag: Buffer,
    ciphertext: Buffer,
    ad: Buffer | null,
  ): number;
  export function sodium_memcmp(a: Buffer, b: Buffer): boolean;
  export function randombytes_buf(buffer: Buffer): void;
}

declare module 'hypercore-crypto' {
  export function keyPair(seed?: Buffer): { publicKey: Buffer; secretKey: Buffer };
}
