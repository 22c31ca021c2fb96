import { describe, expect, it, vi } from 'vitest';

import { CHANNELS } from '@shared/ipc/channels';
import { ipcContract } from '@shared/ipc/contract';

// The preload runs in the sandboxed page; here it runs against a recording `electron`, so what it
// puts on `window.desk` can be compared with the contract, method by method.
const recorded = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as { channel: string; request: unknown }[],
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => recorded.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, request: unknown) => {
      recorded.invoked.push({ channel, request });
      return Promise.resolve({ ok: true, value: null });
    },
  },
}));

describe('preload', () => {
  it("exposes exactly the contract's methods as window.desk, frozen, and nothing else", async () => {
    await import('@main/preload/index');
    expect([...recorded.exposed.keys()]).toEqual(['desk']);
    const desk = recorded.exposed.get('desk') as Record<string, (request: unknown) => Promise<unknown>>;
    expect(Object.isFrozen(desk)).toBe(true);
    expect(Object.keys(desk).sort()).toEqual(Object.keys(CHANNELS).sort());
    expect(Object.values(CHANNELS).sort()).toEqual(Object.keys(ipcContract).sort());
    for (const [method, channel] of Object.entries(CHANNELS)) {
      expect(typeof desk[method]).toBe('function');
      await desk[method]?.({ probe: method });
      expect(recorded.invoked.at(-1)).toEqual({ channel, request: { probe: method } });
    }
    // No generic door: nothing that takes a channel name, no ipcRenderer, no event objects.
    expect(Object.keys(desk)).not.toContain('invoke');
    expect(Object.values(desk).every((f) => f.length === 1)).toBe(true);
  });
});
