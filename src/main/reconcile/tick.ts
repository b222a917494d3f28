// The engine's one concession to the month-end at scale: its long loops call tick(), through which
// the caller may stop the work (a cancel) and report that it is alive (progress). The engine keeps
// no state of its own here; the caller sets the hook for one run (withTick) and it is removed after.
let current: () => void = () => undefined;

export function tick(): void {
  current();
}

export function withTick<T>(hook: () => void, work: () => T): T {
  const before = current;
  current = hook;
  try {
    return work();
  } finally {
    current = before;
  }
}
