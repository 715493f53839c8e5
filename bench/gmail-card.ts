/**
 * The Gmail contextual trigger's server time: POST /gmail/message through the real app in
 * this process, with Google's ID tokens forged by local keys and the message read through
 * googleapis from a local Gmail API (the test helpers), as Google would call it.
 */
import { createApp } from '../api/src/app';
import type { Db } from '../api/src/db/client';
import { CLIENT_ID, messageEvent, PUBLIC_URL, SERVICE_ACCOUNT } from '../test/gmail/helpers/events';
import { startFakeGmail } from '../test/gmail/helpers/gmail-server';
import { startFakeGoogle } from '../test/gmail/helpers/google-keys';

const SECRET = 'bench-secret-0123456789abcdefghijklmnopqrstuvwxyz';

/** Median milliseconds of `times` sequential card requests for a message from `from` (after one warm-up). */
export async function measureGmailCard(db: Db, options: { userEmail: string; from: string; subject: string; times: number }): Promise<number> {
  const google = await startFakeGoogle();
  const gmail = await startFakeGmail();
  try {
    const app = createApp({ db, gmail: { publicUrl: PUBLIC_URL, serviceAccount: SERVICE_ACCOUNT, clientId: CLIENT_ID, jwksUrl: google.jwksUrl, gmailApiRoot: gmail.rootUrl, secret: SECRET } });
    gmail.add({ id: '18c2f3a4b5d6e7f9', threadId: '18c2f3a4b5d6e7f8', headers: { From: options.from, To: options.userEmail, Subject: options.subject, 'Message-ID': '<bench.1@mail.example>' }, text: 'Please see the remittance.' });
    const system = await google.sign({ email: SERVICE_ACCOUNT, email_verified: true, sub: '104523453345667890123' }, { audience: `${PUBLIC_URL}/gmail/message` });
    const user = await google.sign({ email: options.userEmail, email_verified: true, sub: '1987654321' }, { audience: CLIENT_ID });
    const body = JSON.stringify(messageEvent('18c2f3a4b5d6e7f9', '18c2f3a4b5d6e7f8', { userIdToken: user }));
    const times: number[] = [];
    for (let i = 0; i <= options.times; i++) {
      const started = performance.now();
      const res = await app.request('/gmail/message', { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${system}` } });
      const text = await res.text();
      if (res.status !== 200 || !text.includes('pushCard')) throw new Error(`gmail card: ${res.status} ${text.slice(0, 300)}`);
      if (i > 0) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return Math.round(times[Math.floor(times.length / 2)]! * 10) / 10;
  } finally {
    await gmail.close();
    await google.close();
  }
}
