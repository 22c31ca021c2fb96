import { contextBridge, ipcRenderer } from 'electron';

import { CHANNELS, type BridgeMethod } from '../../shared/ipc/channels';
import type { DeskBridge } from '../../shared/ipc/contract';

// SECURITY: one method per channel of the contract and nothing else, each bound to its own
// channel name: no generic invoke, no ipcRenderer, no event objects reach the page. Main checks
// every request and the renderer checks every reply, so the cast below only names what those
// checks guarantee.
// This file imports `electron` and the channel names only: a sandboxed preload cannot load
// modules at run time, and the schemas (zod) stay out of the bundle.
const bridge = Object.fromEntries(
  (Object.keys(CHANNELS) as BridgeMethod[]).map((method) => [
    method,
    (request: unknown) => ipcRenderer.invoke(CHANNELS[method], request),
  ]),
) as DeskBridge;

contextBridge.exposeInMainWorld('desk', Object.freeze(bridge));
