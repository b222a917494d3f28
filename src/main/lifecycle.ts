// Single instance: a second Kruispost hands over to the first (its 'second-instance' event) and
// quits before it opens a database, a log or a window of its own.

/** Starts only with the lock; without it quits and returns false at once (app.quit() is async). */
export function startOnce(hasLock: boolean, quit: () => void, start: () => void): boolean {
  if (!hasLock) {
    quit();
    return false;
  }
  start();
  return true;
}
