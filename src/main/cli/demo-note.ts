// The demo's closing note: the problems planted in it and what the report says about each, so a
// first-time user knows what to look for (and a reviewer can check the report against it).
import type { Lang } from '../../shared/domain';

const NOTE = {
  nl: [
    'De demo bevat met opzet problemen (open kruisposten, een dubbele export, een walletverschil; in de salarisadministratie een dubbel geboekte loonrun, een teruggestorte salarisbetaling, een afgeronde afdracht; op de transitoriarekening een ontbrekende en een dubbele vrijval, een factuur zonder vrijval, een afrondingscent, een vrijval zonder boeking); die staan in het rapport.',
    'Declaraties (Declaree, administratie 1), per probleem wat het rapport zegt:',
    '  - rapport DCL-2025-9001 twee keer geëxporteerd op 800101: duplicate; de kopie blijft open en 800101 sluit niet aan',
    '  - rapport DCL-2025-9002 op de verkeerde medewerker 800105 en daarna op 800106: duplicate met beide regels, missing-counterpart op 800105',
    '  - rapport DCL-2025-9003 (maart, 800107) nooit betaald: missing-counterpart en open-too-long',
    '  - vergoeding van DCL-2025-9005 aan 800109 in mei teruggestort (AC04): returned-payment in mei; op 4 juni opnieuw betaald, in juni aangesloten',
    '  - voorschot van € 250,00 aan 800111 zonder declaratie: missing-counterpart',
    '  - DCL-2025-9004 betaald via de betaalopdracht van 5 juni én met de hand: missing-counterpart op 800102 (de tweede betaling)',
    '  - memoriaalcorrectie op 800113: unexpected-journal',
    '  - betaalopdracht van 12 juni nooit door de bank afgeschreven: missing-counterpart op 1960, betalingen onderweg sluit niet aan',
    '  Declaraties jonger dan 14 dagen staan open als not-yet-due en houden een crediteur niet tegen.',
  ],
  en: [
    'The demo contains planted problems (open cash-in-transit items, a duplicate export, a wallet difference; in its payroll a run posted twice, a returned salary transfer, a rounded tax payment; on the transitory account a missing and a doubled release, an invoice never released, a rounding cent, a release without booking); the report lists them.',
    'Expense claims (Declaree, administration 1), per problem what the report says:',
    '  - report DCL-2025-9001 exported twice onto 800101: duplicate; the copy stays open and 800101 does not clear',
    '  - report DCL-2025-9002 on the wrong employee 800105 and then on 800106: duplicate naming both lines, missing-counterpart on 800105',
    '  - report DCL-2025-9003 (March, 800107) never paid: missing-counterpart and open-too-long',
    '  - the reimbursement of DCL-2025-9005 to 800109 returned in May (AC04): returned-payment in May; paid again on 4 June, cleared in June',
    '  - an advance of € 250.00 to 800111 without a report: missing-counterpart',
    '  - DCL-2025-9004 paid by the payment order of 5 June and by hand: missing-counterpart on 800102 (the second payment)',
    '  - a memorial correction on 800113: unexpected-journal',
    '  - the payment order of 12 June never debited by the bank: missing-counterpart on 1960, payments in transit does not clear',
    '  Reports younger than 14 days are open as not-yet-due and do not stop a creditor from clearing.',
  ],
} satisfies Record<Lang, string[]>;

export function demoNote(lang: Lang): string {
  return `${NOTE[lang].join('\n')}\n`;
}
