// Lines on their way into staging: one JSON text (UTF-8) per batch, which SQLite reads itself
// (STAGE_SQL.insertBatch), so neither thread parses, allocates or binds a row in JS for the insert.
// A batch grows page by page as text: the page's objects die young instead of waiting, by the
// tens of thousands, for the batch to fill (less GC on the thread that parses AFAS's JSON).
import type { MutationLine } from '../../shared/domain';
import type { AfasRow } from '../afas/types';
import { LINE_COLUMNS, lineValues } from '../store/lines';

/** A parsed line and the fields its columns do not hold (store/line-extra.ts extraFields). */
export interface StagedLine {
  line: MutationLine;
  extra: AfasRow;
}

const EXTRA = LINE_COLUMNS.indexOf('extra');

/** A JSON array of lineValues arrays, the extra as a JSON object (stored as its JSON text). */
export function batchJson(lines: readonly StagedLine[]): string {
  const values = lines.map(({ line, extra }) => lineValues(line, extra));
  const json = JSON.stringify(values);
  // JSON.stringify writes a lone surrogate as a \udXXX escape, which SQLite's ->> would turn into
  // invalid UTF-8 in a column (a bound string gets U+FFFD instead). Rare: only then are the column
  // strings made well-formed (the extra keeps its escape: it is JSON text, restored by JSON.parse).
  if (!LONE_SURROGATE_ESCAPE.test(json)) return json;
  return JSON.stringify(values.map((row) => row.map((v, i) => (i !== EXTRA && typeof v === 'string' ? v.toWellFormed() : v))));
}

const LONE_SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/** Pages of lines collected as JSON text until a batch is full. */
export class LineBatch {
  private parts: string[] = [];
  private count = 0;

  get rows(): number {
    return this.count;
  }

  add(lines: readonly StagedLine[]): void {
    if (lines.length === 0) return;
    this.parts.push(batchJson(lines).slice(1, -1));
    this.count += lines.length;
  }

  /** The batch as one JSON array in UTF-8; the builder starts empty again. */
  take(): Uint8Array {
    const json = encodeBatch(`[${this.parts.join(',')}]`);
    this.parts = [];
    this.count = 0;
    return json;
  }
}

const encoder = new TextEncoder();

/**
 * A batch's JSON as UTF-8 bytes in a buffer of their own: handed to the stage worker without a
 * copy (transferred), and to SQLite as they are (insertBatch casts them to text), where a string
 * would be copied into the message, again into the worker's heap and once more into UTF-8.
 */
export function encodeBatch(json: string): Uint8Array {
  return encoder.encode(json);
}
