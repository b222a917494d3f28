// Repeated texts of a compact answer stored once: a column holds an index into `texts` (-1 for null).

export function textTable(): { texts: string[]; text: (s: string | null) => number } {
  const texts: string[] = [];
  const index = new Map<string, number>();
  const text = (s: string | null): number => {
    if (s === null) return -1;
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = texts.push(s) - 1));
    return i;
  };
  return { texts, text };
}
