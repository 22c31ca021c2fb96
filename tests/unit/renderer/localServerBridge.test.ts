import { describe, expect, it } from 'vitest';

import { createLocalServerBridge } from '@renderer/platform/localServer';

type Sent = { url: string; init: RequestInit };

function recordingFetch(reply: unknown, sent: Sent[]): typeof fetch {
  return (input, init) => {
    sent.push({ url: typeof input === 'string' ? input : 'not a string', init: init ?? {} });
    return Promise.resolve(new Response(JSON.stringify(reply)));
  };
}

describe("the browser edition's bridge to its local server", () => {
  it('posts each channel to its own path on the page origin, with the secret in a header and never in the address', async () => {
    const sent: Sent[] = [];
    const bridge = createLocalServerBridge('f'.repeat(64), recordingFetch({ ok: true, value: { text: '{}' } }, sent));
    const reply = await bridge.readBackup({ name: 'auto-20260101-120000-000.json' });
    expect(reply).toEqual({ ok: true, value: { text: '{}' } });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('/ipc/backup:read');
    expect(sent[0]?.url).not.toContain('f'.repeat(8));
    expect(sent[0]?.init.method).toBe('POST');
    expect(sent[0]?.init.headers).toEqual({ 'content-type': 'application/json', 'x-desk-token': 'f'.repeat(64) });
    expect(sent[0]?.init.body).toBe('{"name":"auto-20260101-120000-000.json"}');
    await bridge.listBackups(undefined);
    expect(sent[1]?.init.body).toBe('');
  });

  it('turns a server that does not answer into a failure in words', async () => {
    const bridge = createLocalServerBridge('f'.repeat(64), () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await bridge.listBackups(undefined)).toEqual({
      ok: false,
      error: {
        code: 'io-failed',
        message: 'The desk’s local server is not answering: start it again with "npm run web", then reload this page.',
      },
    });
  });
});
