// One page of look-ahead: while a page is parsed and written to SQLite (synchronous work), the
// request for the next one is already on its way, so HTTP and the fake/real server overlap it.
export async function* prefetch<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let next = it.next();
  try {
    for (;;) {
      const r = await next;
      if (r.done) return;
      next = it.next();
      // A rejection of the look-ahead is seen when awaited; keep it from being reported unhandled meanwhile.
      next.catch(() => undefined);
      yield r.value;
    }
  } finally {
    await it.return?.();
  }
}
