// Counted nouns in words: "1 regel", "2 regels"; never "regel(s)".
import type { Lang } from './domain';

export function counted(n: number, one: string, many: string, lang: Lang = 'nl'): string {
  return `${n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB')} ${n === 1 ? one : many}`;
}

/** The plural of a side name ("Moss-boeking" → "Moss-boekingen", "payment" → "payments"). */
export function pluralOf(word: string, lang: Lang): string {
  if (lang === 'en') return /(s|x|ch|sh)$/.test(word) ? `${word}es` : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`;
  // Dutch: -ing → -ingen; unstressed -el/-er/-em/-en/-je → -s ("regel" → "regels"); a vowel → -'s.
  if (/ing$/.test(word)) return `${word}en`;
  // Unstressed -ie too ("declaratie" → "declaraties", "premie" → "premies").
  if (/(el|er|em|en|je|ie)$/.test(word)) return `${word}s`;
  return /[aeiou]$/.test(word) ? `${word}'s` : `${word}en`;
}

export function countedSide(n: number, word: string, lang: Lang): string {
  return `${n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB')} ${n === 1 ? word : pluralOf(word, lang)}`;
}
