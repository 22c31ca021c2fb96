// Known answers for every format the team engine publishes. The key derivations were computed
// independently (Python's hashlib.blake2b, keyed); the stick file is a fixed file that must keep
// opening in every later version.
import { describe, expect, it } from 'vitest';

import { indexCoreKey } from '@main/team/hypercoreEngine';
import { parseScope, scopeText } from '@main/team/scope';
import { ARCHIVE_MAGIC, openArchive, packContainer, sealArchive, unpackContainer } from '@main/team/stickArchive';
import { deriveTeamKeys, stickFileName } from '@main/team/teamKeys';
import { decodeIndexEntry, decodeSummary, encodeIndexEntry } from '@main/team/wire';

import { TEAM } from './harness';

describe('team keys', () => {
  it('derives one key per use from the team secret and id (BLAKE2b-256, keyed)', () => {
    const keys = deriveTeamKeys(TEAM);
    expect({
      noisePsk: keys.noisePsk.toString('hex'),
      stick: keys.stick.toString('hex'),
      stickName: keys.stickName.toString('hex'),
      beacon: keys.beacon.toString('hex'),
    }).toEqual({
      noisePsk: '86be9b13f221c5b24c97eff61526a31ab36590bd975e9d3658aefb7d120fa372',
      stick: 'bc86e17c6da3b153b4b02bbbee2f7cc3171ae55f3b8ceba59f4851ed86781860',
      stickName: '011d8d01d7cea96f2b4ef89ae7927eb219aef5006abf8c4b9877bebdc49433c9',
      beacon: 'a778b4872baf21d54da8efddcb778bbeaf2010ac873c078aa604d7f9322e1ddc',
    });
    expect(stickFileName(keys)).toBe('response-desk-team-90b07d66c97b0af9.rdsync');
  });

  it('refuses a secret that is not 32 bytes', () => {
    expect(() => deriveTeamKeys({ teamId: 'team_x', secret: Buffer.alloc(16) })).toThrow(
      'A team secret is 32 bytes; this one is 16.',
    );
  });
});

describe('scopes', () => {
  it('writes and reads incident, desk-wide and roster scopes, refusing anything else', () => {
    expect(scopeText({ kind: 'incident', incidentId: 'inc_7f3a' })).toBe('incident:inc_7f3a');
    expect(parseScope('incident:inc_7f3a')).toEqual({ ok: true, value: { kind: 'incident', incidentId: 'inc_7f3a' } });
    expect(parseScope('desk')).toEqual({ ok: true, value: { kind: 'desk' } });
    expect(parseScope('roster')).toEqual({ ok: true, value: { kind: 'roster' } });
    expect(parseScope('incident:')).toMatchObject({ ok: false });
    expect(parseScope('incident:a/b')).toMatchObject({ ok: false });
    expect(parseScope('incident:\u202Eevil')).toMatchObject({ ok: false });
    expect(parseScope('contacts')).toEqual({
      ok: false,
      error: '"contacts" is not a team scope (expected "incident:<id>", "desk" or "roster").',
    });
  });
});

describe('index entries', () => {
  const core = 'a'.repeat(64);

  it('are compact JSON in a fixed key order (known answer)', () => {
    expect(encodeIndexEntry('incident:inc_1', core).toString('utf8')).toBe(
      `{"format":"response-desk/team-index","version":1,"scope":"incident:inc_1","core":"${core}"}`,
    );
    expect(decodeIndexEntry(encodeIndexEntry('desk', core))).toEqual({
      ok: true,
      value: { scope: 'desk', coreKey: core },
    });
  });

  it('refuse what is not one, saying why', () => {
    expect(decodeIndexEntry(Buffer.from([0xff, 0xfe]))).toEqual({
      ok: false,
      error: 'an index entry is not UTF-8 JSON',
    });
    expect(
      decodeIndexEntry(Buffer.from('{"format":"response-desk/team-index","version":1,"scope":"desk","core":"xyz"}')),
    ).toMatchObject({
      ok: false,
      error: expect.stringContaining('core: must be 64 lowercase hex characters') as unknown,
    });
    expect(decodeIndexEntry(encodeIndexEntry('incident:../x', core))).toMatchObject({
      ok: false,
      error: expect.stringContaining('names a bad scope') as unknown,
    });
    expect(decodeIndexEntry(Buffer.alloc(2000, 0x20))).toEqual({
      ok: false,
      error: 'an index entry of 2,000 bytes is too large',
    });
  });

  it('live in a core whose key any desk computes from the desk key (Hypercore manifest v1, known answer)', () => {
    expect(indexCoreKey('11'.repeat(32)).toString('hex')).toBe(
      '5c12d495548a1a7c7f47b623dc13a2362b2d3943d1f40a72832251ea0366997b',
    );
    expect(indexCoreKey('11'.repeat(32)).equals(indexCoreKey('22'.repeat(32)))).toBe(false);
  });
});

describe('summaries', () => {
  it('refuse malformed or hostile input', () => {
    expect(decodeSummary(Buffer.from('not json'))).toEqual({ ok: false, error: 'a summary is not UTF-8 JSON' });
    expect(
      decodeSummary(
        Buffer.from(JSON.stringify({ v: 1, seq: 1, ack: 0, complete: false, cores: [{ desk: 'x' }], refused: [] })),
      ),
    ).toMatchObject({ ok: false });
    expect(
      decodeSummary(Buffer.from(JSON.stringify({ v: 1, seq: -1, ack: 0, complete: false, cores: [], refused: [] }))),
    ).toMatchObject({ ok: false });
    expect(
      decodeSummary(
        Buffer.from(JSON.stringify({ v: 1, seq: 1, ack: 0, complete: true, cores: [], refused: [], extra: 1 })),
      ),
    ).toMatchObject({ ok: false });
    expect(
      decodeSummary(Buffer.from(JSON.stringify({ v: 1, seq: 1, ack: 0, complete: true, cores: [], refused: [] }))),
    ).toMatchObject({ ok: true });
  });
});

describe('the team file on a USB stick', () => {
  const keys = deriveTeamKeys(TEAM);
  /** Written once by this format's first version: it must open in every later one. */
  const FIXED =
    '52445453594e43310d9d6cc6930434451c57c6c0c13f3ad55b8e4701dbdf366d7f0000008ee14a1c061d758cb07d2fc7b647623f94321c696f616a7b501cf62526fe4df651033dda4941a66ade3006c4c84da0cd221fb26514fc8262b9a61895b7f3aa4d1ac81435953bc540752f2a4b753d5e4e95b8371436fc93f12d98496fdad1440c8bd47604d31508fe5f6acb95d62ded1f43b1938c0f62b251e25847141dec9d';

  it('packs files behind a length-prefixed JSON manifest (known answer)', () => {
    const packed = packContainer([{ path: 'db/CURRENT', bytes: Buffer.from('MANIFEST-000005\n') }]);
    const manifest = '{"format":"response-desk/team-sync","version":1,"files":[{"path":"db/CURRENT","size":16}]}';
    expect(packed.toString('hex')).toBe(
      Buffer.concat([
        Buffer.from([manifest.length, 0, 0, 0]),
        Buffer.from(manifest),
        Buffer.from('MANIFEST-000005\n'),
      ]).toString('hex'),
    );
  });

  it('opens the fixed file of version 1 with the team key', () => {
    const opened = openArchive(Buffer.from(FIXED, 'hex'), keys.stick);
    expect(opened.ok && opened.value.map((f) => [f.path, Buffer.from(f.bytes).toString('utf8')])).toEqual([
      ['db/CURRENT', 'MANIFEST-000005\n'],
    ]);
    expect(Buffer.from(FIXED, 'hex').subarray(0, 8)).toEqual(ARCHIVE_MAGIC);
  });

  it('tells a file cut short, damaged, of another team or not one at all', () => {
    const whole = sealArchive([{ path: 'db/000004.log', bytes: Buffer.alloc(3 * 1024 * 1024, 7) }], keys.stick);
    expect(openArchive(whole, keys.stick).ok).toBe(true);
    for (const cut of [8, 40, 1000, whole.byteLength - 1]) {
      expect(openArchive(whole.subarray(0, cut), keys.stick)).toMatchObject({
        ok: false,
        error: { code: 'incomplete' },
      });
    }
    const flipped = Buffer.from(whole);
    flipped[2 * 1024 * 1024] = flipped[2 * 1024 * 1024]! ^ 1;
    expect(openArchive(flipped, keys.stick)).toMatchObject({ ok: false, error: { code: 'damaged' } });
    expect(
      openArchive(whole, deriveTeamKeys({ teamId: TEAM.teamId, secret: Buffer.alloc(32, 5) }).stick),
    ).toMatchObject({ ok: false, error: { code: 'wrong-key-or-damaged' } });
    expect(openArchive(Buffer.from('PK\u0003\u0004 a zip file'), keys.stick)).toMatchObject({
      ok: false,
      error: { code: 'not-archive' },
    });
    expect(openArchive(Buffer.concat([whole, Buffer.from('x')]), keys.stick)).toMatchObject({
      ok: false,
      error: { code: 'damaged' },
    });
  });

  it('refuses paths that would leave the working copy', () => {
    const evil = packContainer([{ path: '../../.ssh/authorized_keys', bytes: Buffer.from('x') }]);
    expect(unpackContainer(evil)).toMatchObject({ ok: false, error: { code: 'damaged' } });
    const dup = packContainer([
      { path: 'db/CURRENT', bytes: Buffer.from('a') },
      { path: 'db/CURRENT', bytes: Buffer.from('b') },
    ]);
    expect(unpackContainer(dup)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('appears twice') as unknown },
    });
  });
});
