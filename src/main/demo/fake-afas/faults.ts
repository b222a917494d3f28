// Fault injection. Each fault counts the requests its path matches; it answers the nth of them
// (default the first) and the following ones until `times` (default 1) is used up.
import type { FaultController, FaultSpec } from './types';

interface ActiveFault {
  spec: FaultSpec;
  seen: number;
  fired: number;
}

export class Faults implements FaultController {
  private active: ActiveFault[] = [];

  add(fault: FaultSpec): void {
    this.active.push({ spec: fault, seen: 0, fired: 0 });
  }

  clear(): void {
    this.active = [];
  }

  /** The fault that answers this request, if any. Every matching fault counts the request. */
  take(path: string): FaultSpec | null {
    let chosen: FaultSpec | null = null;
    for (const f of this.active) {
      const re = f.spec.match?.path;
      if (re) {
        re.lastIndex = 0;
        if (!re.test(path)) continue;
      }
      f.seen++;
      const nth = f.spec.match?.nth ?? 1;
      const times = f.spec.times ?? 1;
      if (chosen === null && f.seen >= nth && f.fired < times) {
        f.fired++;
        chosen = f.spec;
      }
    }
    this.active = this.active.filter((f) => f.fired < (f.spec.times ?? 1));
    return chosen;
  }
}
