// Who is working: recorded with every match, note and sign-off. Kept in the page's own storage
// (not a secret, and not worth a round-trip to main).
import { create } from 'zustand';

const KEY = 'kruispost.user';

function initial(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

interface UserState {
  name: string;
  setName(name: string): void;
}

export const useUser = create<UserState>((set) => ({
  name: initial(),
  setName(name) {
    try {
      localStorage.setItem(KEY, name);
    } catch {
      /* storage unavailable: keep it for this session only */
    }
    set({ name });
  },
}));

/** The name sent with a decision; "Controller" until someone types theirs. */
export function by(): string {
  return useUser.getState().name.trim() || 'Controller';
}
