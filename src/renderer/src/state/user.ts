// Who is working: recorded with every match, note and sign-off. Kept in the page's own storage
// (not a secret, and not worth a round-trip to main). There is no default name: the audit trail
// names a person, so a decision without one asks for it.
import { create } from 'zustand';
import { useNotice } from './notice';

const KEY = 'kruispost.user';
export const USER_NAME_INPUT_ID = 'user-name-input';

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

/** The name sent with a decision, or null after asking for it (the name field gets the focus). */
export function by(): string | null {
  const name = useUser.getState().name.trim();
  if (name) return name;
  useNotice.getState().show(
    {
      code: 'decision-needs-name',
      message: { nl: 'Vul eerst uw naam in: elke beslissing staat op naam in de audittrail.', en: 'Enter your name first: every decision is recorded in the audit trail under a name.' },
      action: { nl: 'Typ uw naam rechtsboven bij "Uw naam".', en: 'Type your name top right, at "Your name".' },
    },
    'name',
  );
  const field = document.getElementById(USER_NAME_INPUT_ID);
  field?.focus();
  return null;
}
