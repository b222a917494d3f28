// Master data of the demo environment: administrations, ledger accounts, journals, creditors.
export const DEMO_ENV_ID = '12345';

export const DEMO_UNITS = [
  { unitId: 1, name: 'Kruispost Demo B.V.', code: 'KPD' },
  { unitId: 2, name: 'Kruispost Demo Services B.V.', code: 'KPS' },
] as const;

export const ACC = {
  bank: '11000',
  mossBalance: '11050',
  vat: '1520',
  creditorsControl: '1600',
  cashInTransit: '20990',
  transitory: '24302',
  netWages: '1610',
  payrollTax: '1620',
  pension: '1630',
  paymentsInTransit: '1960',
  wages: '4000',
  socialCharges: '4010',
  pensionCosts: '4020',
  rent: '4300',
  bankCosts: '4310',
  travel: '4500',
  software: '4600',
  office: '4700',
  meals: '4800',
  suspense: '4999',
  revenue: '8000',
} as const;

export const ACCOUNTS: { id: string; description: string; type: string; sort: string }[] = [
  { id: ACC.bank, description: 'ING Bank zakelijk', type: 'Balans', sort: 'Liquide middelen' },
  { id: ACC.mossBalance, description: 'Moss Balance', type: 'Balans', sort: 'Liquide middelen' },
  { id: ACC.vat, description: 'Te vorderen btw', type: 'Balans', sort: 'Vorderingen' },
  { id: ACC.creditorsControl, description: 'Crediteuren', type: 'Balans', sort: 'Schulden' },
  { id: ACC.cashInTransit, description: 'Kruisposten / Cash in Transit', type: 'Balans', sort: 'Liquide middelen' },
  { id: ACC.transitory, description: 'Vooruitbetaalde kosten (transitoria Spend Cloud)', type: 'Balans', sort: 'Vorderingen' },
  { id: ACC.netWages, description: 'Te betalen nettolonen', type: 'Balans', sort: 'Schulden' },
  { id: ACC.payrollTax, description: 'Af te dragen loonheffing', type: 'Balans', sort: 'Schulden' },
  { id: ACC.pension, description: 'Af te dragen pensioenpremies', type: 'Balans', sort: 'Schulden' },
  { id: ACC.paymentsInTransit, description: 'Betalingen onderweg', type: 'Balans', sort: 'Liquide middelen' },
  { id: ACC.wages, description: 'Lonen en salarissen', type: 'Winst & verlies', sort: 'Kosten' },
  { id: ACC.socialCharges, description: 'Sociale lasten', type: 'Winst & verlies', sort: 'Kosten' },
  { id: ACC.pensionCosts, description: 'Pensioenlasten', type: 'Winst & verlies', sort: 'Kosten' },
  { id: ACC.rent, description: 'Huur kantoor', type: 'Winst & verlies', sort: 'Kosten' },
  { id: ACC.bankCosts, description: 'Bankkosten', type: 'Winst & verlies', sort: 'Kosten' },
  { id: ACC.travel, description: 'Reiskosten', type: 'Winst & verlies', sort: 'Kosten' },
  { id: ACC.software, description: 'Software en abonnementen', type: 'Winst & verlies', sort: 'Kosten' },
  { id: ACC.office, description: 'Kantoorbenodigdheden', type: 'Winst & verlies', sort: 'Kosten' },
  { id: ACC.meals, description: 'Representatie en maaltijden', type: 'Winst & verlies', sort: 'Kosten' },
  { id: ACC.suspense, description: 'Vraagposten', type: 'Balans', sort: 'Overig' },
  { id: ACC.revenue, description: 'Omzet dienstverlening', type: 'Winst & verlies', sort: 'Opbrengsten' },
];

export const JOURNALS: { id: string; description: string; type: string }[] = [
  { id: 'MOSI', description: 'Moss inkoop', type: 'Inkoop' },
  { id: 'MOSB', description: 'Moss bank', type: 'Financieel' },
  { id: 'BNK', description: 'ING Bank', type: 'Financieel' },
  { id: 'MEM', description: 'Memoriaal', type: 'Memoriaal' },
  { id: 'LON', description: 'Nmbrs loonjournaal', type: 'Memoriaal' },
  { id: 'DEC', description: 'Declaree declaraties', type: 'Memoriaal' },
  { id: 'BTO', description: 'Betaalopdrachten', type: 'Financieel' },
  { id: 'INK', description: 'Inkoopfacturen', type: 'Inkoop' },
  { id: 'VRK', description: 'Verkoopfacturen', type: 'Verkoop' },
  // A journal nobody books in: what a wrong choice in the setup looks like (no lines).
  { id: 'KAS', description: 'Kas', type: 'Kas' },
];

export const DEFAULT_SUPPLIER = '700123';

/** Employees who claim expenses through Declaree (administration 1): each is a creditor in AFAS. */
export const EMPLOYEES: { id: string; name: string; iban: string }[] = [
  'A. de Vries', 'B. Jansen', 'C. Bakker', 'D. Visser', 'E. Smit', 'F. Meijer', 'G. de Boer', 'H. Mulder',
  'I. de Groot', 'J. Bos', 'K. Vos', 'L. Peters', 'M. Hendriks', 'N. van Leeuwen', 'P. Dekker',
].map((name, i) => ({ id: String(800101 + i), name, iban: `NL${String(10 + i * 5).padStart(2, '0')}${['INGB', 'ABNA', 'RABO'][i % 3]}0${String(312_000_000 + i * 7919).padStart(9, '0')}` }));

export const CREDITORS: { id: string; name: string; iban: string | null }[] = [
  { id: DEFAULT_SUPPLIER, name: 'Moss Default Supplier', iban: null },
  { id: '700201', name: 'NS Reizigers B.V.', iban: 'NL15INGB0000123456' },
  { id: '700202', name: 'KLM Royal Dutch Airlines', iban: 'NL32ABNA0000456789' },
  { id: '700203', name: 'Amazon Web Services EMEA SARL', iban: 'LU280019400644750000' },
  { id: '700204', name: 'Coolblue B.V.', iban: 'NL20RABO0000987654' },
  { id: '700205', name: 'Albert Heijn B.V.', iban: 'NL69INGB0000246810' },
  { id: '700300', name: 'Kantoorpand Utrecht Vastgoed B.V.', iban: 'NL91ABNA0417164300' },
  ...EMPLOYEES,
];

/** What a card is used for: expense account, VAT rate (%), gross range in cents, merchants. */
export const SPEND_CATEGORIES: {
  account: string;
  vatRates: number[];
  min: number;
  max: number;
  merchants: { name: string; creditor: string | null }[];
}[] = [
  {
    account: ACC.travel,
    vatRates: [9, 0],
    min: 350,
    max: 45_000,
    merchants: [
      { name: 'NS Reizigers', creditor: '700201' },
      { name: 'KLM', creditor: '700202' },
      { name: 'Uber', creditor: null },
      { name: 'Q-Park', creditor: null },
    ],
  },
  {
    account: ACC.software,
    vatRates: [21],
    min: 900,
    max: 90_000,
    merchants: [
      { name: 'Amazon Web Services', creditor: '700203' },
      { name: 'Google Workspace', creditor: null },
      { name: 'Slack', creditor: null },
      { name: 'Atlassian', creditor: null },
    ],
  },
  {
    account: ACC.office,
    vatRates: [21],
    min: 250,
    max: 60_000,
    merchants: [
      { name: 'Coolblue', creditor: '700204' },
      { name: 'bol.com', creditor: null },
      { name: 'Staples', creditor: null },
    ],
  },
  {
    account: ACC.meals,
    vatRates: [9],
    min: 300,
    max: 25_000,
    merchants: [
      { name: 'Albert Heijn', creditor: '700205' },
      { name: 'Restaurant De Kas', creditor: null },
      { name: 'Starbucks', creditor: null },
      { name: 'Thuisbezorgd', creditor: null },
    ],
  },
];
