// The controller's confirmed work must survive a power loss right after "saved": the main
// connection commits with synchronous=FULL (WAL synced on every commit).
import { describe, expect, it } from 'vitest';
import { tmpDb } from '../sync/helpers';

describe('main connection durability', () => {
  it('commits with synchronous=FULL (2), not NORMAL', () => {
    const t = tmpDb();
    try {
      expect(t.db.pragma('synchronous', { simple: true })).toBe(2);
      expect(t.db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      t.cleanup();
    }
  });
});
