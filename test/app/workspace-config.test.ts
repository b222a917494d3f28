// A stored workspace that cannot be read is reported and kept, never silently replaced by an empty
// one (the next save would have overwritten the controller's environment and administrations).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMonthEnd } from '../../src/main/app/month-end';
import { workspaceConfigStore } from '../../src/main/app/workspace-config';
import { memorySecretStore } from '../../src/main/secrets/memory';
import { createSettingsStore } from '../../src/main/store/settings';
import { isAppFailure } from '../../src/shared/errors';
import { tmpDb } from '../sync/helpers';

let t: ReturnType<typeof tmpDb>;
beforeEach(() => {
  t = tmpDb();
});
afterEach(() => t.cleanup());

function failure(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (isAppFailure(e)) return e.appError;
    throw e;
  }
  throw new Error('expected a failure');
}

describe('stored workspace configuration', () => {
  it.each([
    ['not JSON', '{"environment":{"number":"12345"'],
    ['the wrong shape', '{"environment":{"number":12345},"administrations":"1"}'],
    ['not an object', '[1,2,3]'],
  ])('%s: says so in Dutch and English, and keeps the row untouched on read and on save', (_what, stored) => {
    const settings = createSettingsStore(t.db);
    settings.set('workspace', stored);
    const config = workspaceConfigStore(t.db);
    const err = failure(() => config.read());
    expect(err.code).toBe('workspace.config-corrupt');
    expect(err.message.nl).toMatch(/beschadigd/);
    expect(err.message.en).toMatch(/damaged/);
    expect(err.action?.en).toBeTruthy();
    expect(failure(() => config.update((c) => ({ ...c, syncFrom: '2025-01' }))).code).toBe('workspace.config-corrupt');
    expect(settings.get('workspace')).toBe(stored);
  });

  it('the orchestrator reports it on every call instead of showing an empty workspace', async () => {
    createSettingsStore(t.db).set('workspace', '{oops');
    const me = createMonthEnd({ db: t.db, secrets: memorySecretStore(), dataDir: t.dir });
    try {
      expect(failure(() => me.workspace()).code).toBe('workspace.config-corrupt');
      expect(failure(() => me.saveAdministration({ unitId: 1, profile: 'moss', moss: { balanceAccount: '1', cashInTransitAccount: '2', defaultSupplier: '3', purchaseJournal: 'P', bankJournal: 'B', bankAccounts: ['4'] } })).code).toBe(
        'workspace.config-corrupt',
      );
      expect(createSettingsStore(t.db).get('workspace')).toBe('{oops');
    } finally {
      await me.close();
    }
  });

  it('an absent row is an empty workspace, as before', () => {
    expect(workspaceConfigStore(t.db).read()).toMatchObject({ environment: null, administrations: [], authKind: 'classic' });
  });
});
