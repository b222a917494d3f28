// Every string the UI shows, in Dutch (the default) and English. Keys are grouped by screen, one
// file per screen; English must have every Dutch key (checked in index.ts).
import { matching } from './matching';
import { month } from './month';
import { progress } from './progress';
import { profiles } from './profiles';
import { setup } from './setup';
import { vouchers } from './vouchers';

const shell = {
  nl: {
    'app.title': 'Kruispost',
    'app.tagline': 'Maandafsluiting van de Moss-tussenrekeningen in AFAS Profit',
    'lang.label': 'Taal',
    'lang.nl': 'Nederlands',
    'lang.en': 'English',
    'home.welcome': 'Welkom bij Kruispost',
    'home.intro': 'Haal de mutaties van de maand op uit AFAS, zie welke tussenrekeningen niet op nul sluiten, letter af en exporteer de aansluiting.',
    'error.title': 'Dat lukte niet',
    'error.action': 'Wat te doen: {action}',
    'error.dismiss': 'Sluiten',
    'error.reference': 'Referentie: {ref}',
  },
  en: {
    'app.title': 'Kruispost',
    'app.tagline': 'Month-end close of the Moss clearing accounts in AFAS Profit',
    'lang.label': 'Language',
    'lang.nl': 'Nederlands',
    'lang.en': 'English',
    'home.welcome': 'Welcome to Kruispost',
    'home.intro': 'Pull the month’s mutations from AFAS, see which clearing accounts do not clear to zero, match, and export the reconciliation.',
    'error.title': 'That did not work',
    'error.action': 'What to do: {action}',
    'error.dismiss': 'Dismiss',
    'error.reference': 'Reference: {ref}',
  },
} as const;

export const messages = {
  nl: { ...shell.nl, ...setup.nl, ...month.nl, ...matching.nl, ...progress.nl, ...profiles.nl, ...vouchers.nl },
  en: { ...shell.en, ...setup.en, ...month.en, ...matching.en, ...progress.en, ...profiles.en, ...vouchers.en },
} as const;

export type MessageKey = keyof (typeof messages)['nl'];
