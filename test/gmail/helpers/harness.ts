/**
 * One Gmail test world: a database, the app with the /gmail endpoints configured,
 * a fake Google (keys + JWKS) and a fake Gmail API, plus helpers that post events the
 * way Google does (system ID token per endpoint URL) and click buttons of returned cards.
 */
import { expect } from 'vitest';
import { createApp } from '../../helpers/app';
import { ZActionResponse, ZTriggerResponse } from '../../../addin-gmail/src/cards/card-schema';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { CLIENT_ID, PUBLIC_URL, SERVICE_ACCOUNT } from './events';
import { startFakeGmail, type FakeGmail } from './gmail-server';
import { startFakeGoogle, type FakeGoogle } from './google-keys';

export const SECRET = 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz';

export interface Harness {
  database: TestDatabase;
  app: ReturnType<typeof createApp>;
  google: FakeGoogle;
  gmail: FakeGmail;
  /** POSTs an event with a valid system ID token for that endpoint (or the given Authorization header). */
  post: (path: string, event: unknown, options?: { authorization?: string | null; raw?: boolean }) => Promise<{ status: number; body: any }>;
  /** A valid user ID token for the email. */
  userToken: (email: string) => Promise<string>;
  close: () => Promise<void>;
}

/** Starts everything; `close` stops it. */
export async function startHarness(): Promise<Harness> {
  const database = await createTestDatabase();
  const google = await startFakeGoogle();
  const gmail = await startFakeGmail();
  const app = createApp({
    db: database.db,
    gmail: { publicUrl: PUBLIC_URL, serviceAccount: SERVICE_ACCOUNT, clientId: CLIENT_ID, jwksUrl: google.jwksUrl, gmailApiRoot: gmail.rootUrl, secret: SECRET },
  });
  const post: Harness['post'] = async (path, event, options = {}) => {
    const authorization =
      options.authorization === undefined
        ? `Bearer ${await google.sign({ email: SERVICE_ACCOUNT, email_verified: true, sub: '104523453345667890123', azp: '104523453345667890123' }, { audience: `${PUBLIC_URL}${path}` })}`
        : options.authorization;
    const res = await app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Google-Workspace-Add-ons', ...(authorization ? { authorization } : {}) },
      body: options.raw ? (event as string) : JSON.stringify(event),
    });
    const textBody = await res.text();
    let body: unknown = textBody;
    try {
      body = JSON.parse(textBody);
    } catch {
      /* keep text */
    }
    return { status: res.status, body };
  };
  const userToken = (email: string) => google.sign({ email, email_verified: true, sub: `1${email.length}0987654321`, hd: email.split('@')[1] }, { audience: CLIENT_ID });
  return {
    database,
    app,
    google,
    gmail,
    post,
    userToken,
    close: async () => {
      await gmail.close();
      await google.close();
      await database.close();
    },
  };
}

/** Asserts a trigger response is valid card JSON and returns its card. */
export function triggerCard(res: { status: number; body: any }) {
  expect(res.status).toBe(200);
  const parsed = ZTriggerResponse.safeParse(res.body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  return res.body.action.navigations[0].pushCard;
}

/** Asserts an action response is valid and returns it. */
export function actionResponse(res: { status: number; body: any }) {
  expect(res.status).toBe(200);
  const parsed = ZActionResponse.safeParse(res.body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  return res.body.renderActions;
}

/** The card an action response pushes or updates (the last one). */
export function actionCard(res: { status: number; body: any }) {
  const navs: any[] = actionResponse(res).action?.navigations ?? [];
  const card = [...navs].reverse().find((n) => n.pushCard || n.updateCard);
  expect(card).toBeDefined();
  return card.pushCard ?? card.updateCard;
}

/** Every visible text of a card (header, section headers, widget texts and labels, button texts), one per line. */
export function cardText(card: any): string {
  const out: string[] = [card.header?.title, card.header?.subtitle];
  for (const s of card.sections ?? []) {
    out.push(s.header);
    for (const w of s.widgets) {
      if (w.textParagraph) out.push(w.textParagraph.text);
      if (w.decoratedText) out.push(w.decoratedText.topLabel, w.decoratedText.text, w.decoratedText.bottomLabel, w.decoratedText.button?.text);
      if (w.buttonList) out.push(...w.buttonList.buttons.map((b: any) => b.text));
      if (w.textInput) out.push(w.textInput.label, w.textInput.value);
      if (w.selectionInput) out.push(w.selectionInput.label, ...w.selectionInput.items.map((i: any) => i.text));
      if (w.dateTimePicker) out.push(w.dateTimePicker.label);
    }
  }
  return out.filter(Boolean).join('\n');
}

/** The texts of every button on the card. */
export function buttonTexts(card: any): string[] {
  return (card.sections ?? []).flatMap((s: any) => s.widgets.flatMap((w: any) => [...(w.buttonList?.buttons ?? []), ...(w.decoratedText?.button ? [w.decoratedText.button] : [])]).map((b: any) => b.text));
}

/** The button with this text (in button lists or decorated texts); fails the test when absent. */
export function findButton(card: any, label: string | RegExp): { text: string; disabled?: boolean; onClick: { action: { function: string; parameters: Array<{ key: string; value: string }> } } } {
  const all = (card.sections ?? []).flatMap((s: any) => s.widgets.flatMap((w: any) => [...(w.buttonList?.buttons ?? []), ...(w.decoratedText?.button ? [w.decoratedText.button] : [])]));
  const found = all.find((b: any) => (typeof label === 'string' ? b.text === label : label.test(b.text)));
  if (!found) throw new Error(`no button ${label} among: ${all.map((b: any) => b.text).join(', ')}`);
  return found;
}

/** The endpoint path and parameters a button posts, as Google would send them back. */
export function clickOf(button: ReturnType<typeof findButton>) {
  const url = new URL(button.onClick.action.function);
  return { path: url.pathname, parameters: Object.fromEntries(button.onClick.action.parameters.map((p) => [p.key, p.value])) };
}
