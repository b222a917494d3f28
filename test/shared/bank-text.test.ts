// SEPA structured descriptions of bank-feed lines (MT940 :86: / CAMT.053 as AFAS imports them),
// in the shapes ABN AMRO, ING and Rabobank write them.
import { describe, expect, it } from 'vitest';
import { bankTextReferences, displayText, parseBankText } from '../../src/shared/bank-text';

const MOSS_IBAN = 'NL91ABNA0417164300';

describe('ABN AMRO', () => {
  it('a SEPA transfer: counterparty and remittance apart, EREF NOTPROVIDED is no reference', () => {
    const t = parseBankText(`/TRTP/SEPA OVERBOEKING/IBAN/${MOSS_IBAN}/BIC/ABNANL2A/NAME/MOSS FINANCIAL SERVICES B.V./REMI/Opwaardering wallet juni/EREF/NOTPROVIDED`)!;
    expect(t.transactionType).toBe('SEPA OVERBOEKING');
    expect(t.counterparty).toEqual({ iban: MOSS_IBAN, bic: 'ABNANL2A', name: 'MOSS FINANCIAL SERVICES B.V.', address: null, city: null });
    expect(t.remittance).toBe('Opwaardering wallet juni');
    expect(t.endToEnd).toBeNull();
    expect(t.references).toEqual([]);
  });

  it('a structured creditor reference in REMI (16-digit betalingskenmerk) comes first', () => {
    const t = parseBankText(`/TRTP/SEPA OVERBOEKING/IBAN/NL86INGB0002445588/BIC/INGBNL2A/NAME/BELASTINGDIENST/REMI//CDTRREFTP//CD/SCOR/ISSR/CUR/CDTRREF/1234 5678 9012 3456/EREF/20250612-000123`)!;
    expect(t.structuredReference).toBe('1234567890123456');
    expect(t.references[0]).toBe('1234567890123456');
    expect(t.references).toContain('20250612-000123');
    expect(t.counterparty.name).toBe('BELASTINGDIENST');
  });

  it('a SEPA direct debit: mandate and creditor id are not references, the remittance is', () => {
    const t = parseBankText('/TRTP/SEPA Incasso algemeen doorlopend/CSID/NL63ZZZ323034890000/NAME/KPN B.V./MARF/0012345678/REMI/Factuur 2025/0117 klant 4400123/IBAN/NL20INGB0001234567/BIC/INGBNL2A/EREF/8740123456789012')!;
    expect(t.mandate).toBe('0012345678');
    expect(t.creditorId).toBe('NL63ZZZ323034890000');
    expect(t.remittance).toBe('Factuur 2025/0117 klant 4400123'); // a value may contain '/'
    expect(t.references).toEqual(expect.arrayContaining(['0117', '4400123', '8740123456789012']));
    for (const r of t.references) expect(['nl63zzz323034890000', '0012345678', 'nl20ingb0001234567', 'ingbnl2a']).not.toContain(r.toLowerCase());
  });
});

describe('ING', () => {
  const ing = `/EREF/TU-1-0042//CNTP/${MOSS_IBAN}/ABNANL2A/MOSS FINANCIAL SERVICES B.V./AMSTERDAM///REMI/USTD//Top-up TU-1-0042/`;

  it('EREF, CNTP (IBAN/BIC/NAME/CITY) and REMI/USTD', () => {
    const t = parseBankText(ing)!;
    expect(t.endToEnd).toBe('TU-1-0042');
    expect(t.counterparty).toEqual({ iban: MOSS_IBAN, bic: 'ABNANL2A', name: 'MOSS FINANCIAL SERVICES B.V.', address: null, city: 'AMSTERDAM' });
    expect(t.remittance).toBe('Top-up TU-1-0042');
    expect(t.references).toEqual(expect.arrayContaining(['TU-1-0042', '0042']));
    expect(t.references.map((r) => r.toLowerCase())).not.toContain(MOSS_IBAN.toLowerCase());
  });

  it('lines wrapped at 65 characters join without spaces', () => {
    const wrapped = (ing.match(/.{1,65}/g) ?? []).join('\r\n');
    expect(wrapped).toContain('\n');
    expect(parseBankText(wrapped)).toEqual(parseBankText(ing));
  });

  it('REMI/STRD: the structured reference (an RF creditor reference)', () => {
    const t = parseBankText('/EREF/NOTPROVIDED//CNTP/NL86INGB0002445588/INGBNL2A/Belastingdienst/Apeldoorn///REMI/STRD/CUR/RF18 5390 0754 7034/')!;
    expect(t.structuredReference).toBe('RF18539007547034');
    expect(t.references).toEqual(['RF18539007547034']);
  });

  it('a batch: PREF and the number of transactions', () => {
    const t = parseBankText('/PREF/SCT20250609-0007//NRTX/12/')!;
    expect(t.batch).toBe('SCT20250609-0007');
    expect(t.transactions).toBe(12);
    expect(t.references).toContain('SCT20250609-0007');
  });

  it('a returned payment: the return reason', () => {
    const t = parseBankText(`/RTRN/MS03/EREF/TU-1-0042//CNTP/${MOSS_IBAN}/ABNANL2A/MOSS FINANCIAL SERVICES B.V.////REMI/USTD//TU-1-0042/`)!;
    expect(t.returnReason).toBe('MS03');
    expect(t.counterparty.name).toBe('MOSS FINANCIAL SERVICES B.V.');
  });
});

describe('Rabobank', () => {
  it('a payment: EREF, BENM with NAME, REMI, ISDT', () => {
    const t = parseBankText('/EREF/TU-1-0051//BENM//NAME/MOSS FINANCIAL SERVICES B.V./REMI/TU-1-0051/ISDT/2025-06-05')!;
    expect(t.counterparty.name).toBe('MOSS FINANCIAL SERVICES B.V.');
    expect(t.remittance).toBe('TU-1-0051');
    expect(t.references).toEqual(expect.arrayContaining(['TU-1-0051', '0051']));
    expect(t.references).not.toContain('2025-06-05');
  });

  it('a received payment: ORDP with NAME, ADDR and ID', () => {
    const t = parseBankText('/EREF/NOTPROVIDED/ORDP//NAME/Jansen Installatietechniek/ADDR/Dorpsstraat 1 Utrecht/ID/KVK12345678/REMI/Factuur 2025-0117/ISDT/2025-06-02')!;
    expect(t.counterparty).toEqual({ iban: null, bic: null, name: 'Jansen Installatietechniek', address: 'Dorpsstraat 1 Utrecht', city: null });
    expect(t.references).toEqual(expect.arrayContaining(['0117']));
    expect(t.references.map((r) => r.toLowerCase())).not.toContain('kvk12345678');
  });
});

describe('not structured', () => {
  it('free text is not parsed', () => {
    expect(parseBankText('Overboeking Moss Financials 88812345')).toBeNull();
    expect(parseBankText('Huur kantoor juni/juli')).toBeNull();
    expect(parseBankText(null)).toBeNull();
    expect(bankTextReferences('Overboeking Moss Financials 88812345')).toBeNull();
  });

  it('free text before the first code word stays part of the remittance', () => {
    const t = parseBankText('MOSS FINANCIAL SERVICES B.V. TU-1-0042 /TRTP/SEPA OVERBOEKING/IBAN/NL91ABNA0417164300/BIC/ABNANL2A')!;
    expect(t.remittance).toBe('MOSS FINANCIAL SERVICES B.V. TU-1-0042');
    expect(t.references).toContain('0042');
  });
});

describe('displayText', () => {
  it('shows counterparty and remittance instead of the code string', () => {
    expect(displayText(`/TRTP/SEPA OVERBOEKING/IBAN/${MOSS_IBAN}/BIC/ABNANL2A/NAME/MOSS FINANCIAL SERVICES B.V./REMI/Opwaardering wallet juni/EREF/NOTPROVIDED`)).toBe(
      `MOSS FINANCIAL SERVICES B.V. (${MOSS_IBAN}) · Opwaardering wallet juni`,
    );
    expect(displayText('/PREF/SCT20250609-0007//NRTX/12/')).toBe('Batch SCT20250609-0007 (12)');
    expect(displayText('Huur kantoor')).toBe('Huur kantoor');
    expect(displayText(null)).toBe('');
  });
});
