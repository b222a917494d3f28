import { create } from 'zustand';
import type { Lang } from '../../../shared/domain';
import { call } from '../api';

interface SettingsState {
  language: Lang;
  loaded: boolean;
  load(): Promise<void>;
  setLanguage(lang: Lang): Promise<void>;
}

export const useSettings = create<SettingsState>((set) => ({
  language: 'nl',
  loaded: false,
  async load() {
    const s = await call('getSettings');
    set({ language: s.language, loaded: true });
  },
  async setLanguage(lang) {
    const s = await call('setLanguage', lang);
    set({ language: s.language });
  },
}));
