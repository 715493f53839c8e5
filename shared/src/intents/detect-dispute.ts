/** dispute: the customer contests an invoice or part of it, with the reason. */
import { ub } from './word-boundary';
import type { TIntentSuggestion } from '../schemas/intents';
import { CONDITION, FUTURE, NEGATION, matchRule } from './payment-language';
import { amountIn, evidenceOf, invoicesFor, invoicesIn } from './reading';
import type { Reading } from './types';

type Dispute = Extract<TIntentSuggestion, { intent: 'dispute' }>;
type Reason = Dispute['reason'];

/** Reason phrases; each is itself a complaint (a fault word next to what it is about). */
const REASONS: Array<[Reason, RegExp]> = [
  ['duplicate_billing', ub(/\b(?:billed|charged|invoiced) (?:us )?twice\b|\bduplicate (?:invoice|billing|charge)|\bdouble[- ](?:billing|charged|invoiced)|\bdoppel(?:berechnung|t (?:berechnet|abgerechnet|in rechnung))|\bzweimal (?:berechnet|abgerechnet|in rechnung)|\bdouble facturation|\bfacturée? (?:deux fois|en double)|\bdos facturas por (?:el|la) mism[oa]|\bfacturad[oa] dos veces|\bduplicad[oa]\b|\bdubbel (?:gefactureerd|berekend)|\btwee keer (?:gefactureerd|berekend)/iu)],
  ['missing_po', ub(/\b(?:no|without|missing|lacks|doesn't (?:show|have|quote)|does not (?:show|have|quote))\b.{0,30}\b(?:PO|purchase order)\b|\b(?:keine|ohne)\b.{0,20}\bbestell(?:nummer|nr)|\bsans (?:notre |le )?(?:numéro de |n° de )?(?:bon de )?commande|\b(?:no lleva|sin)\b.{0,20}\b(?:número de pedido|orden de compra|OC)\b|\b(?:geen|zonder)\b.{0,20}\b(?:inkoopordernummer|ordernummer|PO)\b/iu)],
  ['tax', ub(/\b(?:VAT|sales tax|withholding|GST)\b.{0,80}\b(?:wrong|incorrect|should|but|not (?:applicable|due)|exempt|reverse|instead)|\b(?:umsatzsteuer|mwst|ust)\b.{0,80}\b(?:ausgewiesen|falsch|nicht korrekt|ohne)|\bTVA\b.{0,80}\b(?:alors que|taux réduit|erron|incorrect|autoliquid)|\b(?:IVA|retención)\b.{0,80}\b(?:incorrect|error|no corresponde|exent|debería)|\bbtw\b.{0,80}\b(?:verlegd|onjuist|fout|niet correct)/iu)],
  ['not_received', ub(/\b(?:never|not yet|haven't|have not|didn't|did not)\b.{0,20}\b(?:received|arrived|delivered|performed|carried out)\b|\b(?:no|don't have a|do not have a|without a) (?:receiving|delivery|goods receipt) (?:record|note)|\b(?:nie|nicht|noch nicht)\b.{0,20}\b(?:erhalten|geliefert|angekommen|erbracht)\b|\b(?:jamais|pas)\b.{0,20}\b(?:reçu|livré|effectué)|\b(?:nunca|no)\b.{0,20}\b(?:recibi(?:mos|do)|llegó|entregad[oa])\b|\b(?:nooit|niet)\b.{0,20}\b(?:ontvangen|geleverd|uitgevoerd)\b/iu)],
  ['quantity', ub(/\b(?:invoiced|billed|charged) (?:us )?for \d+|\bonly (?:received|got|delivered) \d+|\b\d+ (?:units|pcs|pieces)? ?(?:short|missing)\b|\bfaltan \d+|\brecibimos \d+|\bn'en avons reçu que\b|\bn'avons reçu que \d+|\bnur \d+ .{0,30}geliefert|\bstatt \d+|\bminder geleverd|\bslechts \d+ |\b(?:fewer|less) (?:units|items|than)\b/iu)],
  ['quality', ub(/\b(?:damaged|defective|broken|faulty|cracks?|cracked|wrong (?:model|type|item|size|colou?r|part)|not working|doesn't work|rusted|leaking)\b|\b(?:beschädigt|defekt|falsch geliefert(?:en)?|mangelhaft|mängel|reklamation|bruch)\b|\b(?:endommagée?s?|défectueu(?:x|ses?)|cassée?s?|abîmée?s?|non conformes?|mauvais modèle)\b|\b(?:dañad[oa]s?|defectuos[oa]s?|rot[oa]s?|averiad[oa]|haciendo ruido|no funciona|incomplet[oa]s?)\b|\b(?:kapot|beschadigd|defect|verkeerde type|te klein|te groot|teruggestuurd)\b/iu)],
  ['pricing', ub(/\b(?:(?:unit )?price|rate|surcharge|fee|tariff|pricing)\b.{0,80}\b(?:agreed|quoted|should|instead|wrong|incorrect|higher|not in)\b|\bagreed (?:price|rate)\b|\b(?:preis|aufschlag|zuschlag|tarif)\b.{0,60}\b(?:vereinbart|angebot|falsch|statt)|\b(?:prix|tarif)\b.{0,60}\b(?:convenu|devis|au lieu|erron)|\b(?:precio|tarifa)\b.{0,60}\b(?:acordad|oferta|pactad)|€\/|\boferta\b.{0,30}\bera\b|\b(?:prijs|tarief)\b.{0,60}\b(?:afgesproken|offerte|klopt niet)|\bbetwisten het verschil\b/iu)],
  ['other', ub(/\b(?:isn't ours|is not ours|not our (?:company|order)|different company|never ordered|cancell?ed (?:order|hire|booking)|nicht von uns bestellt|storniert|nous n'avons jamais commandé|annulée?|no es nuestr[oa]|no pedimos|niet besteld|geannuleerd)\b/iu)],
];
const GENERIC = ub(/\b(?:dispute|disputing|contest|query on|queried|incorrect invoice|on hold because|betwisten|beanstanden|reklamieren|contestons|contester|litige|no estamos de acuerdo|reclamación|klopt niet|niet akkoord)\b/iu);
const NOT_A_DISPUTE = ub(/\b(?:credit note (?:received|arrived)|resolved|thank(?:s| you) for (?:the|your) credit|gutschrift erhalten|bien reçu l'avoir)\b/iu);

/** At most one dispute per message: the first reason found in the new text. */
export function detectDispute(reading: Reading): Dispute[] {
  for (const segment of reading.segments) {
    if (segment.field !== 'body' || NOT_A_DISPUTE.test(segment.text)) continue;
    // "we pay once the credit note for the damaged goods is booked": the fault is the condition of a promise.
    const promise = matchRule(segment.text, FUTURE);
    if (promise && CONDITION.test(segment.text) && !NEGATION.test(segment.text)) continue;
    for (const [reason, re] of REASONS) {
      if (!re.test(segment.text)) continue;
      const invoices = invoicesFor(segment.text, reading);
      if (reason === 'other' && invoicesIn(segment.text, reading).length === 0) continue;
      if (invoices.length === 0 && reading.messageInvoices.length === 0 && !GENERIC.test(reading.content)) continue;
      return [
        {
          intent: 'dispute',
          invoices,
          reason,
          amount: ub(/\b(?:difference|verschil|différence|diferencia|differenz|surcharge|of)\b/i).test(segment.text) ? amountIn(segment.text, reading) : null,
          evidence: evidenceOf(segment),
          confidence: 0.75,
          source: `rule:dispute.${reason}`,
          explanation: `The customer contests the invoice (${reason.replace('_', ' ')}).`,
        },
      ];
    }
  }
  return [];
}
