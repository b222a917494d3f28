// The CLI configuration names what it does not know, with the key that was probably meant.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/main/cli/config';
import { UsageError } from '../../src/main/cli/errors';
import { mossConfig } from './helpers';

function usage(value: unknown): UsageError {
  try {
    parseConfig(value, 'kruispost.json');
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error('expected a UsageError');
}

describe('CLI config: unknown keys', () => {
  it('refuses a typo in the Moss profile and suggests the key that was meant', () => {
    const config = mossConfig([1]) as { administrations: { moss: Record<string, unknown> }[] };
    config.administrations[0]!.moss.merchantCreditor = ['700200'];
    const e = usage(config);
    expect(e.fields).toContain('administrations[0].moss.merchantCreditor');
    expect(e.text.en).toContain('administrations[0].moss.merchantCreditor');
    expect(e.text.en).toMatch(/unknown key.*did you mean "merchantCreditors"\?/);
    expect(e.text.nl).toMatch(/onbekende sleutel.*bedoelt u "merchantCreditors"\?/);
  });

  it('names unknown keys at every level, with a suggestion only when one is close', () => {
    const e = usage({ ...mossConfig([1]), synFrom: '2025-01', colour: 'blue', environment: { number: '12345', type: 'production', baseURL: 'x' } });
    expect(e.fields).toEqual(expect.arrayContaining(['synFrom', 'colour', 'environment.baseURL']));
    expect(e.text.en).toContain('"syncFrom"');
    expect(e.text.en).toContain('"baseUrl"');
    expect(e.text.en).toMatch(/colour: unknown key(?!.*did you mean)/);
  });

  it('still accepts a valid file ($schema and $comment are allowed for editors)', () => {
    expect(parseConfig({ ...mossConfig([1]), $schema: './kruispost.schema.json', $comment: 'month-end' }, 'k.json').administrations).toHaveLength(1);
  });
});

describe('CLI config: profiles', () => {
  const nmbrs = { journal: 'LON', netWagesAccount: '1610', payrollTaxAccount: '1620', pensionAccount: '1630', bankAccounts: ['11000'] };
  const moss = (mossConfig([1]) as { administrations: { moss: Record<string, unknown> }[] }).administrations[0]!.moss;
  const withAdmin = (a: Record<string, unknown>) => ({ ...mossConfig([1]), administrations: [{ unitId: 1, ...a }] });

  it('accepts Moss and Nmbrs together (no "profile" key), and the old Moss-only shape as before', () => {
    const both = parseConfig(withAdmin({ moss, nmbrs }), 'k.json').administrations[0]!;
    expect(both.moss?.cashInTransitAccount).toBe('20990');
    expect(both.nmbrs).toEqual(nmbrs);
    expect(both.profile).toBeUndefined();
    const old = parseConfig(mossConfig([1]), 'k.json').administrations[0]!;
    expect(old.profile).toBe('moss');
    expect(old.nmbrs).toBeUndefined();
    const { pensionAccount: _, ...noPension } = nmbrs;
    expect(parseConfig(withAdmin({ nmbrs: noPension }), 'k.json').administrations[0]!.nmbrs).toEqual(noPension);
  });

  it('refuses an administration without a profile, or "profile" naming a key that is missing', () => {
    expect(usage(withAdmin({})).text.en).toContain('name at least one profile: moss, nmbrs, declaree, spendcloud');
    const e = usage(withAdmin({ profile: 'moss', nmbrs }));
    expect(e.fields).toContain('administrations[0].moss');
    expect(e.text.en).toContain('"profile": "moss" needs the key "moss"');
  });

  it('names a missing or misspelt Nmbrs field', () => {
    const { payrollTaxAccount: _, ...missing } = nmbrs;
    expect(usage(withAdmin({ nmbrs: missing })).fields).toContain('administrations[0].nmbrs.payrollTaxAccount');
    const typo = usage(withAdmin({ nmbrs: { ...nmbrs, pensionAcount: '1630' } }));
    expect(typo.text.en).toMatch(/administrations\[0\]\.nmbrs\.pensionAcount: unknown key — did you mean "pensionAccount"\?/);
  });

  it('accepts Spend Cloud with its transitory accounts, names a missing or misspelt field', () => {
    const spendcloud = { journal: 'INK', transitoryAccounts: ['24302'] };
    const all = parseConfig(withAdmin({ moss, nmbrs, spendcloud }), 'k.json').administrations[0]!;
    expect(all.spendcloud).toEqual(spendcloud);
    expect(usage(withAdmin({ spendcloud: { journal: 'INK', transitoryAccounts: [] } })).fields).toContain('administrations[0].spendcloud.transitoryAccounts');
    expect(usage(withAdmin({ spendcloud: { ...spendcloud, transitoryAccount: '24302' } })).text.en).toMatch(/spendcloud\.transitoryAccount: unknown key — did you mean "transitoryAccounts"\?/);
    const e = usage(withAdmin({ moss, spendcloud: { journal: 'INK', transitoryAccounts: ['20990'] } }));
    expect(e.fields).toEqual(['administrations[0].moss.cashInTransitAccount', 'administrations[0].spendcloud.transitoryAccounts[0]']);
  });

  it('refuses one clearing account for two roles, naming both fields', () => {
    const e = usage(withAdmin({ moss, nmbrs: { ...nmbrs, netWagesAccount: '20990' } }));
    expect(e.fields).toEqual(['administrations[0].moss.cashInTransitAccount', 'administrations[0].nmbrs.netWagesAccount']);
    expect(e.text.nl).toContain('rekening 20990');
  });

  it('reads a Declaree profile with its optional fields, and names a typo in it', () => {
    const declaree = { journal: 'DEC', paymentsInTransitAccount: '1960', employeeCreditors: ['800101'], paymentCycleDays: 21 };
    const config = { ...mossConfig([1]), administrations: [{ unitId: 1, declaree }] };
    expect(parseConfig(config, 'k.json').administrations[0]!.declaree).toEqual(declaree);
    const e = usage({ ...config, administrations: [{ unitId: 1, declaree: { ...declaree, paymentCycleDay: 10 } }] });
    expect(e.fields).toContain('administrations[0].declaree.paymentCycleDay');
    expect(e.text.en).toContain('"paymentCycleDays"');
    expect(usage({ ...config, administrations: [{ unitId: 1, declaree: { journal: 'DEC' } }] }).fields.join()).toContain('paymentsInTransitAccount');
  });
});
