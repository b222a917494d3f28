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

/** t(key), euro(cents), date(iso), bi({nl,en}) in the chosen language. */
export function useT() {
  const lang = useSettings((s) => s.language);
  return {
    lang,
    t: (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params),
    euro: (cents: number) => formatEuro(cents, lang),
    date: (iso: string | null | undefined) => formatDate(iso),
    bi: (text: Bilingual | null | undefined) => (text ? text[lang] : ''),
  };
}
