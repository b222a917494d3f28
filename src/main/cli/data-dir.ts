// The per-user data directory: the desktop app's own (Electron's userData for productName
// Kruispost), so the CLI and the app share one database.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Kruispost');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Kruispost');
  // Electron's appData on Linux is $XDG_CONFIG_HOME or ~/.config; userData adds the productName.
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'Kruispost');
}
