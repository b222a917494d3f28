// Exposes exactly the contract's methods as window.kruispost: no generic invoke, no process, no env.
import { contextBridge, ipcRenderer } from 'electron';
import type { KruispostApi } from '../shared/contract';
import { CHANNEL_PREFIX, METHODS } from '../shared/methods';

const api = Object.fromEntries(
  METHODS.map((method) => [method, (...args: unknown[]) => ipcRenderer.invoke(CHANNEL_PREFIX + method, ...args)]),
) as unknown as KruispostApi;

contextBridge.exposeInMainWorld('kruispost', Object.freeze(api));
