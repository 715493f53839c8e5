import { describe, expect, it } from 'vitest';
import { detect, intents } from './helpers';

// Received Thursday 2026-12-03 (Berlin). Hand-written examples, none taken from the corpus.
describe('remittance_advice and payment_claimed_not_received', () => {
  it.each([
    ['en', 'We transferred €300.00 for INV-7002 yesterday, reference BL-99812.', '2026-12-02'],
    ['de', 'Wir haben heute 300,00 € für INV-7002 überwiesen.', '2026-12-03'],
    ['fr', 'Nous avons viré 300,00 € hier pour la INV-7002.', '2026-12-02'],
    ['es', 'Hemos transferido hoy 300,00 € de la INV-7002.', '2026-12-03'],
    ['nl', 'Wij hebben gisteren € 300,00 voor INV-7002 overgemaakt.', '2026-12-02'],
  ])('%s remittance: %s', (_lang, sentence, date) => {
    expect(detect(sentence)).toEqual([expect.objectContaining({ intent: 'remittance_advice', date, amount: { value: '300.00', currency: 'EUR' }, invoices: ['INV-7002'] })]);
  });

  it.each([
    ['en', 'INV-7001 was already paid on 12 November.', '2026-11-12'],
    ['de', 'Die INV-7001 haben wir bereits am 12.11.2026 bezahlt.', '2026-11-12'],
    ['fr', 'La INV-7001 a déjà été réglée le 12 novembre.', '2026-11-12'],
    ['es', 'La INV-7001 ya la pagamos el 12 de noviembre.', '2026-11-12'],
    ['nl', 'INV-7001 is al op 12 november betaald.', '2026-11-12'],
  ])('%s claimed: %s', (_lang, sentence, date) => {
    expect(detect(sentence, { subject: 'RE: Reminder INV-7001' })).toEqual([expect.objectContaining({ intent: 'payment_claimed_not_received', date, invoices: ['INV-7001'] })]);
  });

  it('does not read "not yet paid" as a payment', () => {
    expect(intents(detect("We haven't paid INV-7001 yet because the approver is away."))).not.toContain('remittance_advice');
  });
});

describe('dispute', () => {
  it.each([
    ['en', 'We were billed twice for the same delivery: INV-7001 and INV-7002.', 'duplicate_billing'],
    ['en', 'Half of the chairs on INV-7001 arrived damaged.', 'quality'],
    ['de', 'Auf der INV-7001 fehlt unsere Bestellnummer, ohne Bestellnummer können wir nicht buchen.', 'missing_po'],
    ['fr', 'Nous n’avons jamais reçu les marchandises facturées sur la INV-7001.', 'not_received'],
    ['es', 'En la INV-7001 el precio no corresponde a la tarifa acordada.', 'pricing'],
    ['nl', 'Op INV-7001 is 21% btw berekend, maar de btw moet verlegd worden.', 'tax'],
  ])('%s: %s', (_lang, sentence, reason) => {
    expect(detect(sentence).find((s) => s.intent === 'dispute')).toMatchObject({ reason, invoices: expect.arrayContaining(['INV-7001']) });
  });
});

describe('invoice_copy_request', () => {
  it('asks for copies or a statement', () => {
    expect(detect('Could you send me a copy of invoice INV-7002?')).toEqual([expect.objectContaining({ intent: 'invoice_copy_request', invoices: ['INV-7002'], statement: false })]);
    expect(detect('Können Sie mir bitte einen aktuellen Kontoauszug schicken?')).toEqual([expect.objectContaining({ intent: 'invoice_copy_request', statement: true })]);
    expect(detect('Pourriez-vous nous envoyer un relevé de compte ?')).toEqual([expect.objectContaining({ statement: true })]);
    expect(detect('Thanks, we already have the statement, no need to send it again.')).toEqual([]);
  });
});

describe('out_of_office', () => {
  it('reads the return date and the stand-in', () => {
    const [s] = detect('I am out of the office until 14 December. For urgent matters please contact Ana Ruiz (ana.ruiz@buyer.example).', { subject: 'Automatic reply: Open items' });
    expect(s).toMatchObject({ intent: 'out_of_office', returnDate: '2026-12-14', alternateContact: { name: 'Ana Ruiz', address: 'ana.ruiz@buyer.example' } });
  });

  it('moves an inclusive end to the next day', () => {
    expect(detect('Ik ben afwezig tot en met 10 december.', { subject: 'Automatisch antwoord' })[0]).toMatchObject({ returnDate: '2026-12-11', alternateContact: null });
    expect(detect('Je suis absente jusqu’au 9 décembre inclus.', { subject: 'Réponse automatique' })[0]).toMatchObject({ returnDate: '2026-12-10' });
  });
});

describe('bounce', () => {
  it('names the failed address of a permanent failure, not of a delay', () => {
    const body = 'Delivery has failed to these recipients or groups:\n\nsam.berg@buyer.example\nRemote server returned 550 5.1.1 User unknown\n\nOriginal message headers:\nFrom: ar@seller.example';
    expect(detect(body, { subject: 'Undeliverable: Open items', from: 'postmaster@seller.example' })).toEqual([expect.objectContaining({ intent: 'bounce', failedAddress: 'sam.berg@buyer.example' })]);
    const delay = 'Message not delivered yet. Gmail will retry for 46 more hours.\n\n451 4.4.1 temporary failure for sam.berg@buyer.example';
    expect(detect(delay, { subject: 'Delivery Status Notification (Delay)', from: 'mailer-daemon@googlemail.com' })).toEqual([]);
  });
});

describe('contact_change', () => {
  it('reads a departure from the contact list and a new AP mailbox', () => {
    const found = detect('Sam Berg has left the company. From now on please send remittance queries to ap@buyer.example.');
    expect(found).toEqual([
      expect.objectContaining({ intent: 'contact_change', name: 'Sam Berg', address: 'sam.berg@buyer.example', role: 'ap', left: true }),
      expect.objectContaining({ intent: 'contact_change', address: 'ap@buyer.example', role: 'ap', left: false }),
    ]);
  });
});

describe('process_requirement', () => {
  it('flags changed bank details as a fraud risk, and other requirements without', () => {
    expect(detect('Bitte beachten Sie: unsere Bankverbindung hat sich geändert.')).toEqual([expect.objectContaining({ requirement: 'bank_details', fraudRisk: true })]);
    expect(detect('Could you please confirm that your bank details are unchanged?')).toEqual([]);
    expect(detect('Please send us a completed W-9 form.')).toEqual([expect.objectContaining({ requirement: 'tax_form', fraudRisk: false })]);
    expect(detect('Todas las facturas deben incluir nuestra orden de compra.')).toEqual([expect.objectContaining({ requirement: 'po_number' })]);
    expect(detect('Vanaf januari ontvangen wij facturen uitsluitend via Peppol.').map((s) => s.intent === 'process_requirement' && s.requirement)).toContain('portal');
  });
});

describe('payment_difficulty', () => {
  it('tells cash flow, payment plan and extension apart', () => {
    expect(detect('Our cash flow is very tight this quarter.').map((s) => s.intent === 'payment_difficulty' && s.kind)).toEqual(['cash_flow']);
    expect(detect('Könnten wir den Betrag in drei Raten zahlen?').map((s) => s.intent === 'payment_difficulty' && s.kind)).toEqual(['payment_plan']);
    expect(detect('¿Nos podrían conceder una prórroga de 30 días?').map((s) => s.intent === 'payment_difficulty' && s.kind)).toEqual(['extension']);
  });
});
