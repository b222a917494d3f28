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
