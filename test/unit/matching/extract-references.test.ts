import { describe, expect, it } from 'vitest';
import { MAX_BODY_CHARS, MAX_REFERENCES, extractReferences, type ExtractedReference } from '@shared/matching';

const ref = (token: string, kind: ExtractedReference['kind'], where: ExtractedReference['where']): ExtractedReference => ({
  token,
  kind,
  where,
});

describe('extractReferences on realistic emails', () => {
  it('finds the invoices in a reply chain and nothing in its signature, dates or amounts', () => {
    const body = `Hi Sam,

Apologies for the delay - payment for INV-2024-0012 was approved today and should
reach you by Friday. We also have invoice no. 88231 on hold until we receive the
signed delivery note.

Kind regards,
Priya Shah
Accounts Payable | Acme Manufacturing Ltd
Tel: +44 (0)20 7946 0958 | Mob: 07700 900123
VAT Reg No. GB123456789
Unit 4, 12 Riverside Way, Leeds LS1 4AP

On Tue, 4 Jun 2024 at 09:12, Sam Lee <sam@ourco.com> wrote:
> Hi Priya,
>
> Our records show invoice INV-2024-0012 for £1,234.56, due 15/05/2024, is
> now 20 days overdue. Could you let us know when we can expect payment?
>
> Sam Lee | Credit Control | 0113 496 0000`;

    expect(extractReferences('RE: Overdue invoice INV-2024-0012', body)).toEqual([
      ref('INV-2024-0012', 'invoice', 'subject'),
      ref('INV20240012', 'invoice', 'subject'),
      ref('88231', 'invoice', 'body'),
    ]);
  });

  it('reads a remittance advice with a PO in the subject and # invoice numbers in a table', () => {
    const body = `Hello,

Please find below remittance for payment run 2024-06-07.

Invoice #10423      1,250.00
Invoice #10424        980.50
Total              2,230.50 GBP

Payment reference: BACS 7781. Our PO#: AC-7781 applies to both invoices.

Thanks,
Accounts Payable, Globex Corporation
Phone: 555-123-4567 ext. 204`;

    expect(extractReferences('Remittance advice - PO 4500012345', body)).toEqual([
      ref('4500012345', 'po', 'subject'),
      ref('PO 4500012345', 'po', 'subject'),
      ref('PO4500012345', 'po', 'subject'),
      ref('PO-4500012345', 'po', 'subject'),
      ref('10423', 'invoice', 'body'),
      ref('10424', 'invoice', 'body'),
      ref('AC-7781', 'po', 'body'),
      ref('AC7781', 'po', 'body'),
    ]);
  });

  it('returns nothing for a text full of dates, times, amounts, phone numbers and addresses', () => {
    const body = `Thanks for your call on 03/06/2024 at 10:30. As discussed we will pay £12,500.00 on
2024-06-30 and the remaining $1,234.56 (EUR 1.234,56) in Q3-2024, so by Sept 2024 at the latest.
Call me on +1 (555) 123-4567 or 020 7946 0958, ext. x1234, fax 0113-496-0001.
Our office: Suite 210, 1200 Market Street, Philadelphia, PA 19107. Serving customers since 1998.
Accounts: https://pay.globex.example/i/abc123def?utm=xy789 or ap2024@globex.example
VAT: GB987654321 | Company No. SC123456 | IBAN: GB29NWBK60161331926819 | Tel #4471234
Sent from my iPhone`;

    expect(extractReferences('Payment plan for 2024', body)).toEqual([]);
  });
});

describe('extractReferences patterns', () => {
  it.each([
    ['INV 10423', ['10423', 'INV 10423', 'INV10423', 'INV-10423'], 'invoice'],
    ['Invoice #10423', ['10423'], 'invoice'],
    ['invoice no. 88231', ['88231'], 'invoice'],
    ['Invoice Number: 88231', ['88231'], 'invoice'],
    ['PO#: AC-7781', ['AC-7781', 'AC7781'], 'po'],
    ['P.O. 12345', ['12345'], 'po'],
    ['Purchase order no 4500099999', ['4500099999'], 'po'],
    ['INV10423', ['INV10423', '10423'], 'invoice'],
    ['PO-4500012345', ['PO-4500012345', 'PO4500012345', '4500012345'], 'po'],
    ['SI-000123', ['SI-000123', 'SI000123'], 'any'],
    ['#55123', ['55123'], 'any'],
    ['Our ref: AB/2024/17', ['AB/2024/17', 'AB202417'], 'any'],
  ] as const)('%j → %j (%s)', (text, tokens, kind) => {
    expect(extractReferences('', `Please see ${text}.`)).toEqual(tokens.map((t) => ref(t, kind, 'body')));
  });

  it('gives every item of a list the keyword’s kind, but only like-shaped items', () => {
    expect(extractReferences('Invoices 10423, 10424 and 10425 paid', '').map((r) => [r.token, r.kind])).toEqual([
      ['10423', 'invoice'],
      ['10424', 'invoice'],
      ['10425', 'invoice'],
    ]);
    expect(extractReferences('', 'P.O. 12345, SI-000123').map((r) => [r.token, r.kind])).toEqual([
      ['12345', 'po'],
      ['SI-000123', 'any'],
      ['SI000123', 'any'],
    ]);
  });

  it('does not let a digitless word after a keyword swallow the next reference', () => {
    expect(extractReferences('', 'Invoice PO 4500012345').map((r) => r.token)).toContain('4500012345');
  });

  it('ignores keywords followed by non-references', () => {
    expect(extractReferences('Invoice 2024', 'invoice dated 12/03/2024, invoice for 1,234.56, PO Box 1234, INV 12')).toEqual([]);
  });

  it('reports a token once, in the subject when it is in both, with a kind looked up both ways on conflict', () => {
    expect(extractReferences('Invoice 77881', 'Re your PO 77881 and invoice 77881')).toEqual([
      ref('77881', 'any', 'subject'),
      ref('PO 77881', 'po', 'body'),
      ref('PO77881', 'po', 'body'),
      ref('PO-77881', 'po', 'body'),
    ]);
  });
});

describe('extractReferences limits', () => {
  it('caps the number of tokens on a 1 MB body', () => {
    const body = Array.from({ length: 100_000 }, (_, i) => `INV-${100000 + i}`).join(' ').padEnd(1_000_000, ' x');
    const result = extractReferences('', body);
    expect(body.length).toBeGreaterThanOrEqual(1_000_000);
    expect(result).toHaveLength(MAX_REFERENCES);
    expect(result[0]).toEqual(ref('INV-100000', 'invoice', 'body'));
  });

  it('returns nothing for 1 MB of unbroken text, even after a keyword', () => {
    expect(extractReferences('invoice', `invoice ${'a'.repeat(1_000_000)}`)).toEqual([]);
    expect(extractReferences('', `INV-${'1'.repeat(1_000_000)}`)).toEqual([]);
  });

  it('does not scan the body past its first MAX_BODY_CHARS characters', () => {
    const filler = 'Thanks. '.repeat(MAX_BODY_CHARS / 8);
    expect(extractReferences('', `${filler}INV-99999`)).toEqual([]);
    expect(extractReferences('', `INV-99999 ${filler}`).map((r) => r.token)).toEqual(['INV-99999', 'INV99999', '99999']);
  });
});
