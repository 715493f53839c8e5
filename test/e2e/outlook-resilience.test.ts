/** First-run sign-in, and an API that is down or slow: clear messages, retry, nothing lost. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages, threads } from '../../api/src/db/schema';
import { indexOf, itemById, openPane, startPaneHarness, type PaneHarness } from './pane-harness';

let h: PaneHarness;
beforeAll(async () => {
  h = await startPaneHarness();
});
afterAll(() => h?.close());

describe('Outlook pane sign-in and failures', () => {
  it('asks for the server and token on first run, refuses a bad token, keeps a good one', async () => {
    const page = await openPane(h, { token: null, index: indexOf(h, 'demo-01') });
    await page.getByRole('heading', { name: 'Connect Payside' }).waitFor();
    await page.getByLabel('Payside server URL').fill(h.baseUrl);
    await page.getByLabel('Personal API token').fill('psk_wrong');
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByText(/not valid|revoked/).waitFor();
    await page.getByLabel('Personal API token').fill(h.tokens.collector);
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByRole('heading', { level: 2, name: 'Acme Industrial Ltd' }).waitFor();
    const stored = await page.evaluate(() => localStorage.getItem('payside.connection.v1'));
    expect(JSON.parse(stored!)).toMatchObject({ serverUrl: h.baseUrl, token: h.tokens.collector });
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Acme Industrial Ltd' }).waitFor();
    await page.close();
  });

  it('explains an unreachable server and recovers with Retry', async () => {
    const page = await openPane(h, { index: indexOf(h, 'demo-01') });
    await page.route('**/v1/context', (route) => route.abort('connectionrefused'));
    await page.reload();
    await page.getByText('Payside is unreachable').waitFor();
    await page.unroute('**/v1/context');
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('heading', { level: 2, name: 'Acme Industrial Ltd' }).waitFor();
    await page.close();
  });

  it('says so when the server is slow, then shows the answer', async () => {
    const page = await openPane(h, { index: indexOf(h, 'demo-01') });
    await page.route('**/v1/context', async (route) => {
      await new Promise((r) => setTimeout(r, 4000));
      await route.continue();
    });
    await page.reload();
    await page.getByText(/Still loading/).first().waitFor();
    await page.getByRole('heading', { level: 2, name: 'Acme Industrial Ltd' }).waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('loses nothing when logging fails: Retry logs the message exactly once', async () => {
    const item = itemById(h, 'demo-04');
    const page = await openPane(h, { index: indexOf(h, 'demo-04') });
    const log = page.getByRole('button', { name: /^Log to / });
    await log.waitFor();
    let attempts = 0;
    await page.route('**/v1/threads', async (route) => {
      attempts += 1;
      // The first request reaches the server but its answer is lost on the way back.
      const response = await route.fetch();
      if (attempts === 1) return route.abort('connectionreset');
      return route.fulfill({ response });
    });
    await log.click();
    await page.getByText('Payside is unreachable').waitFor();
    await page.getByRole('button', { name: 'Retry' }).first().click();
    await page.getByRole('status').filter({ hasText: 'Logged to' }).waitFor();
    const rows = await h.database.db.select().from(threads).where(eq(threads.providerThreadId, item.conversationId));
    expect(rows).toHaveLength(1);
    const logged = await h.database.db.select().from(messages).where(eq(messages.threadId, rows[0]!.id));
    expect(logged).toHaveLength(1);
    await page.close();
  });
});
