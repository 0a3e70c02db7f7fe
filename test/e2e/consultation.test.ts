import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/startTestServer.js';
import { createTeam } from '../helpers/teamFixture.js';
import { teamMember } from '../helpers/teamMember.js';
import { importSamplePlan } from '../helpers/importSamplePlan.js';
import { agreeEveryProposal } from '../helpers/agreeEveryProposal.js';
import { connectClient, waitForSync } from '../helpers/connectClient.js';
import { findBlock } from '../helpers/findBlock.js';
import { setBlockLineText } from '../helpers/blockFieldNode.js';
import { launchBrowser, newUserPage, openPlan, saveScreenshot } from '../helpers/browser.js';
import type { PlanVersion } from '../../shared/versions/PlanVersion.js';
import type { Consultation, ConsultationRemark } from '../../shared/consultations/Consultation.js';
import type { PlanEvent } from '../../shared/events/PlanEvent.js';
import { anonymousClient } from '../helpers/apiClient.js';
import { polishDate } from '../../shared/consultations/consultationStatus.js';

const NAME_PAYLOAD = 'Gmina <img src=x onerror="window.__xss=1">';
const REMARK_PAYLOAD = 'Termin jest zbyt ogólny. <script>window.__xss=2</script>';

describe('public consultation in the browser', () => {
  it('takes a remark without an account on the frozen text (chosen by selecting text), shows it live to the team as inert text, records the response and turns it into a suggestion', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const team = await createTeam(server, { 'Anna Kowalska': 'chair', 'Bartek Nowak': 'member' });
    const anna = teamMember(team, 'Anna Kowalska');
    const planId = (await importSamplePlan(anna, team.workspaceId)).body.id;
    await agreeEveryProposal(anna, planId);
    const frozen = await anna.request<{ version: PlanVersion }>('POST', `/plans/${planId}/agreed-versions`, { decisionDate: '2026-03-12', decisionReference: 'protokół nr 4' });
    const opened = await anna.request<{ consultation: Consultation }>('POST', `/plans/${planId}/consultations`, {
      versionId: frozen.body.version.id,
      startsOn: polishDate(Date.now()),
      endsOn: polishDate(Date.now() + 21 * 24 * 3600 * 1000),
    });
    expect(opened.status).toBe(201);
    const token = opened.body.consultation.publicToken;
    // The working copy moves on after freezing; the public page must not follow it.
    const bartek = connectClient(server.collabUrl, planId, { name: 'Bartek Nowak', headers: { cookie: teamMember(team, 'Bartek Nowak').cookie ?? '' } });
    await waitForSync(bartek);
    setBlockLineText(findBlock(bartek, 'R-01'), 'title', 'ZMIANA W WERSJI ROBOCZEJ');

    const browser = await launchBrowser();
    const chair = await openPlan(browser, server.httpUrl, planId, anna, 'Anna');
    await chair.page.getByRole('tab', { name: 'Konsultacje', exact: true }).click();
    const panel = chair.page.getByRole('region', { name: 'Konsultacje', exact: true });
    await expect.poll(() => panel.textContent()).toContain('Nie zgłoszono jeszcze uwag.');
    await expect.poll(() => chair.page.locator('.workspace__header').getByTestId('consultation-status').textContent()).toContain('Konsultacje trwają');

    // Someone without an account opens the link.
    const visitor = await newUserPage(browser, server.httpUrl, null, 'visitor');
    await visitor.page.goto(`${server.httpUrl}/konsultacje/${token}`);
    const documentRegion = visitor.page.getByRole('region', { name: 'Konsultowany dokument' });
    await documentRegion.waitFor();
    const pageText = (await visitor.page.locator('body').innerText()).replace(/\s+/g, ' ');
    expect(pageText).toContain('Powiązanie naborów EFS+ z planowaniem lokalnym');
    expect(pageText).not.toContain('ZMIANA W WERSJI ROBOCZEJ');
    for (const name of ['Anna Kowalska', 'Bartek Nowak', 'Anna Kowalczyk', 'Halina Wróbel']) expect(pageText).not.toContain(name);
    expect(await visitor.page.locator('.plan-editor__content, [contenteditable="true"]').count()).toBe(0);

    // Selecting a passage of R-01 points the remark at that block and quotes it.
    const passage = await visitor.page.evaluate(() => {
      const paragraph = document.querySelector('[data-block-id="R-01"] p');
      const node = (function firstText(candidate: Node | null | undefined): Text | null {
        if (!candidate) return null;
        if (candidate.nodeType === Node.TEXT_NODE && (candidate.textContent ?? '').trim().length > 20) return candidate as Text;
        for (const child of Array.from(candidate.childNodes)) {
          const found = firstText(child);
          if (found) return found;
        }
        return null;
      })(paragraph);
      if (!node) throw new Error('no text in R-01');
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, 20);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      node.parentElement?.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return range.toString().trim();
    });
    await visitor.page.getByRole('button', { name: 'Zgłoś uwagę do zaznaczonego tekstu' }).click();
    const form = visitor.page.getByRole('form', { name: 'Zgłoś uwagę' });
    expect(await form.getByLabel('Część dokumentu').inputValue()).toBe('rekomendacje');
    expect(await form.getByLabel('Blok (nieobowiązkowo)').inputValue()).toBe('R-01');
    expect(await form.getByLabel('Fragment, którego dotyczy uwaga').inputValue()).toBe(passage);

    // Required fields are checked before anything is sent.
    await form.getByRole('button', { name: 'Wyślij uwagę' }).click();
    await expect.poll(() => form.getByRole('alert').first().textContent()).toBe('To pole jest wymagane.');
    await form.getByLabel('Imię i nazwisko lub nazwa instytucji *').fill(NAME_PAYLOAD);
    await form.getByLabel('Treść uwagi *').fill(REMARK_PAYLOAD);
    await form.getByLabel('Proponowane brzmienie').fill('do końca 2027 r.');
    await form.getByLabel('Uzasadnienie', { exact: true }).fill('Ułatwi to planowanie naborów.');
    await form.getByRole('button', { name: 'Wyślij uwagę' }).click();
    const reference = visitor.page.getByTestId('remark-reference');
    await expect.poll(() => reference.textContent()).toBe('K1-001');
    expect(await visitor.page.getByRole('status').filter({ hasText: 'Dziękujemy' }).count()).toBe(1);
    await saveScreenshot(visitor.page, 'consultation-public');

    // The team sees it live, linked to its block, with every payload as text.
    const card = panel.locator('[data-remark="K1-001"]');
    await card.waitFor();
    const cardText = await card.innerText();
    expect(cardText).toContain(NAME_PAYLOAD);
    expect(cardText).toContain(REMARK_PAYLOAD);
    expect(cardText).toContain('R-01');
    expect(cardText).toContain(passage);
    for (const page of [chair.page, visitor.page]) {
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.locator('img[src="x"], script:has-text("__xss")').count()).toBe(0);
    }

    // The chair records the response; it shows at once and is stored.
    await card.getByLabel('Uwzględniona częściowo').check();
    await card.getByLabel('Uzasadnienie stanowiska *').fill('Termin doprecyzowano w rekomendacji R-01.');
    await card.getByRole('button', { name: 'Zapisz stanowisko' }).click();
    await expect.poll(() => card.getByTestId('remark-response').textContent()).toContain('Uwzględniona częściowo – Termin doprecyzowano w rekomendacji R-01.');
    await expect.poll(() => panel.textContent()).toContain('Uwagi: 1, rozpatrzone: 1');
    // Accepted in part, its proposed wording goes into the working copy as the chair's suggestion.
    await card.getByRole('button', { name: 'Wpisz jako sugestię do wersji roboczej' }).click();
    await expect.poll(() => card.textContent()).toContain('wpisano do wersji roboczej jako sugestię');
    await expect.poll(() => chair.editor().locator('ins[data-suggestion-id]').filter({ hasText: 'do końca 2027 r.' }).count()).toBe(1);
    await saveScreenshot(chair.page, 'consultation-team');

    // A remark on a whole section is discussed as well: its thread shows on its card, reaches the others
    // live, and is listed in the comments tab labelled with the section.
    const bartekEvents: PlanEvent[] = [];
    bartek.channel.onPlanEvent((event) => bartekEvents.push(event));
    const onSection = await anonymousClient(server).request<{ receipt: { reference: string } }>('POST', `/public/consultations/${token}/remarks`, {
      submitterName: 'Jan Obywatel',
      sectionKey: 'diagnoza',
      blockId: null,
      remark: 'Diagnoza pomija osoby w kryzysie bezdomności.',
    });
    expect(onSection.body.receipt.reference).toBe('K1-002');
    const sectionCard = panel.locator('[data-remark="K1-002"]');
    await sectionCard.waitFor();
    await sectionCard.getByPlaceholder('Pierwszy komentarz do uwagi').fill('Uzupełnijmy diagnozę o dane MOPS.');
    await sectionCard.getByRole('button', { name: 'Omów w wątku' }).click();
    const cardThread = sectionCard.locator('.remark-card__thread');
    await expect.poll(() => cardThread.textContent()).toContain('Uzupełnijmy diagnozę o dane MOPS.');
    await cardThread.getByLabel('Odpowiedź').fill('Dane są w raporcie z 2025 r.');
    await cardThread.getByRole('button', { name: 'Odpowiedz', exact: true }).click();
    await expect.poll(() => cardThread.textContent()).toContain('Dane są w raporcie z 2025 r.');
    await expect.poll(() => bartekEvents.some((event) => event.type === 'threadCreated' && event.thread.anchor.kind === 'section')).toBe(true);
    await expect.poll(() => bartekEvents.some((event) => event.type === 'commentSaved' && event.comment.body === 'Dane są w raporcie z 2025 r.')).toBe(true);
    await saveScreenshot(chair.page, 'consultation-section-thread');
    const sectionTitle = (await anna.request<{ remarks: ConsultationRemark[] }>('GET', `/consultations/${opened.body.consultation.id}/remarks`)).body.remarks[1]?.target.sectionTitle;
    expect(sectionTitle).toContain('iagnoz');
    await chair.page.getByRole('tab', { name: 'Komentarze', exact: true }).click();
    const sectionThread = chair.page.getByRole('region', { name: 'Komentarze', exact: true }).locator('.thread').filter({ hasText: 'Uwaga K1-002' });
    await expect.poll(() => sectionThread.locator('.comment-quote').textContent()).toContain(`Sekcja: ${sectionTitle ?? ''}`);
    expect(await sectionThread.textContent()).toContain('Dane są w raporcie z 2025 r.');
    // It finds its section in the working copy; showing it puts the caret there rather than selecting the whole chapter.
    await sectionThread.locator('.thread__anchor').click();
    await expect.poll(() => chair.editor().locator('section.plan-section[data-section-key="diagnoza"]').isVisible()).toBe(true);
    expect(await chair.editor().locator('section.plan-section.ProseMirror-selectednode').count()).toBe(0);
    expect(await chair.editor().locator('section.plan-section.comment-highlight').count()).toBe(0);

    const remarks = await anna.request<{ remarks: Array<{ response: string | null }> }>('GET', `/consultations/${opened.body.consultation.id}/remarks`);
    expect(remarks.body.remarks.map((remark) => remark.response)).toEqual(['partlyAccepted', null]);
    bartek.destroy();
  }, 180_000);
});
