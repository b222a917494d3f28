// Writes a file so the target is either the old file or the complete new one: a temp file in the
// same directory (same file system, so the rename is atomic), renamed over the target at the end.
import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { basename, dirname, join } from 'node:path';
import { AppFailure } from '../../shared/errors';

type Code = 'workbook-directory-missing' | 'workbook-target-invalid' | 'workbook-target-locked' | 'workbook-not-writable' | 'workbook-disk-full';

const MESSAGES: Record<Code, { nl: string; en: string; actionNl: string; actionEn: string }> = {
  'workbook-directory-missing': {
    nl: 'De map voor de werkmap bestaat niet.',
    en: 'The folder for the workbook does not exist.',
    actionNl: 'Kies een bestaande map en exporteer opnieuw.',
    actionEn: 'Choose an existing folder and export again.',
  },
  'workbook-target-invalid': {
    nl: 'Op deze plek staat een map, geen bestand.',
    en: 'There is a folder at this location, not a file.',
    actionNl: 'Kies een andere bestandsnaam en exporteer opnieuw.',
    actionEn: 'Choose another file name and export again.',
  },
  'workbook-target-locked': {
    nl: 'De werkmap is geopend in een ander programma (bijvoorbeeld Excel) of is alleen-lezen.',
    en: 'The workbook is open in another program (such as Excel) or is read-only.',
    actionNl: 'Sluit het bestand in Excel, of kies een andere naam, en exporteer opnieuw.',
    actionEn: 'Close the file in Excel, or choose another name, and export again.',
  },
  'workbook-not-writable': {
    nl: 'Kruispost mag niet schrijven in deze map.',
    en: 'Kruispost may not write to this folder.',
    actionNl: 'Kies een map waarin u mag schrijven, zoals Documenten, en exporteer opnieuw.',
    actionEn: 'Choose a folder you can write to, such as Documents, and export again.',
  },
  'workbook-disk-full': {
    nl: 'De schijf is vol; de werkmap is niet opgeslagen.',
    en: 'The disk is full; the workbook was not saved.',
    actionNl: 'Maak ruimte vrij of kies een andere schijf en exporteer opnieuw.',
    actionEn: 'Free up space or choose another drive and export again.',
  },
};

export function workbookFailure(code: Code, file: string): AppFailure {
  const m = MESSAGES[code];
  // The reference names the file only: never a stack, never anything from the input data.
  return new AppFailure(code, { nl: m.nl, en: m.en }, { nl: m.actionNl, en: m.actionEn }, file);
}

function errno(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

/** Maps a file-system error code to what the controller can act on; other errors pass through. */
export function translateFsError(e: unknown, target: string, phase: 'create' | 'replace'): unknown {
  switch (errno(e)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return workbookFailure('workbook-directory-missing', target);
    case 'EISDIR':
    case 'ENOTEMPTY':
    case 'EEXIST':
      return workbookFailure(phase === 'replace' ? 'workbook-target-invalid' : 'workbook-not-writable', target);
    case 'EBUSY':
    case 'ETXTBSY':
      return workbookFailure('workbook-target-locked', target);
    case 'EPERM':
    case 'EACCES':
      // Windows reports a file held open by Excel as EPERM/EACCES on rename or open.
      return workbookFailure(phase === 'replace' ? 'workbook-target-locked' : 'workbook-not-writable', target);
    case 'EROFS':
      return workbookFailure('workbook-not-writable', target);
    case 'ENOSPC':
    case 'EDQUOT':
      return workbookFailure('workbook-disk-full', target);
    default:
      return e;
  }
}

/**
 * Fails fast, before minutes of work, on what is already known to be wrong: a missing folder, a
 * folder where the file should be, or a target another program holds open.
 */
async function preflight(target: string): Promise<void> {
  const dir = dirname(target);
  const d = await stat(dir).catch((e: unknown) => {
    throw translateFsError(e, target, 'create');
  });
  if (!d.isDirectory()) throw workbookFailure('workbook-directory-missing', target);
  const t = await stat(target).catch(() => null);
  if (t?.isDirectory()) throw workbookFailure('workbook-target-invalid', target);
  if (t) {
    // Opening for writing (without truncating) is how Windows tells us Excel has the file.
    const h = await open(target, 'r+').catch((e: unknown) => {
      throw translateFsError(e, target, 'replace');
    });
    await h.close();
  }
}

/**
 * Runs `write` against a stream into a temp file next to `target`, then renames it into place.
 * On any failure the temp file is removed and the old target (if any) is left as it was.
 */
export async function writeFileSafely(target: string, write: (out: Writable) => Promise<void>): Promise<{ path: string; bytes: number }> {
  await preflight(target);
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx').catch((e: unknown) => {
    throw translateFsError(e, target, 'create');
  });
  try {
    // The stream owns the handle: it flushes (fsync) and closes it when the zip ends, so the data is
    // on disk before it replaces the old workbook.
    const out = handle.createWriteStream({ flush: true });
    let streamError: unknown = null;
    out.on('error', (e) => (streamError ??= e));
    const closed = new Promise<void>((resolve) => out.once('close', resolve));
    try {
      await write(out);
    } catch (e) {
      out.destroy();
      await closed;
      // The writer's own failure (a cancel) says more than the stream it left behind.
      throw e instanceof AppFailure ? e : (streamError ?? e);
    }
    if (!out.writableFinished) out.end();
    await closed;
    if (streamError) throw streamError;
    await rename(tmp, target);
    const { size } = await stat(target);
    return { path: target, bytes: size };
  } catch (e) {
    await handle.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw translateFsError(e, target, 'replace');
  }
}
