/** GET /sandbox/gmail (real cards of the demo mailbox, escaped) and GET /manifest/gmail-deployment.json. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { demoMailbox } from '../../api/src/seed/demo-mailbox';
import { seedDemo } from '../../api/src/seed/seed-demo';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);

/** The demo sandbox's settings, as main.ts passes them with PAYSIDE_SEED_DEMO=auto. */
const sandbox = { paneDir: '/nonexistent', token: 'psk_unused', user: { name: 'Marcus', email: 'marcus@example.com' }, items: demoMailbox(), gmailPreview: true };

describe('GET /sandbox/gmail', () => {
  it('is not mounted without the demo sandbox (production)', async () => {
    await seedDemo(database.db);
    const res = await createApp({ db: database.db, gmail: { publicUrl: 'https://payside.example.com' } }).request('/sandbox/gmail');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers 404 with a hint while there is no demo organisation', async () => {
    const empty = await createTestDatabase();
    const res = await createApp({ db: empty.db, sandbox }).request('/sandbox/gmail');
    await empty.close();
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('seed-demo');
  });

  it("renders every demo message's real card, escaped, without Google configured", async () => {
    const res = await createApp({ db: database.db, sandbox, baseUrl: 'http://localhost:8787' }).request('http://evil.example/sandbox/gmail', { headers: { host: 'evil.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    const items = demoMailbox();
    expect(html.match(/<li class="item">/g)).toHaveLength(items.length);
    for (const item of items) expect(html).toContain(`<h2>${esc(item.subject)}</h2>`);
    // Hostile demo body: shown as text, never as markup.
    expect(html).not.toMatch(/<script|<img |<a href/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The scenarios come out as the Gmail add-on shows them.
    expect(html).toContain('<h3>Which customer is this?</h3>');
    expect(html).toContain('<h3>No customer matched</h3>');
    expect(html).toMatch(/Logged to Initech[^<]* by /);
    expect(html).toContain('>Log thread to Acme Industrial');
    expect(html).toContain('>Insert open-invoice statement</button>');
    expect(html).toMatch(/<iframe sandbox title="Draft insertion" srcdoc="&lt;p&gt;Open invoices for Globex/);
    // Buttons point at the listen address when PUBLIC_URL is not set, never at the request's Host.
    expect(html).toContain('title="http://localhost:8787/gmail/actions/');
    expect(html).not.toContain('evil.example');
  });
});

describe('GET /manifest/gmail-deployment.json', () => {
  it('renders the descriptor for PUBLIC_URL, or for the listen address, never for the request origin', async () => {
    const configured = await createApp({ db: database.db, gmail: { publicUrl: 'https://payside.example.com' } }).request('http://10.0.0.5/manifest/gmail-deployment.json');
    expect(configured.status).toBe(200);
    const body = await configured.json();
    expect(body.addOns.gmail.contextualTriggers[0].onTriggerFunction).toBe('https://payside.example.com/gmail/message');
    const fallback = await (await createApp({ db: database.db, baseUrl: 'http://localhost:8787' }).request('http://10.0.0.5:8787/manifest/gmail-deployment.json')).json();
    expect(fallback.addOns.common.homepageTrigger.runFunction).toBe('http://localhost:8787/gmail/homepage');
  });
});
