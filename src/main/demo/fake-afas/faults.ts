// Fault injection. Each fault counts the requests its path matches; it answers the nth of them
// (default the first) and the following ones until `times` (default 1) is used up. A fault with a
// `rate` answers that share of its matching requests instead, until cleared: whether it hits is
// drawn from the seed, the request's URL and how often that URL came before, so a run meets the
// same faults whatever order its concurrent requests arrive in.
import type { FaultController, FaultSpec } from './types';

interface ActiveFault {
  spec: FaultSpec;
  seen: number;
  fired: number;
  /** Rate faults: requests seen per URL. */
  perUrl: Map<string, number>;
}

export class Faults implements FaultController {
  private active: ActiveFault[] = [];

  add(fault: FaultSpec): void {
    this.active.push({ spec: fault, seen: 0, fired: 0, perUrl: new Map() });
  }

  clear(): void {
    this.active = [];
  }

  /** The fault that answers this request, if any. Every matching fault counts the request. */
  take(path: string, url: string = path): FaultSpec | null {
    let chosen: FaultSpec | null = null;
    for (const f of this.active) {
      const re = f.spec.match?.path;
      if (re) {
        re.lastIndex = 0;
        if (!re.test(path)) continue;
      }
      f.seen++;
      if (f.spec.rate !== undefined) {
        const n = (f.perUrl.get(url) ?? 0) + 1;
        f.perUrl.set(url, n);
        if (chosen === null && draw(`${f.spec.seed ?? 1}|${f.spec.kind}|${url}|${n}`) < f.spec.rate) {
          f.fired++;
          chosen = f.spec;
        }
        continue;
      }
      const nth = f.spec.match?.nth ?? 1;
      const times = f.spec.times ?? 1;
      if (chosen === null && f.seen >= nth && f.fired < times) {
        f.fired++;
        chosen = f.spec;
      }
    }
    this.active = this.active.filter((f) => f.spec.rate !== undefined || f.fired < (f.spec.times ?? 1));
    return chosen;
  }
}

/** A number in [0, 1) from the text (FNV-1a, mixed). */
function draw(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
  return (h >>> 0) / 2 ** 32;
}
