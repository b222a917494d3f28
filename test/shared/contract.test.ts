// The IPC contract refuses odd input before any handler sees it.
import { describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';

const ok = (method: keyof typeof contract, args: unknown[]) => contract[method].safeParse(args).success;

describe('contract: line keys', () => {
  it('accepts a key of safe integers, refuses unsafe or non-canonical numbers in it', () => {
    expect(ok('addNote', [1, '1/MOSI/1234/2', 'x', 'anna'])).toBe(true);
    expect(ok('addNote', [1, `1/MOSI/${Number.MAX_SAFE_INTEGER}/1`, 'x', 'anna'])).toBe(true);
    for (const key of ['1/MOSI/1e+21/1', '1/MOSI/1000000000000000000000/1', '1/MOSI/9007199254740993/1', '1/MOSI/9007199254740992/1', '99999999999999999/MOSI/1/1', '1/MOSI/1/9007199254740993', '1/MOSI/01/1']) {
      expect(ok('addNote', [1, key, 'x', 'anna']), key).toBe(false);
      expect(ok('getLineDetail', [1, '20990', { year: 2025, month: 6 }, key]), key).toBe(false);
    }
  });
});

describe('contract: administrations', () => {
  const moss = { balanceAccount: '11050', cashInTransitAccount: '20990', defaultSupplier: '700123', purchaseJournal: 'MOSI', bankJournal: 'MOSB', bankAccounts: ['11000'] };
  const nmbrs = { journal: 'LON', netWagesAccount: '1610', payrollTaxAccount: '1620', bankAccounts: ['11000'] };
  it('takes any set of profiles, at least one; the old Moss-only shape too', () => {
    expect(ok('saveAdministration', [{ unitId: 1, profile: 'moss', moss }])).toBe(true);
    expect(ok('saveAdministration', [{ unitId: 1, moss, nmbrs: { ...nmbrs, pensionAccount: '1630' } }])).toBe(true);
    expect(ok('getReadiness', [{ unitId: 1, nmbrs }])).toBe(true);
    expect(ok('saveAdministration', [{ unitId: 1, spendcloud: { journal: 'INK', transitoryAccounts: ['24302'] } }])).toBe(true);
    expect(ok('saveAdministration', [{ unitId: 1, spendcloud: { journal: 'INK', transitoryAccounts: [] } }])).toBe(false);
    expect(ok('saveAdministration', [{ unitId: 1 }])).toBe(false);
    expect(ok('saveAdministration', [{ unitId: 1, profile: 'moss', nmbrs }])).toBe(false);
    expect(ok('saveAdministration', [{ unitId: 1, nmbrs: { ...nmbrs, extra: 1 } }])).toBe(false);
  });
});
