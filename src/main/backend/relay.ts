// The contract's methods as the host serves them to the window: checked here (a known method, the
// contract's argument schema), answered by the active workspace's backend as bytes passed on
// untouched. The sync's status comes from the progress the backend pushed, so a poll never waits
// behind its work; the demo is started and left here, as a workspace of its own.
import { contract, type Envelope } from '../../shared/contract';
import { toAppError } from '../../shared/errors';
import { isMethod, rejected } from '../dispatch';
import type { Logger } from '../log';
import type { Workspaces } from './workspaces';

export async function relay(workspaces: Workspaces, method: unknown, args: unknown[], log?: Logger): Promise<Envelope<unknown> | Uint8Array> {
  if (!isMethod(method)) return rejected('unknown-method', 'Onbekende opdracht.', 'Unknown command.');
  const parsed = contract[method].safeParse(args);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    return rejected('invalid-arguments', `Ongeldige invoer (${where}).`, `Invalid input (${where}).`);
  }
  const backend = workspaces.active();
  const local = async (f: () => Promise<unknown>): Promise<Envelope<unknown>> => {
    try {
      return { ok: true, value: await f() };
    } catch (e) {
      log?.error(`relay.${method}`, e);
      return { ok: false, error: toAppError(e) };
    }
  };
  switch (method) {
    case 'startDemo':
      return local(() => workspaces.startDemo());
    case 'leaveDemo':
      return local(() => workspaces.leaveDemo());
    case 'getSyncStatus':
      return { ok: true, value: backend.progress() };
    case 'cancelSync':
      backend.cancel();
      return { ok: true, value: null };
    default:
      try {
        return await backend.call(method, parsed.data as unknown[]);
      } catch (e) {
        log?.error(`relay.${method}`, e);
        return { ok: false, error: toAppError(e) };
      }
  }
}
