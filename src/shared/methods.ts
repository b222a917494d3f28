// The names of the API methods the preload exposes as window.kruispost. Kept free of imports so
// the sandboxed preload bundles nothing else; contract.ts checks it has a schema for each.
export const METHODS = ['getSettings', 'setLanguage', 'getAppInfo'] as const;

export type Method = (typeof METHODS)[number];

export const CHANNEL_PREFIX = 'kruispost:';
