// Issue 18 §2 and §4 in Chromium over the demo: Enter accepts only the focused line's suggestion;
// a difference needs a category and a reason, and above the tolerance a second confirmation; open
// items get categories; a line's history and its match are on screen; sign-off rules, a reviewer
// who is another person, rejection with a comment; "Toon" shows the flagged lines; bulk accept
// with undo; readable at 1280 px (nothing runs together or wraps), Amsterdam time, both languages.
import ExcelJS from 'exceljs';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatAmsterdam } from '../../src/shared/amsterdam-time';
import type { AdministrationResult } from '../../src/shared/reconcile';
import { parseEuroInput } from '../../src/shared/money';
import { launchBrowser, startHarness, type Harness } from './harness';

const JUNE = { year: 2025, month: 6 };
const CIT = '20990';
const SUPPLIER = '700123';
let browser: Browser;
let h: Harness;
let fee: string[];

beforeAll(async () => {
  // The demo's sync and Chromium's start take most of a minute on a shared machine.
  browser = await launchBrowser();
  h = await startHarness({ browser, viewport: { width: 1280, height: 860 } });
  const { page } = h;
  await page.getByRole('button', { name: 'Probeer met demodata' }).click();
  await page.locator('.monthbar').waitFor();
  await page.getByLabel('Uw naam').fill('A. de Vries');
  await page.getByRole('button', { name: 'Mutaties ophalen' }).click();
  await page.locator('.toast').filter({ hasText: 'Klaar' }).waitFor({ timeout: 90_000 });
  await page.locator('[data-account="20990"] [data-status="does-not-clear"]').waitFor();
  fee = h.workspaces.demoServer()!.dataset.truth.units[0]!.periods['2025-06']!.openLines.filter((o) => o.reason === 'fee-difference').map((o) => o.key);
});
// Each test starts on the dashboard, whatever the one before left open.
afterEach(async () => {
  await setLang('nl');
  if (await h.page.getByRole('button', { name: '← Overzicht' }).count()) await back();
  await h.page.setViewportSize({ width: 1280, height: 860 });
});
afterAll(async () => {
  await h?.close();
  await browser?.close();
});

const result = () => h.workspaces.active().invoke<AdministrationResult>('getResult', [1, JUNE]);
const open = async (account: string) => {
  await h.page.getByRole('button', { name: `Afletteren ${account}` }).click();
  await h.page.locator('[data-testid="table-debit"] [data-key]').first().waitFor();
};
/** Back to the dashboard, the text filter cleared (the matching view keeps its filters). */
const back = async () => {
  const text = h.page.getByLabel('Tekst');
  if (await text.count()) await text.fill('');
  await h.page.getByRole('button', { name: '← Overzicht' }).click();
};
const row = (key: string) => h.page.locator(`[data-key="${key}"]`);
/** Focuses a line (found by its entry number, so the virtual table renders it) and waits for its detail. */
async function focusLine(key: string, modifiers: ('Control')[] = []): Promise<void> {
  const [, journal, entry, seq] = key.split('/');
  await h.page.getByLabel('Tekst').fill(entry!);
  // Clicked last, so the keyboard is in its table (Enter, Ctrl+Z); the filter stays until cleared.
  await row(key).click({ modifiers });
  if (modifiers.length === 0) await h.page.locator('[data-testid="line-detail"][aria-busy="false"]').filter({ hasText: `${journal} ${entry} / ${seq}` }).waitFor();
}
const toast = () => h.page.locator('.toast');
/** Switches the language and waits until the page speaks it. */
async function setLang(lang: 'nl' | 'en'): Promise<void> {
  await h.page.getByRole('button', { name: lang.toUpperCase(), exact: true }).click();
  await expect.poll(() => h.page.evaluate(() => document.documentElement.lang)).toBe(lang);
}
/** Nothing inside runs over its box (text cut or spilling into the next). */
const overflowing = (l: Locator) => l.evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));

describe('Enter accepts only the focused line’s suggestion', () => {
  it('on a line without a suggestion Enter accepts nothing; on the second suggestion’s line it accepts that one', async () => {
    const { page } = h;
    await open(SUPPLIER);
    const before = (await result()).matches.filter((m) => m.account === SUPPLIER && m.status === 'suggested');
    expect(before.length).toBe(2);
    // A line without a suggestion: the first suggestion is NOT accepted.
    const plain = page.locator('[data-testid="table-debit"] [data-key]:not(.m-suggested), [data-testid="table-credit"] [data-key]:not(.m-suggested)').first();
    await plain.click();
    await page.keyboard.press('Enter');
    await expect.poll(() => toast().textContent()).toContain('Deze regel heeft geen voorstel');
    expect((await result()).matches.filter((m) => m.account === SUPPLIER && m.status === 'suggested')).toHaveLength(2);
    // The second suggestion's line: exactly that one goes in.
    const second = before[1]!;
    await page.getByLabel('Ook afgeletterd').check();
    await focusLine(second.lines[0]!);
    await expect.poll(() => page.locator('.suggestions li.focused').getAttribute('data-match')).toBe(second.id);
    await h.screenshot('18-10-enter-focused-1280-nl');
    await page.keyboard.press('Enter');
    await expect.poll(() => toast().textContent()).toContain('Voorstel geaccepteerd');
    const after = await result();
    // The first suggestion is still there (its id may now say it is the only one left: by its lines).
    expect(after.matches.filter((m) => m.status === 'suggested' && m.account === SUPPLIER).map((m) => [...m.lines].sort())).toEqual([[...before[0]!.lines].sort()]);
    expect(after.matches.some((m) => m.status === 'confirmed' && m.lines.includes(second.lines[0]!) && m.confirmedBy === 'A. de Vries')).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await result()).matches.filter((m) => m.account === SUPPLIER && m.status === 'suggested').length).toBe(2);
    await page.getByLabel('Ook afgeletterd').uncheck();
  });

  it('accepts every exact suggestion of an account in one step, and one undo takes them all back', async () => {
    const { page } = h;
    await open(SUPPLIER);
    await page.getByRole('button', { name: 'Alle 2 exacte voorstellen accepteren' }).click();
    await expect.poll(() => toast().textContent()).toContain('2 voorstellen geaccepteerd.');
    expect(await toast().getByRole('button', { name: /Ongedaan maken/ }).count()).toBe(1);
    expect((await result()).matches.filter((m) => m.account === SUPPLIER && m.status === 'suggested')).toHaveLength(0);
    await toast().getByRole('button', { name: /Ongedaan maken/ }).click();
    await expect.poll(async () => (await result()).matches.filter((m) => m.account === SUPPLIER && m.status === 'suggested').length).toBe(2);
    await back();
  });
});

describe('a difference needs a category and a reason', () => {
  it('Enter on the fee line opens the form (nothing goes in unexplained); "to book" proposes the correction entry', async () => {
    const { page } = h;
    await open(CIT);
    const bank = fee.find((k) => k.includes('/BNK/'))!;
    await focusLine(bank);
    await page.keyboard.press('Enter');
    const form = page.getByTestId('explain-difference');
    await form.waitFor();
    expect(await form.textContent()).toContain('Verschil van € 0,35 toelichten');
    expect((await result()).matches.some((m) => m.status === 'confirmed' && m.lines.includes(bank))).toBe(false);
    const confirm = form.getByRole('button', { name: 'Bevestigen' });
    expect(await confirm.isDisabled()).toBe(true);
    await form.getByLabel('Categorie').selectOption('to-book');
    await form.getByLabel('Reden').fill('Bankkosten ING');
    expect(await confirm.isDisabled()).toBe(true); // "to book" needs the counter account
    await form.getByLabel('Tegenrekening voor de correctieboeking').fill('4610');
    expect(await form.textContent()).toContain('Voorgestelde correctieboeking: debet 4610 € 0,35 / credit 20990 € 0,35');
    expect(await form.textContent()).toContain('Tolerantie van deze rekening: € 5,00 of 1 %, hier € 25,00.');
    await h.screenshot('18-11-explain-difference-1280-nl');
    await confirm.click();
    await expect.poll(() => toast().textContent()).toContain('Voorstel geaccepteerd');
    const r = await result();
    const cit = r.accounts.find((a) => a.account === CIT)!;
    expect(cit.categorised).toBe(35);
    expect(parseEuroInput((await page.getByTestId('unexplained').textContent())!.replace('Onverklaard: ', ''))).toBe(cit.closing - cit.expected - 35);
  });

  it('the matched line shows its match (difference, category, reason, who, when) and its history', async () => {
    const { page } = h;
    await open(CIT);
    const bank = fee.find((k) => k.includes('/BNK/'))!;
    await page.getByLabel('Ook afgeletterd').check();
    await focusLine(bank);
    const group = page.getByTestId('group-info');
    await group.waitFor();
    const m = (await result()).matches.find((g) => g.status === 'confirmed' && g.lines.includes(bank))!;
    expect(await group.textContent()).toContain(`Door A. de Vries op ${formatAmsterdam(m.confirmedAt)}`);
    expect(await group.textContent()).toContain('Verschil € 0,35 · Kosten of afronding: te boeken');
    expect(await group.textContent()).toContain('Reden: Bankkosten ING');
    const history = page.getByTestId('line-history');
    await expect.poll(() => history.textContent()).toContain('Letterde 2 regels af op 20990 op bedrag met klein verschil');
    expect(await history.textContent()).toContain('A. de Vries');
    expect(await history.textContent()).toContain('Reden: Bankkosten ING');
    await h.screenshot('18-12-line-history-1280-nl');
    await page.setViewportSize({ width: 1920, height: 1000 });
    await h.screenshot('18-12-line-history-1920-nl');
    await setLang('en');
    await expect.poll(() => history.textContent()).toContain('Matched 2 lines on 20990 by amount with a small difference');
    await h.screenshot('18-12-line-history-1920-en');
    await page.setViewportSize({ width: 1280, height: 860 });
    await h.screenshot('18-12-line-history-1280-en');
    await setLang('nl');
    await page.getByLabel('Ook afgeletterd').uncheck();
  });

  it('a difference above the tolerance is confirmed twice', async () => {
    const { page } = h;
    await open(CIT);
    const cit = (await result()).accounts.find((a) => a.account === CIT)!;
    const pos = cit.openItems.find((o) => o.line.amount > 0)!;
    const neg = cit.openItems.find((o) => o.line.amount < 0)!;
    await focusLine(pos.line.key);
    await focusLine(neg.line.key, ['Control']);
    await page.getByRole('button', { name: 'Met verschil afletteren…' }).click();
    const form = page.getByTestId('explain-difference');
    await form.getByLabel('Categorie').selectOption('investigating');
    await form.getByLabel('Reden').fill('Navragen bij Moss');
    await form.getByRole('button', { name: 'Bevestigen' }).click();
    await form.getByRole('alert').filter({ hasText: 'groter dan de tolerantie' }).waitFor();
    expect((await result()).matches.some((m) => m.status === 'confirmed' && m.lines.includes(pos.line.key))).toBe(false);
    await h.screenshot('18-13-above-tolerance-1280-nl');
    await form.getByRole('button', { name: /^Ja, verschil van .* bevestigen$/ }).click();
    await expect.poll(() => toast().textContent()).toContain('Afgeletterd.');
    expect((await result()).matches.some((m) => m.status === 'confirmed' && m.lines.includes(pos.line.key))).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await result()).matches.some((m) => m.status === 'confirmed' && m.lines.includes(pos.line.key))).toBe(false);
  });
});

describe('sign-off means something', () => {
  it('the preparer signs when every open item has a category; the reviewer is another person who can reject with a comment', async () => {
    const { page } = h;
    await open(CIT);
    const panel = page.getByTestId('signoff-panel');
    const prepare = panel.getByRole('button', { name: 'Aftekenen als opsteller' });
    expect(await prepare.isDisabled()).toBe(true);
    expect(await panel.textContent()).toMatch(/elke open post een categorie heeft \(\d+ nog zonder\)/);
    // Categorise every open item through its line's detail.
    const items = (await result()).accounts.find((a) => a.account === CIT)!.openItems;
    for (const o of items) {
      await focusLine(o.line.key);
      const editor = page.getByTestId('category-editor');
      await editor.waitFor();
      await editor.getByLabel('Categorie').selectOption('investigating');
      await editor.getByLabel('Reden').fill('Navragen bij Moss');
      await editor.getByRole('button', { name: 'Categorie opslaan' }).click();
      await expect.poll(async () => (await result()).accounts.find((a) => a.account === CIT)!.openItems.find((x) => x.line.key === o.line.key)?.categorisation?.category).toBe('investigating');
    }
    await expect.poll(() => prepare.isDisabled()).toBe(false);
    expect(await page.getByTestId('unexplained').textContent()).toBe('Onverklaard: € 0,00');
    await prepare.click();
    await expect.poll(() => panel.locator('.kv').textContent()).toContain('A. de Vries');
    const at = (await result()).accounts.find((a) => a.account === CIT)!.signOff.preparer!.at;
    // Amsterdam time on screen, as in the workbook.
    expect(await panel.locator('.kv').textContent()).toContain(formatAmsterdam(at));
    expect(await page.locator('.matching-head [data-status]').textContent()).toContain('Sluit niet aan');
    expect(await page.locator('.matching-head [data-signoff]').textContent()).toContain('Opgesteld');
    // The same person cannot review (however typed).
    await panel.getByLabel('Naam beoordelaar').fill('a. de  vries');
    expect(await panel.textContent()).toContain('A. de Vries stelde deze rekening op: een ander beoordeelt (functiescheiding).');
    expect(await panel.getByRole('button', { name: 'Aftekenen als beoordelaar' }).isDisabled()).toBe(true);
    await h.screenshot('18-14-same-person-1280-nl');
    // Another person rejects with a comment: the account is open again.
    await panel.getByLabel('Naam beoordelaar').fill('B. Jansen');
    await panel.getByRole('button', { name: 'Afwijzen', exact: true }).click();
    await panel.getByLabel('Wat moet de opsteller doen?').fill('Bankkosten eerst boeken in AFAS');
    await panel.getByRole('button', { name: 'Afwijzen en heropenen' }).click();
    await expect.poll(() => panel.locator('.rejected').textContent()).toContain('Afgewezen door B. Jansen');
    expect(await panel.locator('.rejected').textContent()).toContain('Bankkosten eerst boeken in AFAS');
    expect((await result()).accounts.find((a) => a.account === CIT)!.signOff.preparer).toBeNull();
    expect(await page.locator('.matching-head [data-signoff]').textContent()).toContain('Afgewezen');
    await h.screenshot('18-15-rejected-1280-nl');
    await setLang('en');
    await expect.poll(() => panel.locator('.rejected').textContent()).toContain('Rejected by B. Jansen');
    await h.screenshot('18-15-rejected-1280-en');
    await setLang('nl');
    // Prepared again, then reviewed by the other person.
    await prepare.click();
    await expect.poll(() => panel.locator('.kv').textContent()).toContain('A. de Vries');
    await panel.getByRole('button', { name: 'Aftekenen als beoordelaar' }).click();
    await expect.poll(() => panel.locator('.kv').textContent()).toContain('B. Jansen');
    expect(await page.locator('.matching-head [data-signoff]').textContent()).toContain('Beoordeeld');
    await back();
  });

  it('the wallet balance is entered under the user’s name (the audit sheet of the exported workbook says who)', async () => {
    const { page } = h;
    const truth = h.workspaces.demoServer()!.dataset.truth.units[0]!.periods['2025-06']!;
    await page.getByLabel('Walletsaldo volgens Moss op de laatste dag').fill((truth.wallet / 100).toFixed(2).replace('.', ','));
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect.poll(() => page.locator('[data-account="11050"] [data-status]').textContent()).not.toContain('Walletsaldo nog niet ingevuld');
    await page.getByRole('button', { name: 'Werkmap exporteren' }).click();
    await expect.poll(() => page.getByTestId('export-done').textContent(), { timeout: 30_000 }).toContain('Werkmap opgeslagen: ');
    const saved = (await page.getByTestId('export-done').textContent())!.replace(/^.*Werkmap opgeslagen: /, '').trim();
    const wb = await new ExcelJS.Workbook().xlsx.readFile(saved);
    const audit: string[][] = [];
    wb.getWorksheet('Audittrail')!.eachRow((r) => audit.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const wallet = audit.find((r) => r[3]!.startsWith('Vulde het walletsaldo in'))!;
    expect(wallet[2]).toBe('A. de Vries');
    expect(audit.filter((r) => r[2] === 'controller' || r[2] === 'Controller')).toEqual([]);
    expect(audit.some((r) => r[2] === 'B. Jansen' && r[3]!.startsWith('Wees de aftekening'))).toBe(true);
  });
});

describe('"Toon" on a flag', () => {
  it('shows exactly the flagged lines, and "Alle regels tonen" shows the account again', async () => {
    const { page } = h;
    const flag = (await result()).flags.find((f) => f.code === 'duplicate' && f.account === SUPPLIER && f.lines.length === 4)!;
    const li = page.locator('.flag[data-code="duplicate"]').filter({ hasText: 'Atlassian' });
    await li.getByRole('button', { name: 'Toon de 4 gesignaleerde regels op 700123' }).click();
    await page.getByTestId('flagged-note').waitFor();
    await expect.poll(async () => (await page.locator('[data-testid="table-debit"] [data-key], [data-testid="table-credit"] [data-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')))).sort()).toEqual([...flag.lines].sort());
    expect(await page.getByTestId('flagged-note').textContent()).toContain('Toont de 4 gesignaleerde regels');
    await h.screenshot('18-16-flagged-lines-1280-nl');
    await page.getByRole('button', { name: 'Alle regels tonen' }).click();
    expect(await page.getByTestId('flagged-note').count()).toBe(0);
    await page.getByLabel('Ook afgeletterd').check();
    await expect.poll(() => page.locator('[data-testid="table-debit"] [data-key], [data-testid="table-credit"] [data-key]').count()).toBeGreaterThan(flag.lines.length);
    await page.getByLabel('Ook afgeletterd').uncheck();
    await back();
    // A flag about the account as a whole says so, without "0 regel(s)".
    const dnc = page.locator('.flag[data-code="wallet-difference"], .flag[data-code="does-not-clear"]');
    for (const text of await dnc.allTextContents()) expect(text).not.toMatch(/\b0 regels?\b|\(s\)/);
  });
});

describe('readable at 1280 px and in both languages', () => {
  it('card figures never run together, buttons and age buckets never wrap, the toast covers nothing, the chart has its scale', async () => {
    const { page } = h;
    for (const width of [1280, 1360]) {
      await page.setViewportSize({ width, height: 860 });
      await page.waitForTimeout(200);
      expect(await overflowing(page.locator('.account-card .figures dd')), `${width}`).toEqual([]);
      expect(await overflowing(page.locator('.account-card .aging th, .account-card .aging td')), `${width}`).toEqual([]);
      const heights = await page.locator('.account-card .card-foot button, .creditor-table button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(Math.max(...heights), `${width}: a button on one line`).toBeLessThan(40);
      const aging = await page.locator('.account-card .aging th').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(Math.max(...aging)).toBeLessThan(22);
    }
    // The toast sits in the top bar: it never covers the cards or the creditor table.
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.getByRole('button', { name: 'Opnieuw ophalen' }).click();
    await expect.poll(() => toast().textContent(), { timeout: 60_000 }).toMatch(/Klaar/);
    const rects = await page.evaluate(() => {
      const r = (s: string) => [...document.querySelectorAll(s)].map((e) => e.getBoundingClientRect().toJSON() as DOMRect);
      return { toast: r('.toast'), content: r('.account-card, .creditor-table, .flags, .monthbar') };
    });
    expect(rects.toast).toHaveLength(1);
    for (const t of rects.toast) for (const c of rects.content) expect(t.bottom <= c.top || t.top >= c.bottom || t.right <= c.left || t.left >= c.right).toBe(true);
    expect(await page.locator('.topbar .toast').count()).toBe(1);
    expect(await page.locator('[data-account="20990"] .chart-scale').textContent()).toMatch(/€ [\d.,-]+€ -?[\d.,]+/);
    expect(await page.locator('[data-account="700123"] figcaption').textContent()).toMatch(/hoogste € [\d.,]+ · laagste € -34,55/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await h.screenshot('18-20-dashboard-1280-nl');
  });

  it('at 1280 px a bank line shows its reference and counterparty, not ten characters', async () => {
    const { page } = h;
    await open(CIT);
    await page.getByLabel('Ook afgeletterd').check();
    const bank = fee.find((k) => k.includes('/BNK/'))!;
    const cell = row(bank).locator('.c-desc');
    expect(await cell.textContent()).toBe('TU-1-0031 · MOSS FINANCIAL SERVICES B.V.');
    expect(await overflowing(cell)).toEqual([]);
    expect(await cell.getAttribute('title')).toBe('TU-1-0031 · MOSS FINANCIAL SERVICES B.V.');
    await page.getByLabel('Ook afgeletterd').uncheck();
    await h.screenshot('18-21-matching-1280-nl');
    await page.setViewportSize({ width: 1920, height: 1000 });
    await h.screenshot('18-21-matching-1920-nl');
    await setLang('en');
    await h.screenshot('18-21-matching-1920-en');
    await page.setViewportSize({ width: 1280, height: 860 });
    await h.screenshot('18-21-matching-1280-en');
    await setLang('nl');
    await back();
  });

  it('speaks properly in both languages: counted nouns, no "(s)", no internal ids or ISO dates, Amsterdam time', async () => {
    const { page } = h;
    for (const lang of ['NL', 'EN'] as const) {
      await setLang(lang === 'NL' ? 'nl' : 'en');
      const text = (await page.locator('body').innerText()).replace(/"[^"]*"/g, '""');
      expect(text, lang).not.toMatch(/\((s|en)\)|regel\(s\)|line\(s\)/);
      expect(text, lang).not.toMatch(/\b1 voorstellen\b|\b1 suggestions\b|\b1 regels\b|\b1 lines\b/);
      expect(text, lang).not.toMatch(/auto-[0-9a-f]{6}|sugg-[0-9a-f]{6}/);
      expect(text, lang).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
      expect(text, lang).not.toMatch(/merchants\)/);
      expect(text, lang).not.toMatch(/Opgeschort: Aftekening opgeschort/);
      for (const w of [1280, 1920]) {
        await page.setViewportSize({ width: w, height: w === 1280 ? 860 : 1000 });
        await h.screenshot(`18-22-dashboard-${w}-${lang.toLowerCase()}`);
      }
    }
    await setLang('nl');
    expect(await page.locator('.creditors h2').textContent()).toContain('Crediteuren die Moss betaalt');
    await page.setViewportSize({ width: 1280, height: 860 });
    // The last fetch in Amsterdam time, as the workbook has it.
    const last = (await h.workspaces.active().invoke<{ lastSync: { finishedAt: string } }>('getWorkspace', [])).lastSync.finishedAt;
    expect(await page.getByTestId('last-synced').textContent()).toContain(formatAmsterdam(last));
    await open(CIT);
    expect(await page.getByRole('button', { name: /Aflettering ongedaan maken/ }).count()).toBe(1);
    await back();
  });
});
