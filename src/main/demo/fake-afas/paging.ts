// skip/take and the page body. Without an order Profit gives no stable order, so each unordered
// request starts at a random rotation: a client that pages without orderbyfieldids loses and
// repeats rows here, as it can against the real thing.
import { FakeAfasError } from './errors';

export interface PageRequest {
  skip: number;
  take: number;
  /** skip=-1&take=-1 (or take=-1): everything. */
  all: boolean;
}

/** Above this many cells in one answer Profit fails with "Out of String space". */
export const MAX_CELLS_PER_ANSWER = 5_000_000;

function intParam(params: URLSearchParams, name: string, fallback: number): number {
  const text = params.get(name);
  if (text === null || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n)) throw new FakeAfasError(`Invalid value '${text}' for parameter '${name}'.`);
  return n;
}

export function parsePage(params: URLSearchParams): PageRequest {
  const skip = intParam(params, 'skip', 0);
  const take = intParam(params, 'take', 100);
  return { skip, take, all: take < 0 };
}

/** The row indices of one page. */
export function pageIndices(index: Int32Array, page: PageRequest, ordered: boolean): ArrayLike<number> {
  const n = index.length;
  const start = page.all ? 0 : Math.max(0, page.skip);
  const end = page.all ? n : Math.min(n, start + page.take);
  if (start >= end) return [];
  if (ordered) return index.subarray(start, end);
  const rotation = Math.floor(Math.random() * n);
  const out = new Array<number>(end - start);
  for (let i = start; i < end; i++) out[i - start] = index[(i + rotation) % n] as number;
  return out;
}

export function pageBody(page: PageRequest, rows: Record<string, unknown>[], indices: ArrayLike<number>, columns: number): string {
  if (indices.length * Math.max(1, columns) > MAX_CELLS_PER_ANSWER) throw new FakeAfasError('Out of String space');
  const slice = new Array<Record<string, unknown> | undefined>(indices.length);
  for (let i = 0; i < indices.length; i++) slice[i] = rows[indices[i] as number];
  return `{"skip":${page.skip},"take":${page.take},"rows":${JSON.stringify(slice)}}`;
}
