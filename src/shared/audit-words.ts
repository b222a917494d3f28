// The audit trail in words, for the workbook's audit sheet and a line's history: who did what to
// which lines, amounts in euros, methods and categories in words. Reads the entries' JSON details
// as the store writes them; anything unknown is said plainly rather than dropped.
import type { Bilingual, Lang } from './domain';
import { categoryLabel } from './item-categories';
import { methodLabel } from './method-labels';
import { formatEuro, toCents } from './money';
import type { AuditEntry, CorrectionEntry, ItemCategory } from './reconcile';

interface LineRef {
  key: string;
  amount: number;
}

/** "1/MOSB/202715/2" as AFAS shows it: journal, entry and line. */
export function lineLabel(key: string): string {
  const p = key.split('/');
  return p.length >= 4 ? `${p.slice(1, -2).join('/')} ${p[p.length - 2]}/${p[p.length - 1]}` : key;
}

const both = (f: (lang: Lang) => string): Bilingual => ({ nl: f('nl'), en: f('en') });
const eur = (c: number, lang: Lang) => formatEuro(c, lang);
const lineList = (lines: readonly LineRef[], lang: Lang, max = 6) => {
  const shown = lines.slice(0, max).map((l) => `${lineLabel(l.key)} (${eur(l.amount, lang)})`);
  const more = lines.length - shown.length;
  return more > 0 ? `${shown.join(', ')} ${lang === 'nl' ? `en ${more} meer` : `and ${more} more`}` : shown.join(lang === 'nl' ? ' en ' : ' and ');
};
const n = (count: number, one: string, many: string, lang: Lang) => `${count.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB')} ${count === 1 ? one : many}`;

export function correctionText(c: CorrectionEntry | null | undefined, lang: Lang): string {
  if (!c) return '';
  return c.lines
    .map((l) => (l.debit ? `${lang === 'nl' ? 'debet' : 'debit'} ${l.account} ${eur(l.debit, lang)}` : `${lang === 'nl' ? 'credit' : 'credit'} ${l.account} ${eur(l.credit, lang)}`))
    .join(' / ');
}

const KIND: Record<string, Bilingual> = {
  confirmMatch: { nl: 'het afletteren', en: 'the match' },
  unmatch: { nl: 'het ongedaan maken van een aflettering', en: 'the unmatch' },
  addNote: { nl: 'de notitie', en: 'the note' },
  signOff: { nl: 'de aftekening', en: 'the sign-off' },
  categorise: { nl: 'de categorie', en: 'the category' },
  rejectSignOff: { nl: 'de afwijzing', en: 'the rejection' },
  acceptMany: { nl: 'het accepteren van alle exacte voorstellen', en: 'accepting all exact suggestions' },
};

/** What the entry says, in a sentence per language (the actor is in its own column). */
export function describeAudit(e: Pick<AuditEntry, 'action' | 'account' | 'detail' | 'reason'>): Bilingual {
  let d: Record<string, unknown> = {};
  try {
    d = JSON.parse(e.detail) as Record<string, unknown>;
  } catch {
    /* not JSON: said as it is below */
  }
  const on = (lang: Lang) => (e.account ? (lang === 'nl' ? ` op ${e.account}` : ` on ${e.account}`) : '');
  const lines = (d.lines as LineRef[] | undefined) ?? [];
  const method = (lang: Lang) => (d.method ? `${lang === 'nl' ? 'op' : 'by'} ${methodLabel(String(d.method), lang)}` : '');
  const difference = Number(d.difference ?? 0);
  const category = d.category as ItemCategory | undefined;
  switch (e.action) {
    case 'match.confirm':
      return both((lang) => {
        const base = lang === 'nl' ? `Letterde ${n(lines.length, 'regel', 'regels', lang)} af${on(lang)} ${method(lang)}: ${lineList(lines, lang)}` : `Matched ${n(lines.length, 'line', 'lines', lang)}${on(lang)} ${method(lang)}: ${lineList(lines, lang)}`;
        if (!difference) return `${base}.`;
        const corr = correctionText(d.correction as CorrectionEntry | undefined, lang);
        return `${base}; ${lang === 'nl' ? 'verschil' : 'difference'} ${eur(difference, lang)} (${categoryLabel(category, lang)}${corr ? `; ${lang === 'nl' ? 'correctieboeking' : 'correction entry'} ${corr}` : ''}).`;
      });
    case 'match.unmatch':
      return both((lang) => (lang === 'nl' ? `Maakte de aflettering van ${lineList(lines, lang)} ongedaan${on(lang)}.` : `Unmatched ${lineList(lines, lang)}${on(lang)}.`));
    case 'match.auto':
    case 'match.accept-all': {
      const groups = (d.matches as { method: string; lines: LineRef[] }[] | undefined) ?? [];
      const byMethod = new Map<string, number>();
      for (const g of groups) byMethod.set(g.method, (byMethod.get(g.method) ?? 0) + 1);
      const methods = (lang: Lang) => [...byMethod].map(([m, c]) => `${methodLabel(m, lang)}: ${c.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB')}`).join(', ');
      const count = Number(d.count ?? groups.length);
      return e.action === 'match.auto'
        ? both((lang) => (lang === 'nl' ? `Letterde automatisch ${n(count, 'groep', 'groepen', lang)} af${on(lang)} (${methods(lang)}).` : `Matched ${n(count, 'group', 'groups', lang)} automatically${on(lang)} (${methods(lang)}).`))
        : both((lang) => (lang === 'nl' ? `Accepteerde in één keer ${n(count, 'exact voorstel', 'exacte voorstellen', lang)}${on(lang)} (${methods(lang)}).` : `Accepted ${n(count, 'exact suggestion', 'exact suggestions', lang)} at once${on(lang)} (${methods(lang)}).`));
    }
    case 'note.set':
    case 'note.clear': {
      const at = (lang: Lang) => `${lineLabel(String(d.lineKey ?? ''))}${d.amount !== undefined ? ` (${eur(Number(d.amount), lang)})` : ''}`;
      return e.action === 'note.set'
        ? both((lang) => (lang === 'nl' ? `Schreef bij ${at(lang)}: "${String(d.text ?? '')}".` : `Noted on ${at(lang)}: "${String(d.text ?? '')}".`))
        : both((lang) => (lang === 'nl' ? `Wiste de notitie bij ${at(lang)}.` : `Cleared the note on ${at(lang)}.`));
    }
    case 'item.categorise':
    case 'item.uncategorise': {
      const at = (lang: Lang) => `${lineLabel(String(d.lineKey ?? ''))} (${eur(Number(d.amount ?? 0), lang)})`;
      if (e.action === 'item.uncategorise') return both((lang) => (lang === 'nl' ? `Haalde de categorie weg bij ${at(lang)}.` : `Removed the category of ${at(lang)}.`));
      return both((lang) => {
        const corr = correctionText(d.correction as CorrectionEntry | undefined, lang);
        return `${lang === 'nl' ? 'Gaf' : 'Categorised'} ${at(lang)}${lang === 'nl' ? ' de categorie' : ' as'} "${categoryLabel(category, lang)}"${corr ? `; ${lang === 'nl' ? 'correctieboeking' : 'correction entry'} ${corr}` : ''}.`;
      });
    }
    case 'signoff.preparer':
    case 'signoff.reviewer': {
      const snap = (d.snapshot as { closing: number; openItems: number } | undefined) ?? { closing: 0, openItems: 0 };
      const role = e.action === 'signoff.preparer' ? { nl: 'opsteller', en: 'preparer' } : { nl: 'beoordelaar', en: 'reviewer' };
      return both((lang) =>
        lang === 'nl'
          ? `Tekende af als ${role.nl}${on(lang)} voor ${String(d.period ?? '')}: saldo ${eur(snap.closing, lang)}, ${n(snap.openItems, 'open post', 'open posten', lang)}.`
          : `Signed off as ${role.en}${on(lang)} for ${String(d.period ?? '')}: balance ${eur(snap.closing, lang)}, ${n(snap.openItems, 'open item', 'open items', lang)}.`,
      );
    }
    case 'signoff.reject':
      return both((lang) => (lang === 'nl' ? `Wees de aftekening van ${String(d.preparer ?? '')}${on(lang)} voor ${String(d.period ?? '')} af; de rekening staat weer open.` : `Rejected ${String(d.preparer ?? '')}'s sign-off${on(lang)} for ${String(d.period ?? '')}; the account is open again.`));
    case 'wallet.set': {
      const w = d.wallet === null || d.wallet === undefined ? null : toCents(String(d.wallet));
      return both((lang) =>
        w === null
          ? lang === 'nl' ? `Wiste het walletsaldo${on(lang)} voor ${String(d.period ?? '')}.` : `Cleared the wallet balance${on(lang)} for ${String(d.period ?? '')}.`
          : lang === 'nl' ? `Vulde het walletsaldo in${on(lang)} voor ${String(d.period ?? '')}: ${eur(w, lang)}.` : `Entered the wallet balance${on(lang)} for ${String(d.period ?? '')}: ${eur(w, lang)}.`,
      );
    }
    case 'tolerance.set':
      return both((lang) => (lang === 'nl' ? `Stelde de tolerantie${on(lang)} in op ${eur(Number(d.cents ?? 0), lang)} of ${Number(d.permille ?? 0) / 10} %.` : `Set the tolerance${on(lang)} to ${eur(Number(d.cents ?? 0), lang)} or ${Number(d.permille ?? 0) / 10} %.`));
    case 'undo': {
      const kind = KIND[String(d.kind ?? '')] ?? { nl: String(d.kind ?? ''), en: String(d.kind ?? '') };
      return both((lang) => (lang === 'nl' ? `Maakte ${kind.nl} ongedaan${on(lang)}.` : `Undid ${kind.en}${on(lang)}.`));
    }
    default:
      return both(() => `${e.action}${e.detail ? `: ${e.detail}` : ''}`);
  }
}
