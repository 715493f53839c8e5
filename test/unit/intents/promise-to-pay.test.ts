import { describe, expect, it } from 'vitest';
import { detect, intents } from './helpers';

// Received Thursday 2026-12-03 (Berlin).
describe('promise_to_pay', () => {
  it.each([
    ['en', 'We will pay INV-7001 on Friday.', '2026-12-04'],
    ['en', "INV-7002 will be settled by 15 December.", '2026-12-15'],
    ['de', 'Die INV-7001 überweisen wir am 14.12.2026.', '2026-12-14'],
    ['de', 'Wir werden INV-7002 morgen begleichen.', '2026-12-04'],
    ['fr', 'Nous réglerons la INV-7001 le 20 décembre.', '2026-12-20'],
    ['fr', 'La facture INV-7002 sera payée lundi.', '2026-12-07'],
    ['es', 'Pagaremos la INV-7001 el 18 de diciembre.', '2026-12-18'],
    ['es', 'La INV-7002 se pagará a final de mes.', '2026-12-31'],
    ['nl', 'Wij betalen INV-7001 op 9 december.', '2026-12-09'],
    ['nl', 'INV-7002 wordt volgende week woensdag betaald.', '2026-12-09'],
  ])('%s: %s', (_lang, sentence, date) => {
    const [s, ...rest] = detect(`Hello,\n\n${sentence}\n\nRegards\nKim`);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ intent: 'promise_to_pay', date, vague: false, conditional: false });
    expect(s!.intent === 'promise_to_pay' && s!.invoices.length).toBe(1);
    expect(s!.evidence.text).toBe(sentence);
  });

  it('reads the amount in the locale format and the invoices as ledger numbers', () => {
    const [s] = detect('Wir überweisen 1.200,00 € für INV-7001 und #55310 am Freitag.');
    expect(s).toMatchObject({ intent: 'promise_to_pay', date: '2026-12-04', amount: { value: '1200.00', currency: 'EUR' }, invoices: ['INV-7001', '55310'] });
  });

  it('flags a condition and a vague time', () => {
    expect(detect('We will pay INV-7001 once we receive the credit note.')[0]).toMatchObject({ conditional: true, date: null, vague: false });
    expect(detect('Nous allons régler la INV-7002 prochainement.')[0]).toMatchObject({ vague: true, date: null });
  });

  it('splits "the rest" into a second promise', () => {
    const found = detect('We will pay €200 towards INV-7001 tomorrow and the rest on the 18th.');
    expect(found.map((s) => (s.intent === 'promise_to_pay' ? [s.date, s.amount?.value ?? null, s.invoices] : null))).toEqual([
      ['2026-12-04', '200.00', ['INV-7001']],
      ['2026-12-18', null, ['INV-7001']],
    ]);
  });

  it('is not a promise when negated, past, hypothetical or only quoted', () => {
    expect(intents(detect('We will not pay INV-7001.'))).not.toContain('promise_to_pay');
    expect(intents(detect('We paid INV-7001 on Monday.'))).not.toContain('promise_to_pay');
    expect(intents(detect('If we paid within 10 days, could we take the discount?'))).toEqual([]);
    expect(intents(detect('Thanks, noted.\n\nOn Mon, 30 Nov 2026 at 09:00, Kim Lee <kim.lee@buyer.example> wrote:\n> We will pay INV-7001 on Friday.'))).toEqual([]);
    expect(intents(detect('Danke.\n\n-----Ursprüngliche Nachricht-----\nVon: Kim\nWir zahlen INV-7001 morgen.'))).toEqual([]);
  });

  it('ignores messages from the org itself', () => {
    expect(detect('Customer said: we will pay INV-7001 on Friday.', { from: 'me@seller.example' })).toEqual([]);
  });

  it('resolves against the day in the org time zone', () => {
    // 23:30Z on the 3rd is already Friday the 4th in Berlin: "tomorrow" is the 5th.
    expect(detect('We will pay INV-7001 tomorrow.', { receivedAt: '2026-12-03T23:30:00Z' })[0]).toMatchObject({ date: '2026-12-05' });
  });

  it('reports invoice numbers as written without a customer, and only the customer’s own with one', () => {
    expect(detect('We will pay invoice 88120 on Friday.', { customer: null })[0]).toMatchObject({ invoices: ['88120'] });
    expect(detect('We will pay invoice 88120 on Friday.')[0]).toMatchObject({ invoices: [] });
  });
});
