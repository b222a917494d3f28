import type { Handlers } from '../../shared/contract';
import type { Services } from '../services';

export function settingsHandlers(s: Services): Pick<Handlers, 'getSettings' | 'setLanguage' | 'getAppInfo'> {
  return {
    getSettings: async () => ({ language: s.settings.language() }),
    setLanguage: async (lang) => {
      s.settings.setLanguage(lang);
      return { language: s.settings.language() };
    },
    getAppInfo: async () => ({ name: 'Kruispost', version: s.appVersion }),
  };
}
