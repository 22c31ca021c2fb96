import { describe, expect, it } from 'vitest';

import { CHANNELS } from '@shared/ipc/channels';
import { describeIssues, ipcContract, ipcResultSchema } from '@shared/ipc/contract';

const save = ipcContract[CHANNELS.saveFile].request;
const open = ipcContract[CHANNELS.openFile].request;
const valid = {
  suggestedName: 'record.json',
  content: '{}',
  encoding: 'utf8',
  filters: [{ name: 'JSON', extensions: ['json'] }],
};

describe('IPC contract', () => {
  it('accepts a well-formed save request', () => {
    expect(save.safeParse(valid).success).toBe(true);
  });

  it.each([
    ['a path instead of a name', { ...valid, suggestedName: '../../etc/passwd' }, 'suggestedName: must be a file name'],
    ['a Windows path', { ...valid, suggestedName: 'C:\\temp\\x.json' }, 'suggestedName'],
    ['an unknown encoding', { ...valid, encoding: 'latin1' }, 'encoding'],
    [
      'a dotted extension',
      { ...valid, filters: [{ name: 'JSON', extensions: ['.json'] }] },
      'extension must be letters or digits',
    ],
    ['no content', { suggestedName: 'x.json', encoding: 'utf8', filters: [] }, 'content'],
  ])('refuses a save request with %s, naming the field', (_label, payload, words) => {
    const r = save.safeParse(payload);
    expect(r.success).toBe(false);
    if (!r.success) expect(describeIssues(r.error)).toContain(words);
  });

  it('caps how much a file open may read', () => {
    expect(open.safeParse({ filters: [], maxBytes: 1024 }).success).toBe(true);
    expect(open.safeParse({ filters: [], maxBytes: 10 * 1024 * 1024 * 1024 }).success).toBe(false);
  });

  it('checks replies as ok or a named error', () => {
    const reply = ipcResultSchema(ipcContract[CHANNELS.saveFile].response);
    expect(reply.safeParse({ ok: true, value: { savedTo: null } }).success).toBe(true);
    expect(reply.safeParse({ ok: false, error: { code: 'forbidden', message: 'no' } }).success).toBe(true);
    expect(reply.safeParse({ ok: false, error: { code: 'oops', message: 'no' } }).success).toBe(false);
    expect(reply.safeParse({ ok: true, value: { savedTo: 42 } }).success).toBe(false);
  });
});
