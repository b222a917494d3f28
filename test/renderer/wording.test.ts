// The screen's words in both languages (issue 18 §4): counted nouns have a singular and a plural
// and never "(s)" or "(en)"; no label says a thing twice ("Opgeschort: Aftekening opgeschort");
// Dutch says Dutch ("merchants" was English); every placeholder of one language is in the other.
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/renderer/src/i18n/messages';
import { translateCount } from '../../src/renderer/src/i18n';

const nl = messages.nl as Record<string, string>;
const en = messages.en as Record<string, string>;

describe('the wording list', () => {
  it('has no "(s)", "(en)" or "regel(s)" in either language', () => {
    for (const [lang, dict] of [['nl', nl], ['en', en]] as const) {
      for (const [key, text] of Object.entries(dict)) expect(text, `${lang} ${key}`).not.toMatch(/\((s|en|e)\)/);
    }
  });

  it('gives every counted key both forms, and the number in the language’s digits', () => {
    const bases = Object.keys(nl).filter((k) => k.endsWith('.one')).map((k) => k.slice(0, -4));
    expect(bases.length).toBeGreaterThan(5);
    for (const b of bases) {
      for (const dict of [nl, en]) {
        expect(dict[`${b}.one`], b).toBeTruthy();
        expect(dict[`${b}.other`], b).toContain('{n}');
      }
    }
    expect(translateCount('nl', 'dash.matchesSuggested', 1)).toBe('1 voorstel');
    expect(translateCount('nl', 'dash.matchesSuggested', 2)).toBe('2 voorstellen');
    expect(translateCount('en', 'dash.matchesSuggested', 1)).toBe('1 suggestion');
    expect(translateCount('nl', 'dash.lines', 1234, { period: '06-2025' })).toBe('1.234 regels in 06-2025');
    expect(translateCount('en', 'dash.lines', 1234, { period: '06-2025' })).toBe('1,234 lines in 06-2025');
    expect(translateCount('nl', 'flags.lines', 1)).toBe('1 regel');
  });

  it('uses the same placeholders in Dutch and English', () => {
    const slots = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(nl)) expect(slots(en[key]!), key).toEqual(slots(nl[key]!));
  });

  it('says each thing once and in Dutch in Dutch', () => {
    expect(nl['match.unmatch']).toBe('Aflettering ongedaan maken');
    expect(nl['dash.creditors']).not.toMatch(/merchant/i);
    // The engine's reason already says "Aftekening opgeschort: …": the screen adds no second prefix.
    expect(nl['signoff.suspendedNote']).toBe('{reason}');
    expect(Object.values(nl).filter((t) => /opgeschort:/i.test(t))).toEqual([]);
  });
});
