import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer } from '../helpers/startTestServer.js';
import { launchBrowser, newUserPage, saveScreenshot } from '../helpers/browser.js';

const PASSWORD = 'Zaq1-team-workspace-e2e';

function uniqueEmail(name: string): string {
  return `${name}-${Math.random().toString(36).slice(2, 8)}@example.pl`;
}

/** Fills the register form the way a person would: by the visible labels. */
async function register(page: Page, name: string, email: string): Promise<void> {
  await page.getByLabel('Imię i nazwisko').fill(name);
  await page.getByLabel('Adres e-mail').fill(email);
  await page.getByLabel('Hasło').fill(PASSWORD);
  await page.getByRole('button', { name: 'Załóż konto', exact: true }).click();
}

async function acceptInvitation(page: Page, link: string, name: string, email: string): Promise<void> {
  await page.goto(link);
  await expect.poll(() => page.locator('.invitation__workspace').textContent()).toBe('Zespół ds. deinstytucjonalizacji');
  await saveScreenshot(page, `invitation-${name.split(' ')[0]?.toLowerCase()}-pl`);
  await page.getByRole('link', { name: 'Załóż konto' }).click();
  await page.waitForURL(/\/register\?next=/);
  await register(page, name, email);
  // Back on the invitation, now logged in.
  await page.getByRole('button', { name: 'Dołącz do zespołu' }).click();
  await page.waitForURL(/\/workspaces\//);
}

async function createInvitationLink(page: Page, role: string, email?: string): Promise<string> {
  await page.getByLabel('Rola w zespole').selectOption(role);
  if (email !== undefined) await page.getByLabel('Adres e-mail osoby zapraszanej (nieobowiązkowy)').fill(email);
  const link = page.getByLabel('Link z zaproszeniem');
  // The panel keeps showing the previous link until the new one replaces it.
  const previous = (await link.count()) > 0 ? await link.inputValue() : null;
  await page.getByRole('button', { name: 'Utwórz link z zaproszeniem' }).click();
  await expect.poll(async () => ((await link.count()) > 0 ? link.inputValue() : null)).not.toBe(previous);
  const value = await link.inputValue();
  expect(value).toMatch(/\/invitations\/[\w-]{20,}$/);
  return value;
}

describe('team workspace in the browser', () => {
  it('register, create a team and a plan, invite a member and an observer, co-edit and read-only', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const browser = await launchBrowser();

    // A: unauthenticated visit → login → register → empty home.
    const anna = await newUserPage(browser, server.httpUrl, null, 'Anna');
    await anna.page.goto(`${server.httpUrl}/`);
    await anna.page.waitForURL(/\/login$/);
    await saveScreenshot(anna.page, 'login-pl');
    await anna.page.getByRole('link', { name: 'Załóż konto' }).click();
    await anna.page.waitForURL(/\/register$/);
    // Inline validation before anything is sent.
    await anna.page.getByRole('button', { name: 'Załóż konto', exact: true }).click();
    await expect.poll(() => anna.page.locator('.field__error').count()).toBe(3);
    await saveScreenshot(anna.page, 'register-errors-pl');
    await register(anna.page, 'Anna Kowalska', uniqueEmail('anna'));
    await anna.page.waitForURL(`${server.httpUrl}/`);
    await expect.poll(() => anna.page.locator('.empty').textContent()).toContain('Nie masz jeszcze żadnego zespołu');
    await saveScreenshot(anna.page, 'home-empty-pl');

    // A creates the team and a plan.
    await anna.page.getByLabel('Nazwa zespołu').fill('Zespół ds. deinstytucjonalizacji');
    await anna.page.getByLabel('Opis (nieobowiązkowy)').fill('Zarządzenie nr 12/2025 Wójta Gminy Przykładowo');
    await anna.page.getByRole('button', { name: 'Utwórz zespół' }).click();
    await anna.page.waitForURL(/\/workspaces\//);
    const workspaceUrl = anna.page.url();
    await expect.poll(() => anna.page.locator('h1').textContent()).toBe('Zespół ds. deinstytucjonalizacji');
    await anna.page.getByLabel('Tytuł planu').fill('LPDI Gminy Przykładowo');
    await anna.page.getByLabel('Rodzaj dokumentu').selectOption('local');
    await anna.page.getByLabel('Okres od').fill('2025');
    await anna.page.getByLabel('Okres do').fill('2030');
    await anna.page.getByRole('button', { name: 'Utwórz plan' }).click();
    const planLink = anna.page.getByRole('link', { name: 'LPDI Gminy Przykładowo' });
    await planLink.waitFor();
    expect(await anna.page.locator('.item-list__meta').first().textContent()).toContain('Lokalny plan deinstytucjonalizacji (LPDI) · 2025–2030');

    // A invites B as a member; B registers from the invitation and joins.
    const memberLink = await createInvitationLink(anna.page, 'member');
    await saveScreenshot(anna.page, 'workspace-chair-pl');
    const bartek = await newUserPage(browser, server.httpUrl, null, 'Bartek');
    await acceptInvitation(bartek.page, memberLink, 'Bartek Nowak', uniqueEmail('bartek'));
    await bartek.page.getByRole('link', { name: 'LPDI Gminy Przykładowo' }).click();
    await bartek.page.waitForURL(/\/plans\//);
    const planUrl = bartek.page.url();
    await expect.poll(() => bartek.page.locator('.plan-meta [data-role]').textContent()).toBe('Członek/członkini');
    expect(await bartek.page.locator('.workspace__title').textContent()).toBe('LPDI Gminy Przykładowo');
    // Members do not manage plans or invitations.
    await bartek.page.getByRole('link', { name: 'Zespół ds. deinstytucjonalizacji' }).click();
    await bartek.page.waitForURL(workspaceUrl);
    await bartek.page.getByRole('heading', { name: 'Plany' }).waitFor();
    expect(await bartek.page.getByRole('button', { name: 'Utwórz plan' }).count()).toBe(0);
    expect(await bartek.page.getByRole('heading', { name: 'Zaproszenia' }).count()).toBe(0);
    await bartek.page.goto(planUrl);

    // Both on the plan: typing, text and carets.
    await anna.page.reload();
    await anna.page.getByRole('link', { name: 'LPDI Gminy Przykładowo' }).click();
    const annaEditor = anna.page.locator('.plan-editor__content');
    const bartekEditor = bartek.page.locator('.plan-editor__content');
    await annaEditor.waitFor();
    await bartekEditor.waitFor();
    // Click into a section's text: a section header holds its own inputs and selects.
    await annaEditor.locator('.plan-section__body p').first().click();
    await anna.page.keyboard.type('Diagnoza potrzeb mieszkańców');
    await expect.poll(() => bartekEditor.textContent()).toContain('Diagnoza potrzeb mieszkańców');
    await bartekEditor.locator('.plan-section__body p').last().click();
    await bartek.page.keyboard.press('Control+End');
    await bartek.page.keyboard.press('Enter');
    await bartek.page.keyboard.type('Uwagi Bartka');
    await expect.poll(() => annaEditor.textContent()).toContain('Uwagi Bartka');
    await expect.poll(() => bartek.page.locator('.collaboration-carets__label').allTextContents()).toContain('Anna Kowalska');
    await expect.poll(() => anna.page.locator('.collaboration-carets__label').allTextContents()).toContain('Bartek Nowak');
    await expect.poll(() => anna.page.locator('.save-status').getAttribute('data-state')).toBe('saved');
    await saveScreenshot(anna.page, 'plan-chair-pl');

    // A invites C as an observer (only for C's address); C sees the plan read-only.
    const celinaEmail = uniqueEmail('celina');
    await anna.page.getByRole('link', { name: 'Zespół ds. deinstytucjonalizacji' }).click();
    await anna.page.waitForURL(workspaceUrl);
    const observerLink = await createInvitationLink(anna.page, 'observer', celinaEmail);
    const celina = await newUserPage(browser, server.httpUrl, null, 'Celina');
    await acceptInvitation(celina.page, observerLink, 'Celina Wiśniewska', celinaEmail);
    await celina.page.goto(planUrl);
    const celinaEditor = celina.page.locator('.plan-editor__content');
    await expect.poll(() => celinaEditor.textContent()).toContain('Uwagi Bartka');
    await expect.poll(() => celina.page.locator('.notice--info').textContent()).toContain('tylko do odczytu');
    expect(await celinaEditor.getAttribute('contenteditable')).toBe('false');
    expect(await celina.page.locator('.plan-meta [data-role]').textContent()).toBe('Obserwator');
    await saveScreenshot(celina.page, 'plan-observer-pl');

    // The chair's member list now shows all three with their roles.
    await anna.page.reload();
    await expect.poll(() => anna.page.locator('tbody tr').count()).toBe(3);
    expect(await anna.page.getByLabel('Rola: Celina Wiśniewska').inputValue()).toBe('observer');
    await expect.poll(() => anna.page.locator('[data-invitation-state="accepted"]').count()).toBe(2);

    // English works on the same pages.
    await anna.page.getByRole('button', { name: 'English' }).click();
    await anna.page.getByRole('heading', { name: 'Team members (3)' }).waitFor();
    await saveScreenshot(anna.page, 'workspace-chair-en');
    await celina.page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => celina.page.locator('.notice--info').textContent()).toContain('Read-only');
    await saveScreenshot(celina.page, 'plan-observer-en');

    // Logging out ends the session: protected pages send the user back to the login page.
    await anna.page.getByRole('button', { name: 'Log out' }).click();
    await anna.page.waitForURL(/\/login$/);
    await anna.page.goto(workspaceUrl);
    await anna.page.waitForURL(/\/login\?next=%2Fworkspaces%2F/);
  }, 60_000);
});
