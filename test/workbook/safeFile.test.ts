// Failures we can really provoke as root: a missing folder, a parent that is a file, a folder at
// the target, a read-only file system, a failure half-way through writing, and a folder appearing
// at the target while we write. Each leaves the old file as it was and no temp file behind.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../src/shared/errors';
import { translateFsError, writeFileSafely } from '../../src/main/workbook/safeFile';
import { writeWorkbook } from '../../src/main/workbook/writeWorkbook';
import { fixtureInput } from './fixtures';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kp-safe-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function failure(p: Promise<unknown>): Promise<AppFailure> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppFailure);
  const f = e as AppFailure;
  // Every one says what happened and what to do, in both languages, and carries no stack detail.
  expect(f.appError.message.nl).not.toBe('');
  expect(f.appError.message.en).not.toBe('');
  expect(f.appError.action?.nl).toBeTruthy();
  expect(f.appError.action?.en).toBeTruthy();
  return f;
}

describe('writeWorkbook failures', () => {
  it('refuses a folder that does not exist', async () => {
    const f = await failure(writeWorkbook(fixtureInput(), join(dir, 'missing', 'wb.xlsx')));
    expect(f.appError.code).toBe('workbook-directory-missing');
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a path whose parent is a file', async () => {
    await writeFile(join(dir, 'file'), 'x');
    const f = await failure(writeWorkbook(fixtureInput(), join(dir, 'file', 'wb.xlsx')));
    expect(f.appError.code).toBe('workbook-directory-missing');
    expect(await readdir(dir)).toEqual(['file']);
  });

  it('refuses a target that is a folder', async () => {
    await mkdir(join(dir, 'wb.xlsx'));
    const f = await failure(writeWorkbook(fixtureInput(), join(dir, 'wb.xlsx')));
    expect(f.appError.code).toBe('workbook-target-invalid');
    expect(await readdir(dir)).toEqual(['wb.xlsx']);
  });

  it('refuses a folder it may not write to (read-only /sys, even for root)', async () => {
    await expect(writeFile('/sys/kruispost-probe', 'x')).rejects.toThrow(); // the premise of this test
    const f = await failure(writeWorkbook(fixtureInput(), '/sys/wb.xlsx'));
    expect(f.appError.code).toBe('workbook-not-writable');
  });

  it('leaves the old workbook and no temp file when writing fails half-way', async () => {
    const target = join(dir, 'wb.xlsx');
    await writeFile(target, 'the old workbook');
    const input = fixtureInput();
    const bad = input.results[0]!.accounts[1]!.openItems[2]!;
    bad.line = { ...bad.line, amount: 0.5 }; // not integer cents: the writer must stop
    await expect(writeWorkbook(input, target)).rejects.toThrow(RangeError);
    expect(await readFile(target, 'utf8')).toBe('the old workbook');
    expect(await readdir(dir)).toEqual(['wb.xlsx']);
  });

  it('replaces an existing workbook completely and leaves nothing else', async () => {
    const target = join(dir, 'wb.xlsx');
    await writeFile(target, 'the old workbook');
    const written = await writeWorkbook(fixtureInput(), target, { lang: 'en' });
    expect(written.path).toBe(target);
    const bytes = await readFile(target);
    expect(written.bytes).toBe(bytes.length);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(await readdir(dir)).toEqual(['wb.xlsx']);
  });
});

describe('writeFileSafely', () => {
  it('cleans up when the final rename fails (a folder appeared at the target meanwhile)', async () => {
    const target = join(dir, 'out.xlsx');
    const f = await failure(
      writeFileSafely(target, async (out) => {
        await mkdir(target);
        await writeFile(join(target, 'inside'), 'x');
        await new Promise<void>((resolve) => out.end('data', resolve));
      }),
    );
    expect(f.appError.code).toBe('workbook-target-invalid');
    expect(await readdir(dir)).toEqual(['out.xlsx']);
  });

  it('reports a write error of the stream and removes the temp file', async () => {
    const target = join(dir, 'out.xlsx');
    await expect(
      writeFileSafely(target, async (out) => {
        out.write('partial');
        throw new Error('generator broke');
      }),
    ).rejects.toThrow('generator broke');
    expect(await readdir(dir)).toEqual([]);
  });

  it('maps what Windows says about a file open in Excel to "close it and retry"', () => {
    const err = (code: string) => Object.assign(new Error(code), { code });
    for (const code of ['EBUSY', 'EPERM', 'EACCES']) {
      const f = translateFsError(err(code), 'C:\\x.xlsx', 'replace') as AppFailure;
      expect(f.appError.code, code).toBe('workbook-target-locked');
      expect(f.appError.action?.nl).toContain('Sluit het bestand');
    }
    expect((translateFsError(err('EACCES'), 'x', 'create') as AppFailure).appError.code).toBe('workbook-not-writable');
    expect((translateFsError(err('ENOSPC'), 'x', 'create') as AppFailure).appError.code).toBe('workbook-disk-full');
    const other = new Error('other');
    expect(translateFsError(other, 'x', 'create')).toBe(other);
  });
});
