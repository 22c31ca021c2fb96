import { describe, expect, it } from 'vitest';

import { CHANNELS } from '@shared/ipc/channels';
import { MAX_SAVE_BYTES } from '@shared/ipc/contract';
import {
  decodeWire,
  encodeWire,
  IPC_PATH_PREFIX,
  LOCAL_TOKEN_HEADER,
  LOCAL_TOKEN_META,
  maxRequestBytes,
  SMALL_REQUEST_BYTES,
  TEST_MINUTE_META,
} from '@shared/ipc/wire';

describe('the contract over a local connection', () => {
  it('keeps its published names', () => {
    expect([IPC_PATH_PREFIX, LOCAL_TOKEN_HEADER, LOCAL_TOKEN_META, TEST_MINUTE_META]).toEqual([
      '/ipc/',
      'x-desk-token',
      'desk-local-token',
      'desk-test-minute-ms',
    ]);
  });

  it('writes bytes as base64 inside JSON (known answer)', () => {
    expect(encodeWire({ suggestedName: 'a.zip', zip: new Uint8Array([80, 75, 3, 4, 255]) })).toBe(
      '{"suggestedName":"a.zip","zip":{"$bytes":"UEsDBP8="}}',
    );
    expect(encodeWire(undefined)).toBe('null');
  });

  it('reads back exactly what it wrote', () => {
    const decoded = decodeWire('{"suggestedName":"a.zip","zip":{"$bytes":"UEsDBP8="},"nested":{"$bytes":1}}') as {
      zip: Uint8Array;
      nested: unknown;
    };
    expect(decoded.zip).toBeInstanceOf(Uint8Array);
    expect([...decoded.zip]).toEqual([80, 75, 3, 4, 255]);
    // Only a lone string "$bytes" is bytes; anything else stays as it was, for the schema to judge.
    expect(decoded.nested).toEqual({ $bytes: 1 });
    expect(() => decodeWire('{nope')).toThrow();
  });

  it('bounds each channel by the contract: whole files where one is carried, a small body elsewhere', () => {
    expect(maxRequestBytes(CHANNELS.writeAutoBackup)).toBe(MAX_SAVE_BYTES);
    expect(maxRequestBytes(CHANNELS.saveFile)).toBe(MAX_SAVE_BYTES);
    expect(maxRequestBytes(CHANNELS.savePackage)).toBe(MAX_SAVE_BYTES);
    expect(maxRequestBytes(CHANNELS.readBackup)).toBe(SMALL_REQUEST_BYTES);
    expect(SMALL_REQUEST_BYTES).toBe(65_536);
  });
});
