// The reconciling-item categories in words, for the screen, the workbook and the audit sheet.
import type { ItemCategory } from './reconcile';

export const CATEGORY_LABEL: Record<ItemCategory, { nl: string; en: string }> = {
  timing: { nl: 'Tijdsverschil: tegenboeking verwacht', en: 'Timing: counterpart expected' },
  'to-book': { nl: 'Kosten of afronding: te boeken', en: 'Fee or rounding: to book' },
  'correct-in-afas': { nl: 'Fout: corrigeren in AFAS', en: 'Error: correct in AFAS' },
  investigating: { nl: 'In onderzoek', en: 'Under investigation' },
  'write-off': { nl: 'Afboeken binnen tolerantie', en: 'Write-off within tolerance' },
};

export function categoryLabel(category: ItemCategory | null | undefined, lang: 'nl' | 'en'): string {
  if (!category) return lang === 'nl' ? 'Zonder categorie' : 'Not categorised';
  return CATEGORY_LABEL[category]?.[lang] ?? category;
}
