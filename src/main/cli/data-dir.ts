// The per-user data directory (same place the desktop app keeps its database).
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Kruispost');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Kruispost');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'kruispost');
}
