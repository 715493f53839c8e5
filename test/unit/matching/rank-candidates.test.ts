import { describe, expect, it } from 'vitest';
import { rankCandidates, type MatchEvidence } from '@shared/matching';

const thread = (customerId: string): MatchEvidence => ({ kind: 'thread', customerId });
const contact = (customerId: string, email: string, field: 'from' | 'to' | 'cc', contactName?: string): MatchEvidence => ({
  kind: 'contact',
  customerId,
  email,
  field,
  contactName,
});
const domain = (customerId: string, email: string, field: 'from' | 'to' | 'cc'): MatchEvidence => ({
  kind: 'domain',
  customerId,
  email,
  domain: email.slice(email.indexOf('@') + 1),
  field,
});
const invoice = (customerId: string, number: string, where: 'subject' | 'body'): MatchEvidence => ({
  kind: 'invoice',
  customerId,
  number,
  where,
});
const po = (customerId: string, number: string, where: 'subject' | 'body'): MatchEvidence => ({ kind: 'po', customerId, number, where });

const scores = (evidence: MatchEvidence[]) => rankCandidates(evidence).candidates.map((c) => [c.customerId, c.score]);

describe('rankCandidates: each rule alone', () => {
  it('returns no candidate and no best for no evidence', () => {
    expect(rankCandidates([])).toEqual({ candidates: [], bestCustomerId: null, ambiguous: false });
  });

  it('a logged thread', () => {
    expect(rankCandidates([thread('A')])).toEqual({
      candidates: [{ customerId: 'A', score: 1000, reasons: [{ kind: 'thread', text: 'This thread is logged to this customer' }] }],
      bestCustomerId: 'A',
      ambiguous: false,
    });
  });

  it('a contact email, named or not, scored by field', () => {
    expect(rankCandidates([contact('A', 'ap@acme.com', 'from')]).candidates).toEqual([
      { customerId: 'A', score: 100, reasons: [{ kind: 'contact', text: 'ap@acme.com is a contact (from)' }] },
    ]);
    expect(rankCandidates([contact('A', 'jane@acme.com', 'cc', 'Jane Doe')]).candidates).toEqual([
      { customerId: 'A', score: 80, reasons: [{ kind: 'contact', text: 'Jane Doe (jane@acme.com) is a contact (cc)' }] },
    ]);
  });

  it('a registrable domain, scored by field', () => {
    expect(rankCandidates([domain('A', 'priya@acme.co.uk', 'from')]).candidates).toEqual([
      { customerId: 'A', score: 60, reasons: [{ kind: 'domain', text: "Sender's domain acme.co.uk belongs to this customer" }] },
    ]);
    expect(rankCandidates([domain('A', 'ops@acme.co.uk', 'to')]).candidates[0]).toMatchObject({
      score: 40,
      reasons: [{ text: "Recipient's domain acme.co.uk belongs to this customer" }],
    });
  });

  it('invoice and PO numbers, scored by where they were found', () => {
    expect(rankCandidates([invoice('A', 'INV-1042', 'subject')]).candidates).toEqual([
      { customerId: 'A', score: 50, reasons: [{ kind: 'invoice', text: 'Invoice INV-1042 is mentioned in the subject' }] },
    ]);
    expect(rankCandidates([po('A', '4500012345', 'body')]).candidates).toEqual([
      { customerId: 'A', score: 35, reasons: [{ kind: 'po', text: 'PO 4500012345 is mentioned in the body' }] },
    ]);
  });
});

describe('rankCandidates: precedence', () => {
  it('a logged thread decides even against a customer with every other kind of evidence', () => {
    const result = rankCandidates([
      contact('B', 'ap@globex.com', 'from'),
      domain('B', 'ap@globex.com', 'from'),
      invoice('B', 'INV-7', 'subject'),
      thread('A'),
    ]);
    expect(result.candidates.map((c) => [c.customerId, c.score])).toEqual([
      ['A', 1000],
      ['B', 210],
    ]);
    expect(result).toMatchObject({ bestCustomerId: 'A', ambiguous: false });
  });

  it('a contact beats a domain', () => {
    const result = rankCandidates([domain('B', 'jane@globex.com', 'from'), contact('A', 'ap@acme.com', 'to')]);
    expect(result.candidates.map((c) => [c.customerId, c.score])).toEqual([
      ['A', 80],
      ['B', 60],
    ]);
    expect(result).toMatchObject({ bestCustomerId: 'A', ambiguous: false });
  });

  it('a domain beats an invoice number', () => {
    expect(scores([invoice('B', 'INV-7', 'subject'), domain('A', 'ap@acme.com', 'from')])).toEqual([
      ['A', 60],
      ['B', 50],
    ]);
    expect(rankCandidates([invoice('B', 'INV-7', 'body'), domain('A', 'ap@acme.com', 'from')])).toMatchObject({
      bestCustomerId: 'A',
      ambiguous: false,
    });
  });

  it('twenty body references do not outrank one contact', () => {
    const many = Array.from({ length: 20 }, (_, i) => invoice('B', `INV-${i}`, 'body'));
    const result = rankCandidates([...many, contact('A', 'ap@acme.com', 'cc')]);
    expect(result.candidates.map((c) => [c.customerId, c.score])).toEqual([
      ['A', 80],
      ['B', 43],
    ]);
    expect(result.bestCustomerId).toBe('A');
  });

  it('adds one best score per rule plus a small bonus for extra distinct evidence', () => {
    expect(scores([contact('A', 'ap@acme.com', 'from'), domain('A', 'ap@acme.com', 'from')])).toEqual([['A', 160]]);
    expect(scores([contact('A', 'ap@acme.com', 'from'), contact('A', 'jane@acme.com', 'cc')])).toEqual([['A', 102]]);
    // An invoice and a PO are one rule (PRODUCT.md rule 4): 50 + 2, not 50 + 35.
    expect(scores([invoice('A', 'INV-7', 'subject'), po('A', 'PO-9', 'body')])).toEqual([['A', 52]]);
  });
});

describe('rankCandidates: ambiguity', () => {
  it('two customers sharing the sender’s domain', () => {
    const result = rankCandidates([domain('B', 'ap@acme.com', 'from'), domain('A', 'ap@acme.com', 'from')]);
    expect(result.candidates.map((c) => [c.customerId, c.score])).toEqual([
      ['A', 60],
      ['B', 60],
    ]);
    expect(result).toMatchObject({ bestCustomerId: null, ambiguous: true });
  });

  it('a contact at two customers', () => {
    const result = rankCandidates([contact('A', 'ap@acme.com', 'from'), contact('B', 'ap@acme.com', 'from')]);
    expect(result).toMatchObject({ bestCustomerId: null, ambiguous: true });
  });

  it('a second score of exactly 80% of the top is ambiguous', () => {
    const result = rankCandidates([contact('A', 'ap@acme.com', 'from'), contact('B', 'jane@globex.com', 'to')]);
    expect(scores([contact('A', 'ap@acme.com', 'from'), contact('B', 'jane@globex.com', 'to')])).toEqual([
      ['A', 100],
      ['B', 80],
    ]);
    expect(result).toMatchObject({ bestCustomerId: null, ambiguous: true });
  });

  it('a contact at A and the sender’s domain at B is not ambiguous', () => {
    const result = rankCandidates([domain('B', 'ap@acme.com', 'from'), contact('A', 'ap@acme.com', 'from')]);
    expect(result).toMatchObject({ bestCustomerId: 'A', ambiguous: false });
  });

  it('a logged thread is never ambiguous', () => {
    const result = rankCandidates([thread('A'), thread('A'), contact('B', 'ap@acme.com', 'from')]);
    expect(result).toMatchObject({ bestCustomerId: 'A', ambiguous: false });
  });
});

describe('rankCandidates: de-duplication', () => {
  it('counts the same evidence once, keeping its strongest sighting', () => {
    const result = rankCandidates([
      thread('A'),
      thread('A'),
      contact('A', 'ap@acme.com', 'cc'),
      contact('A', 'AP@acme.com', 'from'),
      domain('A', 'jane@acme.com', 'cc'),
      domain('A', 'ap@acme.com', 'from'),
      invoice('A', 'INV-7', 'body'),
      invoice('A', 'INV-7', 'subject'),
    ]);
    expect(result.candidates).toEqual([
      {
        customerId: 'A',
        score: 1000 + 100 + 60 + 50,
        reasons: [
          { kind: 'thread', text: 'This thread is logged to this customer' },
          { kind: 'contact', text: 'AP@acme.com is a contact (from)' },
          { kind: 'domain', text: "Sender's domain acme.com belongs to this customer" },
          { kind: 'invoice', text: 'Invoice INV-7 is mentioned in the subject' },
        ],
      },
    ]);
  });

  it('orders reasons strongest first', () => {
    const result = rankCandidates([invoice('A', 'INV-7', 'body'), domain('A', 'ap@acme.com', 'cc'), contact('A', 'ap@acme.com', 'to')]);
    expect(result.candidates[0]!.reasons.map((r) => r.kind)).toEqual(['contact', 'domain', 'invoice']);
  });
});
