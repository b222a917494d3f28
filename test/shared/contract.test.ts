// The IPC contract refuses odd input before any handler sees it.
import { describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';

const ok = (method: keyof typeof contract, args: unknown[]) => contract[method].safeParse(args).success;

describe('contract: line keys', () => {
  it('accepts a key of safe integers, refuses unsafe or non-canonical numbers in it', () => {
    expect(ok('addNote', [1, '1/MOSI/1234/2', 'x', 'anna'])).toBe(true);
    expect(ok('addNote', [1, `1/MOSI/${Number.MAX_SAFE_INTEGER}/1`, 'x', 'anna'])).toBe(true);
    for (const key of ['1/MOSI/1e+21/1', '1/MOSI/1000000000000000000000/1', '1/MOSI/9007199254740993/1', '1/MOSI/9007199254740992/1', '99999999999999999/MOSI/1/1', '1/MOSI/1/9007199254740993', '1/MOSI/01/1']) {
      expect(ok('addNote', [1, key, 'x', 'anna']), key).toBe(false);
      expect(ok('getLineDetail', [1, '20990', { year: 2025, month: 6 }, key]), key).toBe(false);
    }
  });
});
