import { describe, expect, it } from 'vitest';
import { classicTokenAuth, parseClassicToken } from '../../src/main/afas/classic-token';
import { AppFailure } from '../../src/shared/errors';

const DATA = '0123456789ABCDEF'.repeat(4);
const XML = `<token><version>1</version><data>${DATA}</data></token>`;

describe('parseClassicToken', () => {
  it('accepts the whole XML, only the data, with spaces and line breaks', () => {
    expect(parseClassicToken(XML)).toBe(XML);
    expect(parseClassicToken(`  ${DATA}\n`)).toBe(XML);
    expect(parseClassicToken(`${DATA.slice(0, 30)}\r\n ${DATA.slice(30)}`)).toBe(XML);
    expect(parseClassicToken(`<token>\n  <version>1</version>\n  <data>\n${DATA}\n</data>\n</token>\n`)).toBe(XML);
  });

  it('refuses what is not a token, without echoing the paste', () => {
    for (const bad of ['', DATA.slice(1), `${DATA}0`, DATA.replace('A', 'G'), XML.replace('<version>1', '<version>2'), '<token><data></data></token>']) {
      try {
        parseClassicToken(bad);
        expect.unreachable(bad);
      } catch (e) {
        expect(e).toBeInstanceOf(AppFailure);
        const err = (e as AppFailure).appError;
        expect(err.code).toBe('afas.token.malformed');
        expect(err.action?.nl).toContain('App connector');
        expect(JSON.stringify(err)).not.toContain(DATA.slice(0, 20));
      }
    }
  });
});

describe('classicTokenAuth', () => {
  it('sends AfasToken + base64 of the UTF-8 XML', async () => {
    const headers = await classicTokenAuth(` ${DATA} `).headers('GET', 'https://x/ProfitRestServices/metainfo');
    expect(headers.authorization).toBe(`AfasToken ${Buffer.from(XML, 'utf8').toString('base64')}`);
  });
});
