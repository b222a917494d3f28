// Exposes exactly the contract's methods as window.kruispost: no generic invoke, no process, no env.
// Answers come from main as the envelope's JSON in bytes (main never parses them); decoded here.
import { contextBridge, ipcRenderer } from 'electron';
import type { KruispostApi } from '../shared/contract';
import { CHANNEL_PREFIX, METHODS } from '../shared/methods';

const decoder = new TextDecoder();
const decode = (answer: unknown): unknown => (answer instanceof Uint8Array ? JSON.parse(decoder.decode(answer)) : answer);

const api = Object.fromEntries(
  METHODS.map((method) => [method, async (...args: unknown[]) => decode(await ipcRenderer.invoke(CHANNEL_PREFIX + method, ...args))]),
) as unknown as KruispostApi;

contextBridge.exposeInMainWorld('kruispost', Object.freeze(api));
