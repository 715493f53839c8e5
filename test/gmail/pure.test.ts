/** Pure pieces: card preview escaping, amounts, address lists, message parsing, signatures, deployment descriptor, statement. */
import { describe, expect, it } from 'vitest';
import { signParameters, verifyParameters } from '../../addin-gmail/src/auth/sign-parameters';
import { ZCard } from '../../addin-gmail/src/cards/card-schema';
import { readAmountField as parseAmount } from '../../addin-gmail/src/forms/amount-field';
import { splitAddressList } from '../../addin-gmail/src/gmail/address-list';
import { toLogMessage } from '../../addin-gmail/src/gmail/parse-message';
import { renderFormattedText } from '../../addin-gmail/src/preview/formatted-text';
import { renderCardPreviewHtml } from '../../addin-gmail/src/preview/render-card-preview';
import { renderGmailDeployment } from '../../manifest/src/gmail-deployment';
import { deploymentErrors } from '../helpers/gmail-deployment-schema';
import { renderStatementHtml } from '../../shared/src/statement';

describe('card preview', () => {
  it('keeps the simple formatting Gmail renders and escapes everything else', () => {
    expect(renderFormattedText('<b>Due</b> &amp; <i>late</i><br>next')).toBe('<b>Due</b> &amp; <i>late</i><br>next');
    expect(renderFormattedText('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(renderFormattedText('&lt;script&gt;')).toBe('&lt;script&gt;');
    expect(renderFormattedText('<font color="#d93025">late</font>')).toBe('<span style="color:#d93025">late</span>');
    expect(renderFormattedText('<font color="red" onload="x">a</font>')).toBe('&lt;font color=&quot;red&quot; onload=&quot;x&quot;&gt;a');
    expect(renderFormattedText('<b>unclosed')).toBe('<b>unclosed</b>');
    expect(renderFormattedText('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('renders trigger, action and bare cards, forms and draft insertions without live markup', () => {
    const hostile = '"><script>alert(1)</script>';
    const card = {
      header: { title: hostile, subtitle: hostile },
      sections: [
        {
          header: 'Open <b>invoices</b>',
          widgets: [
            { decoratedText: { text: hostile, topLabel: 'Due', bottomLabel: 'x', button: { text: hostile, onClick: { action: { function: 'https://p.example/gmail/a' } } } } },
            { textInput: { name: hostile, label: hostile, value: hostile, type: 'MULTIPLE_LINE' } },
            { selectionInput: { name: 'r', label: 'Reason', type: 'DROPDOWN', items: [{ text: hostile, value: hostile, selected: true }] } },
            { selectionInput: { name: 'i', label: 'Invoices', type: 'CHECK_BOX', items: [{ text: 'INV-1', value: '1' }] } },
            { dateTimePicker: { name: 'd', label: 'Until', type: 'DATE_ONLY', valueMsEpoch: String(Date.parse('2026-12-24T00:00:00Z')) } },
            { divider: {} },
            { carousel: {} },
          ],
        },
      ],
    };
    const trigger = renderCardPreviewHtml({ action: { navigations: [{ pushCard: card }] } });
    expect(trigger).not.toContain(hostile);
    expect(trigger).not.toMatch(/<script/i);
    expect(trigger).toContain('<h4>Open <b>invoices</b></h4>');
    expect(trigger).toContain('<select name="r"><option value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" selected>');
    expect(trigger).toContain('<input type="checkbox" name="i" value="1"> INV-1');
    expect(trigger).toContain('value="2026-12-24"');
    expect(trigger).toContain('<hr>');
    expect(trigger).toContain('Unsupported widget: carousel');
    expect(renderCardPreviewHtml(card)).toBe(trigger);
    expect(renderCardPreviewHtml({ renderActions: { action: { navigations: [{ popToRoot: true }, { updateCard: card }], notification: { text: hostile } } } })).toContain(
      '<p class="notice">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p><p class="nav">popToRoot</p><article',
    );
    const draft = renderCardPreviewHtml({ renderActions: { hostAppAction: { gmailAction: { updateDraftActionMarkup: { updateBody: { insertContents: [{ content: '<table><tr><td>x</td></tr></table><script>alert(1)</script>', contentType: 'MUTABLE_HTML' }], type: 'IN_PLACE_INSERT' } } } } } });
    expect(draft).toContain('<iframe sandbox title="Draft insertion" srcdoc="&lt;table&gt;&lt;tr&gt;&lt;td&gt;x&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;');
    expect(renderCardPreviewHtml(null)).toBe('<p class="unknown">Empty response</p>');
  });
});

describe('amounts typed into cards', () => {
  it.each([
    ['1,250.50', 'EUR', 125_050],
    ['1250', 'EUR', 125_000],
    ['GBP 10.5', 'GBP', 1_050],
    ['12,400', 'JPY', 12_400],
    ['12.345', 'KWD', 12_345],
    [' 0.01 ', 'USD', 1],
  ])('%s %s → %d minor units', (input, currency, minor) => expect(parseAmount(input, currency)).toBe(minor));

  it.each([['1.5', 'JPY', /0 decimals/], ['-5', 'USD', /not an amount/], ['0', 'USD', /more than zero/], ['1e5', 'USD', /not an amount/], ['12,34', 'USD', /not an amount/]])(
    'refuses %s %s',
    (input, currency, message) => expect(() => parseAmount(input, currency)).toThrow(message),
  );

  it('treats an empty field as no amount', () => expect(parseAmount('  ', 'USD')).toBeUndefined());
});

describe('Gmail messages', () => {
  it('splits address lists without breaking quoted names', () => {
    expect(splitAddressList('"Doe, Jane" <jane@x.com>, bob@y.com,  <c@z.com> ,"A \\" B" <ab@q.com>')).toEqual(['"Doe, Jane" <jane@x.com>', 'bob@y.com', '<c@z.com>', '"A \\" B" <ab@q.com>']);
    expect(splitAddressList(undefined)).toEqual([]);
  });

  it('reads an HTML-only message as text, keeps the HTML raw, and names attachments', () => {
    const html = '<div>Hello <b>Marcus</b>,<br>paid &amp; done.</div><script>x()</script>';
    const message = toLogMessage({
      id: '18c5',
      threadId: '18c5',
      internalDate: '1763888400000',
      payload: {
        mimeType: 'multipart/mixed',
        headers: [{ name: 'From', value: 'Ann <ann@a.example>' }, { name: 'Message-Id', value: '<m@a.example>' }, { name: 'Subject', value: 'Paid' }],
        parts: [
          { mimeType: 'text/html', filename: '', body: { data: Buffer.from(html).toString('base64url') + '==' } },
          { mimeType: 'image/png', filename: 'logo.png', body: { attachmentId: 'a1', size: 2048 } },
        ],
      },
    });
    expect(message).toMatchObject({ internetMessageId: '<m@a.example>', from: 'Ann <ann@a.example>', fromName: 'Ann', subject: 'Paid', bodyHtml: html, bodyText: 'Hello Marcus,\npaid & done.', attachments: [{ name: 'logo.png', size: 2048 }] });
  });
});

describe('signed parameters', () => {
  const scope = { secret: 's'.repeat(40), path: '/gmail/actions/log-thread', userId: 'u1' };
  const params = (list: Array<{ key: string; value: string }>) => Object.fromEntries(list.map((p) => [p.key, p.value]));
  const now = Date.parse('2026-11-23T10:00:00Z');

  it('round-trips, and refuses changes, other scopes, expiry and a missing signature', () => {
    const signed = params(signParameters(scope, { customerId: 'c1', surface: 'message' }, now));
    expect(verifyParameters(scope, signed, now)).toEqual({ customerId: 'c1', surface: 'message' });
    const refused = (received: Record<string, string>, s = scope, at = now) => expect(() => verifyParameters(s, received, at)).toThrow(/expired or was altered/);
    refused({ ...signed, customerId: 'c2' });
    refused({ ...signed, extra: 'x' });
    refused(signed, { ...scope, path: '/gmail/actions/add-note' });
    refused(signed, { ...scope, userId: 'u2' });
    refused(signed, { ...scope, secret: 't'.repeat(40) });
    refused(signed, scope, now + 8 * 24 * 3600 * 1000);
    refused({ customerId: 'c1' });
    refused({ ...signed, _exp: String(Number(signed._exp) + 3600) });
  });
});

describe('deployment descriptor', () => {
  it('points every trigger at the public URL, with the scopes and the system ID token', () => {
    expect(renderGmailDeployment('https://payside.example.com/')).toEqual({
      oauthScopes: [
        'https://www.googleapis.com/auth/gmail.addons.execute',
        'https://www.googleapis.com/auth/gmail.addons.current.message.metadata',
        'https://www.googleapis.com/auth/gmail.addons.current.message.readonly',
        'https://www.googleapis.com/auth/gmail.addons.current.action.compose',
        'https://www.googleapis.com/auth/userinfo.email',
      ],
      addOns: {
        common: { name: 'Payside', logoUrl: expect.stringMatching(/^https:\/\//), homepageTrigger: { runFunction: 'https://payside.example.com/gmail/homepage' } },
        gmail: {
          contextualTriggers: [{ unconditional: {}, onTriggerFunction: 'https://payside.example.com/gmail/message' }],
          composeTrigger: { actions: [{ runFunction: 'https://payside.example.com/gmail/compose', label: 'Payside statement' }], draftAccess: 'METADATA' },
        },
        httpOptions: { authorizationHeader: 'SYSTEM_ID_TOKEN' },
      },
    });
  });

  it("fits Google's Deployment resource (gsuiteaddons v1), not the Apps Script manifest", () => {
    expect(deploymentErrors(renderGmailDeployment('https://payside.example.com'))).toEqual([]);
    // The schema bites: the Apps Script compose shape, and a field Google does not define, are refused by name.
    const appsScriptShape = { runFunction: 'https://payside.example.com/gmail/compose', text: 'Payside statement' };
    const wrong = renderGmailDeployment('https://payside.example.com') as any;
    wrong.addOns.gmail.composeTrigger = { selectActions: [appsScriptShape], draftAccess: 'METADATA' };
    expect(deploymentErrors(wrong)).toEqual(expect.arrayContaining(['/addOns/gmail/composeTrigger must NOT have additional properties: selectActions', "/addOns/gmail/composeTrigger must have required property 'actions'"]));
    wrong.addOns.gmail.composeTrigger = { actions: [appsScriptShape], draftAccess: 'ALL' };
    expect(deploymentErrors(wrong)).toEqual(
      expect.arrayContaining(['/addOns/gmail/composeTrigger/actions/0 must NOT have additional properties: text', "/addOns/gmail/composeTrigger/actions/0 must have required property 'label'", '/addOns/gmail/composeTrigger/draftAccess must be equal to one of the allowed values']),
    );
  });
});

describe('statement HTML', () => {
  it('says so when nothing is open, and formats zero-decimal currencies', () => {
    expect(renderStatementHtml({ customerName: 'A', asOf: '2026-11-23', invoices: [] })).toBe('<p>Open invoices for A as of 23 Nov 2026:</p><p>There are no open invoices.</p>');
    const html = renderStatementHtml({ customerName: 'Kaito KK', asOf: '2026-11-23', invoices: [{ number: 'J-1', dueDate: '2026-11-01', daysPastDue: 22, balance: 12_400, currency: 'JPY' }] });
    expect(html).toContain('<strong>Total JPY</strong>');
    expect(html).toContain('JP¥12,400</td>');
  });
});

describe('card schema', () => {
  it('catches a misspelt widget, an empty section and an unknown field', () => {
    const ok = { sections: [{ widgets: [{ textParagraph: { text: 'Hi' } }] }] };
    expect(ZCard.safeParse(ok).success).toBe(true);
    expect(ZCard.safeParse({ sections: [{ widgets: [{ textParagrah: { text: 'Hi' } }] }] }).success).toBe(false);
    expect(ZCard.safeParse({ sections: [{ widgets: [] }] }).success).toBe(false);
    expect(ZCard.safeParse({ sections: [{ widgets: [{ decoratedText: { text: 'x', wrap: true } }] }] }).success).toBe(false);
    expect(ZCard.safeParse({ sections: [{ widgets: Array.from({ length: 101 }, () => ({ divider: {} })) }] }).success).toBe(false);
  });
});
