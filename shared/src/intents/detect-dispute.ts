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
/** Wider vocabulary per reason, each a fault stated about goods, prices or invoices. */
const MORE_REASONS = ([
  ['duplicate_billing', /\b(?:charged|paid|invoiced) (?:for (?:this|it) )?twice\b|\balready (?:been )?(?:invoiced|billed|charged)\b|\bbereits (?:berechnet|abgerechnet|fakturiert)\b|\bdéjà (?:été )?facturée?s?\b|\bya (?:nos )?(?:habían |han )?facturad[oa]\b|\bal (?:eerder )?gefactureerd\b/iu],
  ['missing_po', /\bPO (?:number )?(?:is )?missing\b|\bno PO (?:number|reference)\b|\bbestellnummer fehlt\b|\bil manque (?:le|notre) (?:numéro de )?(?:bon de )?commande\b|\bfalta (?:el número de pedido|la orden de compra|nuestra OC)\b|\b(?:inkoop)?ordernummer ontbreekt\b|\bontbreekt (?:het|ons) (?:PO|inkoopordernummer|ordernummer)\b/iu],
  ['tax', /\b(?:charged|applied|added) VAT\b|\bzero-rated\b|\bVAT[- ]exempt\b|\breverse[- ]charge\b|\bsteuersatz\b.{0,30}\b(?:falsch|nicht korrekt)\b|\bsteuerfrei\b|§ ?13b|\bTVA\b.{0,30}\b(?:non applicable|à tort|erronée)\b|\bautoliquidation\b|\bIVA\b.{0,30}\b(?:incorrecto|no aplica|exento)\b|\binversión del sujeto pasivo\b|\bbtw\b.{0,30}\b(?:onjuist|ten onrechte)\b|\bbtw-verlegging\b/iu],
  ['not_received', /\b(?:still waiting for|haven't received|have not received|has not (?:been )?(?:delivered|arrived)|never arrived|not been delivered)\b.{0,30}\b(?:goods|delivery|parts|order|items|service|material|shipment)\b|\b(?:ware|lieferung)\b.{0,30}\b(?:nicht angekommen|noch nicht geliefert|nie geliefert)\b|\bleistung\b.{0,20}\bnicht erbracht\b|\b(?:pas|jamais) été livrée?s?\b|\btoujours pas reçu\b|\b(?:no ha llegado|no se ha entregado|nunca llegó|seguimos esperando)\b|\b(?:nooit|nog (?:steeds )?niet) (?:geleverd|ontvangen|aangekomen)\b/iu],
  ['quantity', /\b(?:more|fewer) (?:units|items|pieces|pallets|boxes|hours) than\b|\bshort[- ](?:shipped|delivery|delivered)\b|\bpartial delivery\b|\bonly \d+ (?:were|was|have been|arrived)\b|\b(?:teillieferung|mindermenge|weniger geliefert|nur \d+ stück)\b|\b(?:livraison partielle|seulement \d+|il manque \d+)\b|\b(?:entrega parcial|solo (?:recibimos|llegaron) \d+|cantidad (?:facturada|incorrecta))\b|\b(?:minder (?:ontvangen|geleverd)|te veel gefactureerd|aantal klopt niet|slechts \d+ (?:ontvangen|geleverd))\b/iu],
  ['quality', /\b(?:defects?|scratched|dented|not as described|not to spec(?:ification)?|poor quality|unusable|does not work|stopped working)\b|\b(?:qualitätsmangel|mängelrüge|kaputt|unbrauchbar|fehlerhaft)\b|\b(?:abîmée?s?|défaut|mauvaise qualité|inutilisable|ne fonctionne pas|non conformes?)\b|\b(?:mala calidad|defecto|no sirve|estropead[oa]s?|en mal estado|no conforme)\b|\b(?:slechte kwaliteit|gebrek|beschadiging|werkt niet|onbruikbaar)\b/iu],
  ['pricing', /\b(?:overcharged|over-charged|charged (?:us )?more than|wrong price|incorrect (?:price|rate)|price increase|discount (?:is )?(?:missing|not applied))\b|\b(?:rabatt|skonto)\b.{0,30}\b(?:fehlt|nicht (?:abgezogen|berücksichtigt))\b|\b(?:falscher|überhöhter) preis\b|\b(?:prix|tarif) (?:erroné|incorrect|trop élevé)\b|\bremise (?:non appliquée|oubliée)\b|\bprecio (?:incorrecto|erróneo|distinto)\b|\bdescuento no aplicado\b|\bcobrado de más\b|\b(?:te hoge|verkeerde) prijs\b|\bkorting (?:ontbreekt|niet verwerkt)\b/iu],
  ['other', /\b(?:did not order|didn't order|never ordered|not ordered|wrong (?:company|entity|customer))\b|\bnicht bestellt\b|\b(?:pas commandé|jamais commandé)\b|\bno (?:lo )?(?:pedimos|hemos pedido)\b|\bniet besteld\b/iu],
] as Array<[Reason, RegExp]>).map(([reason, re]): [Reason, RegExp] => [reason, ub(re)]);

/** "we have not received the invoice" asks for a copy; it contests nothing. */
const INVOICE_NOT_RECEIVED = ub(/\b(?:received|erhalten|reçu|recibido|ontvangen)\b.{0,20}\b(?:invoice|rechnung|facture|factura|factuur|credit note|gutschrift|avoir)\b|\b(?:invoice|rechnung|facture|factura|factuur)\b.{0,30}\b(?:not received|nicht erhalten|pas reçu|no (?:hemos )?recibido|niet ontvangen)\b/iu);
const GENERIC = ub(
  /\b(?:dispute|disputing|contest|query on|queried|incorrect invoice|on hold because|is (?:incorrect|wrong|not correct)|does(?:n't| not) match|(?:cannot|can't|do not|don't) accept|we reject|we refuse|(?:will not|won't|cannot|can't) pay\b.{0,40}\b(?:until|before|unless|as long as)|betwisten|beanstanden|reklamieren|nicht korrekt|stimmt nicht|akzeptieren wir nicht|nicht akzeptieren|contestons|contester|litige|n'acceptons pas|ne correspond pas|no estamos de acuerdo|reclamación|no aceptamos|rechazamos|impugnamos|no es correcta|no coincide|klopt niet|niet akkoord|komt niet overeen|onjuist)\b/iu,
);
const NOT_A_DISPUTE = ub(/\b(?:credit note (?:received|arrived)|resolved|thank(?:s| you) for (?:the|your) credit|gutschrift erhalten|bien reçu l'avoir)\b/iu);

/** At most one dispute per message: the first reason found in the new text. */
export function detectDispute(reading: Reading): Dispute[] {
  for (const segment of reading.segments) {
    if (segment.field !== 'body' || NOT_A_DISPUTE.test(segment.text)) continue;
    // "we pay once the credit note for the damaged goods is booked": the fault is the condition of a promise.
    const promise = matchRule(segment.text, FUTURE);
    if (promise && CONDITION.test(segment.text) && !NEGATION.test(segment.text)) continue;
    for (const [reason, re] of [...REASONS, ...MORE_REASONS]) {
      if (!re.test(segment.text)) continue;
      if (reason === 'not_received' && INVOICE_NOT_RECEIVED.test(segment.text)) continue;
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
  return genericDispute(reading);
}

/** A contested invoice without a recognised reason: reason "other", only when the sentence names the customer's invoice. */
function genericDispute(reading: Reading): Dispute[] {
  for (const segment of reading.segments) {
    if (segment.field !== 'body' || !GENERIC.test(segment.text) || NOT_A_DISPUTE.test(segment.text)) continue;
    const invoices = invoicesIn(segment.text, reading);
    if (invoices.length === 0) continue;
    return [{ intent: 'dispute', invoices, reason: 'other', amount: null, evidence: evidenceOf(segment), confidence: 0.6, source: 'rule:dispute.generic', explanation: 'The customer contests the invoice.' }];
  }
  return [];
}
