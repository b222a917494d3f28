import { formatAmsterdam } from '../../../shared/amsterdam-time';
import { formatDate } from '../../../shared/dates';
import type { Bilingual, Lang } from '../../../shared/domain';
import { formatEuro } from '../../../shared/money';
import { useSettings } from '../state/settings';
import { messages, type MessageKey } from './messages';

// English must have every Dutch key: a missing translation is a type error here.
const _complete: Record<MessageKey, string> = messages.en;
void _complete;

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  let text: string = messages[lang][key] ?? messages.nl[key];
  if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
  return text;
}

/** Keys with a singular and a plural form: `x.one` / `x.other`. */
export type PluralKey = { [K in MessageKey]: K extends `${infer B}.one` ? B : never }[MessageKey];

/** The form for n ("1 voorstel", "2 voorstellen"); {n} is the number in the language's digits. */
export function translateCount(lang: Lang, base: PluralKey, n: number, params?: Record<string, string | number>): string {
  const key = `${base}.${n === 1 ? 'one' : 'other'}` as MessageKey;
  return translate(lang, key, { ...params, n: n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB') });
}

/** t(key), tn(key, n), euro(cents), date(iso), when(iso: Amsterdam date and time), bi({nl,en}). */
export function useT() {
  const lang = useSettings((s) => s.language);
  return {
    lang,
    t: (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params),
    tn: (base: PluralKey, n: number, params?: Record<string, string | number>) => translateCount(lang, base, n, params),
    euro: (cents: number) => formatEuro(cents, lang),
    date: (iso: string | null | undefined) => formatDate(iso),
    when: (iso: string | null | undefined) => formatAmsterdam(iso),
    num: (n: number) => n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB'),
    bi: (text: Bilingual | null | undefined) => (text ? text[lang] : ''),
  };
}
