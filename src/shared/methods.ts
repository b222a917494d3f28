// The names of the API methods the preload exposes as window.kruispost. Kept free of imports so
// the sandboxed preload bundles nothing else; contract.ts checks it has a schema for each.
export const METHODS = [
  'getSettings',
  'setLanguage',
  'getAppInfo',
  // workspace and connection (first run)
  'getWorkspace',
  'saveEnvironment',
  'storeClassicToken',
  'signInWithAfas',
  'signOutAfas',
  'testConnection',
  'getReadiness',
  'getChoices',
  'saveAdministration',
  'startDemo',
  'leaveDemo',
  // sync
  'startSync',
  'getSyncStatus',
  'cancelSync',
  // the month's picture and the controller's decisions
  'getResult',
  'getAccountLines',
  'getLineDetail',
  'confirmMatch',
  'acceptSuggestion',
  'acceptExactSuggestions',
  'categoriseItem',
  'unmatch',
  'undo',
  'addNote',
  'signOff',
  'rejectSignOff',
  'setTolerance',
  'getLineHistory',
  'setWalletBalance',
  'exportWorkbook',
] as const;

export type Method = (typeof METHODS)[number];

export const CHANNEL_PREFIX = 'kruispost:';
