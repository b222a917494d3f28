// Every string the UI shows, in Dutch (the default) and English. Keys are grouped by screen.
export const messages = {
  nl: {
    'app.title': 'Kruispost',
    'app.tagline': 'Maandafsluiting van de Moss-tussenrekeningen in AFAS Profit',
    'lang.label': 'Taal',
    'lang.nl': 'Nederlands',
    'lang.en': 'English',
    'home.welcome': 'Welkom bij Kruispost',
    'home.intro': 'Haal de mutaties van de maand op uit AFAS, zie welke tussenrekeningen niet op nul sluiten, letter af en exporteer de aansluiting.',
  },
  en: {
    'app.title': 'Kruispost',
    'app.tagline': 'Month-end close of the Moss clearing accounts in AFAS Profit',
    'lang.label': 'Language',
    'lang.nl': 'Nederlands',
    'lang.en': 'English',
    'home.welcome': 'Welcome to Kruispost',
    'home.intro': 'Pull the month’s mutations from AFAS, see which clearing accounts do not clear to zero, match, and export the reconciliation.',
  },
} as const;

export type MessageKey = keyof (typeof messages)['nl'];
