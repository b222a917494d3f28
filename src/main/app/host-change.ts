// An environment's AFAS address changed (same number, another origin). Its stored secrets belong
// to the old origin: they are dropped, or re-bound to the new one only when the app's main process
// asked the controller and they agreed. The question's wording lives here so it is tested.
import type { SecretStore } from '../secrets/types';
import { dropSecrets, hasSecrets, moveSecrets, originOf, type SecretScope } from '../afas/secret-scope';

export interface HostChange {
  environment: string;
  /** Origins, e.g. https://12345.rest.afas.online */
  from: string;
  to: string;
}

/** Asks the controller in a main-process dialog (never the renderer); true = send to the new host. */
export type ConfirmHostChange = (change: HostChange) => Promise<boolean>;

export async function settleHostChange(
  secrets: SecretStore,
  from: SecretScope,
  to: SecretScope,
  confirm?: ConfirmHostChange,
): Promise<'none' | 'moved' | 'dropped'> {
  if (!(await hasSecrets(secrets, from))) return 'none';
  if (confirm && (await confirm({ environment: from.number, from: originOf(from.baseUrl), to: originOf(to.baseUrl) }))) {
    await moveSecrets(secrets, from, to);
    return 'moved';
  }
  await dropSecrets(secrets, from);
  return 'dropped';
}

export interface HostChangeQuestion {
  message: string;
  detail: string;
  buttons: string[];
  /** Forget: what Enter and Escape choose. */
  defaultId: number;
  cancelId: number;
  carryOverId: number;
}

export function hostChangeQuestion(c: HostChange): HostChangeQuestion {
  return {
    message: `Ander AFAS-adres voor omgeving ${c.environment} / Another AFAS address for environment ${c.environment}`,
    detail: [
      `Van: ${c.from}`,
      `Naar: ${c.to}`,
      '',
      `De opgeslagen token of aanmelding is gegeven voor ${c.from}. Stuur die alleen naar het nieuwe adres als u zeker weet dat ${c.to} uw AFAS-omgeving is; anders vergeet Kruispost hem en plakt u een nieuwe token of meldt u opnieuw aan.`,
      '',
      `The stored token or sign-in was given for ${c.from}. Send it to the new address only if you are sure ${c.to} is your AFAS environment; otherwise Kruispost forgets it and you paste a new token or sign in again.`,
    ].join('\n'),
    buttons: ['Vergeet / Forget', 'Naar nieuw adres sturen / Send to the new address'],
    defaultId: 0,
    cancelId: 0,
    carryOverId: 1,
  };
}
