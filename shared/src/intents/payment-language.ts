/**
 * The wording of payments in five languages: future commitments, past payments, negation,
 * conditions and vague times. Phrased as verb forms and tense markers, not as whole sentences.
 */
import { ub } from './word-boundary';
import type { Lang } from './dates';

export type Rule = [Lang, RegExp];

/** A commitment to pay in the future (or a scheduled payment). */
export const FUTURE: Rule[] = [
  ['en', ub(/(?:'ll|\b(?:will|shall|going to|gonna|plan to|intend to|expect to|aim to|can))\s+(?:be\s+|then\s+|also\s+|now\s+)?(?:pay(?:ing)?(?!\s+(?:attention|a visit|tribute|close attention))|paid|transfer(?:red)?|settle[d]?|clear(?:ed)?|remit(?:ted)?|release[d]?|wire[d]?|send (?:the |a |you )?payment|make (?:the |a )?payment|go(?:es)? out|include (?:it|them|this)|commit to)\b/iu)],
  ['en', ub(/\b(?:will|shall) be (?:made|sent|released|remitted|wired|transferred)\b|\b(?:payment|rest|remainder|balance|amount|money|funds|transfer)\b.{0,30}\b(?:will|'ll) follow\b/iu)],
  ['en', ub(/\b(?:scheduled|approved|queued|booked|set up|lined up|earmarked|slated)\s+(?:it\s+|them\s+)?(?:for|in|to go)\s+(?:payment|the (?:next )?(?:payment|pay) run|our (?:next )?(?:payment|pay) run|pay(?:ment)? on)/iu)],
  ['en', ub(/\b(?:in|into|with|on) (?:our |the |this |next |[\p{L}]+'s )?(?:\w+ )?(?:payment|pay|cheque|check|bacs) run\b/iu)],
  ['en', ub(/\bpayment (?:will|is (?:scheduled|planned|due to go)|goes out)\b/iu)],
  ['de', ub(/\b(?:zahlen|überweisen|begleichen|bezahlen|anweisen|leisten)\s+wir\b/iu)],
  ['de', ub(/\bwir\s+(?:werden|wollen|zahlen|überweisen|begleichen|bezahlen)\b/iu)],
  ['de', ub(/\b(?:wird|werden)\b.{0,80}\b(?:bezahlt|überwiesen|beglichen|angewiesen|ausgeglichen|gezahlt|folgen)\b/iu)],
  ['de', ub(/\b(?:zur zahlung (?:angewiesen|freigegeben|vorgesehen)|(?:ist|sind) für .{0,40} eingeplant|zahlung .{0,40}(?:eingeplant|vorgesehen|geplant)|folgt (?:am|bis|nach|mit|zum|spätestens|in)|\bfolgt\b)/iu)],
  ['fr', ub(/\b(?:réglerons|règlerons|paierons|payerons|virerons|verserons|procéderons|effectuerons|solderons)\b/iu)],
  ['fr', ub(/\b(?:sera|seront)\s+(?:\p{L}+\s+)?(?:payée?s?|réglée?s?|virée?s?|versée?s?|mise?s? en paiement|soldée?s?)\b/iu)],
  ['fr', ub(/\b(?:allons|vais|va|pouvons|devrions)\s+(?:vous\s+)?(?:régler|payer|virer|procéder au (?:paiement|règlement|virement)|solder)\b/iu)],
  ['fr', ub(/\b(?:est|sont)\s+(?:mise?s?\s+)?en paiement\b|\bprogrammée? (?:pour|au)\b/iu)],
  ['es', ub(/\b(?:pagaremos|transferiremos|abonaremos|liquidaremos|realizaremos|haremos|ingresaremos|saldaremos|liberaremos)\b/iu)],
  ['es', ub(/\bse\s+(?:pagará[n]?|abonará[n]?|transferirá[n]?|liquidará[n]?)\b|\bserá[n]? (?:pagad[oa]s?|abonad[oa]s?)\b/iu)],
  ['es', ub(/\b(?:vamos|voy)\s+a\s+(?:pagar|transferir|abonar|liquidar|hacer (?:la )?transferencia|realizar el pago)\b/iu)],
  ['es', ub(/\b(?:hacemos (?:la )?transferencia|liberamos el pago|(?:os|le|les|te)\s+(?:la|lo|las|los)?\s*pagamos)\b/iu)],
  ['es', ub(/(?<!\bya\s)\b(?:la|lo|las|los)\s+pagamos\s+(?:a|el|la|mañana|en|antes|esta|este|sin)\b/iu)],
  ['nl', ub(/\b(?:betalen|maken|voldoen|storten)\s+(?:we|wij|ik)\b/iu)],
  ['nl', ub(/\b(?:we|wij|ik)\s+(?:betalen|zullen|gaan|maken\b.{0,60}\bover)\b/iu)],
  ['nl', ub(/\b(?:wordt|worden|zal|zullen)\b.{0,60}\b(?:betaald|overgemaakt|voldaan|betalen|overmaken|voldoen)\b/iu)],
  ['nl', ub(/\b(?:ik|we|wij)\s+maak\b.{0,60}\bover\b|\bgeplande betaaldatum\b|\bingepland\b/iu)],
];

FUTURE.push(
  ['en', ub(/\b(?:we are|we're|I am|I'm)\s+(?:paying|settling|transferring|sending (?:the |a )?payment|releasing)\b|\b(?:goes|going|will go|is going) out\b|\byou (?:will|should|'ll) (?:receive|see|get) (?:the |our |a )?(?:payment|funds|money|transfer|remittance)\b|\bscheduled to (?:be paid|pay|go out)\b|\b(?:due|set|booked) to be paid\b/iu)],
  ['de', ub(/\b(?:zahlung|überweisung|ausgleich|begleichung)\b.{0,40}\berfolgt\b|\bvorgemerkt\b|\bsie erhalten\b.{0,30}\b(?:zahlung|betrag|geld|überweisung)\b|\bgeht\b.{0,40}\braus\b/iu)],
  ['fr', ub(/\b(?:partira|interviendra|sera effectué|sera émis|sera envoyé)\b|\b(?:paiement|virement|règlement)\b.{0,40}\b(?:est prévu|prévu|programmé|planifié)\b|\bvous recevrez\b|\bje (?:vous )?fais le virement\b/iu)],
  ['es', ub(/\b(?:se realizará|se hará|se efectuará|saldrá|quedará pagad[oa])\b|\b(?:pago|transferencia)\b.{0,40}\b(?:programad[oa]|previst[oa]|agendad[oa])\b|\brecibirá[n]?\b.{0,30}\b(?:pago|transferencia)\b/iu)],
  ['nl', ub(/\b(?:betaling|overboeking)\b.{0,40}\b(?:volgt|gepland|ingepland|staat klaar)\b|\bmaken (?:we|wij)\b.{0,60}\bover\b|\bgaan (?:we|wij)\b.{0,30}\b(?:betalen|overmaken)\b/iu)],
);

// First-person singular and colloquial forms.
FUTURE.push(
  ['en', ub(/\b(?:will|should) (?:be with you|hit your account|reach you|land in your account)\b|\byou(?:'ll| will| should) have (?:it|the (?:money|funds|payment))\b|\bpromise to pay\b/iu)],
  ['de', ub(/\b(?:ich überweise|ich zahle|ich begleiche|überweise ich|zahle ich|begleiche ich)\b|\bsie bekommen (?:das geld|die zahlung|den betrag)\b/iu)],
  ['fr', ub(/\b(?:je (?:vous )?(?:réglerai|règlerai|paierai|payerai|virerai|ferai le virement)|nous (?:vous )?ferons le virement|on va (?:vous )?(?:payer|régler|virer))\b/iu)],
  ['es', ub(/\b(?:pagaré|transferiré|abonaré|liquidaré|haré la transferencia|te lo pago|se lo pago|os lo pago)\b/iu)],
  ['nl', ub(/\b(?:ik betaal|betaal ik)\b|\b(?:krijgen jullie|krijgt u)\b.{0,30}\b(?:het geld|de betaling|het bedrag)\b/iu)],
);

/** A payment made in the past. */
export const PAST: Rule[] = [
  ['en', ub(/\b(?:have|has|had|'ve)\s+(?:already\s+|just\s+|now\s+|today\s+)?(?:been\s+)?(?:paid|transferred|settled|remitted|wired|cleared|sent (?:the |a )?payment|made (?:the |a )?payment)\b/iu)],
  ['en', ub(/\b(?:was|were)\s+(?:already\s+|fully\s+)?(?:paid|settled|transferred|remitted|cleared)\b/iu)],
  ['en', ub(/\b(?:we|I|they)\s+(?:already\s+)?(?:paid|transferred|settled|remitted|wired|sent (?:the |a )?payment|made (?:the |a )?payment)\b/iu)],
  ['en', ub(/(?<!\b(?:are|is|get|gets|be)\s)\b(?:paid|settled|transferred)\s+(?:today|yesterday|on|last|via|by|in full|back)\b|\bpayment (?:was |has been )?(?:made|sent|released|processed) (?:today|yesterday|on)\b|\bpaying\b.{0,60}\bnow\b|\bas paid\b/iu)],
  ['de', ub(/\b(?:haben|habe|hatten)\b.{0,80}\b(?:überwiesen|bezahlt|beglichen|gezahlt|angewiesen|geleistet)\b/iu)],
  ['de', ub(/\b(?:ist|sind|wurde|wurden)\b.{0,80}\b(?:bezahlt|überwiesen|beglichen|ausgeglichen|raus|gezahlt)\b/iu)],
  ['fr', ub(/\b(?:avons|ai|avions)\b.{0,60}\b(?:réglée?s?|payée?s?|viré|virée?s?|versée?s?|effectué|procédé)\b/iu)],
  ['fr', ub(/\b(?:a|ont)\s+(?:bien\s+|déjà\s+)?été\s+(?:\p{L}+\s+)?(?:réglée?s?|payée?s?|virée?s?|versée?s?|effectuée?s?)\b|\b(?:virement|paiement|règlement)\b.{0,60}\beffectuée?\b|\bdéjà (?:réglée?s?|payée?s?)\b/iu)],
  ['es', ub(/\b(?:hemos|he|ha|han|habíamos)\s+(?:\p{L}+\s+){0,2}?(?:pagado|transferido|abonado|realizado|hecho|liquidado|enviado el pago)\b/iu)],
  ['es', ub(/\b(?:fue|fueron|ha sido|han sido)\s+(?:pagad[oa]s?|abonad[oa]s?|transferid[oa]s?)\b|\bse (?:abonó|pagó|transfirió|liquidó)\b|\bya (?:\p{L}+ ){0,2}(?:pagamos|pagué|abonamos|transferimos)\b|\bpago (?:parcial )?realizado\b|\bquedó el pago\b|\b(?:pagamos|transferimos|abonamos)\s+(?:el|ayer|hoy)\b/iu)],
  ['nl', ub(/\b(?:is|zijn|werd|werden)\b.{0,60}\b(?:betaald|overgemaakt|voldaan)\b/iu)],
  ['nl', ub(/\b(?:als betaald|als voldaan)\b/iu)],
  ['de', ub(/\bals (?:bezahlt|beglichen)\b/iu)],
  ['fr', ub(/\bcomme (?:payée?s?|réglée?s?)\b/iu)],
  ['es', ub(/\bcomo (?:pagad[oa]s?|abonad[oa]s?)\b/iu)],
  ['nl', ub(/\b(?:hebben|heb|heeft)\b.{0,60}\b(?:betaald|overgemaakt|voldaan)\b/iu)],
];

PAST.push(
  ['en', ub(/\bpayment (?:has been |was )?(?:sent|made|released|initiated|processed) (?:today|yesterday|on|this)\b|\bpayment went out\b|\b(?:wire|transfer|cheque|check) (?:was|has been|is) (?:sent|posted|mailed|in the post)\b|\bmailed (?:a|the) (?:check|cheque)\b/iu)],
  ['de', ub(/\bzahlung (?:ist |wurde )?(?:raus|erfolgt|ausgeführt|veranlasst)\b|\bist (?:heute |gestern )?raus\b|\bwurde angewiesen\b/iu)],
  ['fr', ub(/\b(?:paiement|virement|règlement) (?:a été )?(?:effectué|envoyé|émis|réalisé|passé|lancé)\b|\bavons procédé au (?:paiement|virement|règlement)\b/iu)],
  ['es', ub(/\bpago (?:realizado|efectuado|enviado|emitido)\b|\b(?:hemos realizado|realizamos|se ha realizado|efectuamos) (?:el pago|la transferencia)\b/iu)],
  ['nl', ub(/\bbetaling (?:is )?(?:verstuurd|uitgevoerd|gedaan|verricht)\b|\bovergeboekt\b/iu)],
  ['en', ub(/\b(?:payment|transfer|money|funds|cheque|check) (?:is|are) (?:on (?:its|their) way|in the post)\b|\b(?:zahlung|überweisung|geld) ist unterwegs\b|\b(?:paiement|virement) (?:est )?en route\b|\b(?:pago|transferencia) (?:está )?en camino\b|\b(?:betaling|overboeking) is onderweg\b/iu)],
);

/** The payment is contested or not made: a negated verb in the clause. */
export const NEGATION = ub(/\b(?:not|n't|never|no longer|nicht|kein(?:e|en)?|ne|n'|pas|jamais|no|nunca|niet|geen|nooit)\b|n't\b/iu);
/** "not yet" status replies and refusals. */
export const NOT_YET = ub(/\b(?:haven't|have not|hasn't|has not|not yet|noch nicht|pas encore|todavía no|aún no|nog niet)\b/iu);

/** The payment waits for an event outside the payer's calendar. */
export const CONDITION = ub(
  /\b(?:once|as soon as|when(?:ever)?|after (?:we|the|our|receipt|receiving)|provided|subject to|pending|upon|if)\b|\b(?:sobald|nachdem|wenn|falls|nach (?:eingang|erhalt|der|dem)|vorausgesetzt)\b|\b(?:dès que|dès réception|une fois|après (?:réception|la|le)|lorsque|quand|sous réserve)\b|\b(?:en cuanto|cuando|una vez|tras|después de|siempre que)\b|\b(?:zodra|nadat|na ontvangst|wanneer|mits)\b/iu);

/** The time is not one day. */
export const VAGUE = ub(
  /\b(?:asap|as soon as (?:possible|we can)|soon|shortly|in the coming days|next week|next month|early next|mid-\p{L}+|later this month|on the due date|when due|the week after)\b|\b(?:zeitnah|baldmöglichst|schnellstmöglich|so bald wie möglich|nächste woche|kommende woche|anfang (?:nächsten|kommenden) monats?|mitte \p{L}+|demnächst|in kürze)\b|\b(?:prochainement|au plus vite|dans les (?:prochains|meilleurs) (?:jours|délais)|la semaine prochaine|début (?:du mois prochain|\p{L}+)|mi-\p{L}+|dès que possible|rapidement)\b|\b(?:lo antes posible|cuanto antes|pronto|la semana que viene|la próxima semana|próximamente|en los próximos días|a principios de|quedará para)\b|\b(?:binnenkort|zo snel mogelijk|z\.s\.m\.|volgende week|komende week|begin volgende maand|in de loop van)\b/iu);

/** A statement of the usual terms, not a commitment ("invoices are paid on net 45 in our Thursday run"). */
export const POLICY = ub(
  /\b(?:are|get|is) (?:\p{L}+ )?paid (?:on|within|after|by)\b|\bnet \d+\b|\b(?:according to|under) (?:the |our )?(?:agreed |usual )?(?:payment )?terms\b|\bgemäß (?:den |unseren )?(?:\p{L}+ )?zahlungsbedingungen\b|\b\d+ tage netto\b|\bnetto \d+ tage\b|\bselon (?:les|nos) conditions\b|\bà \d+ jours\b|\bsegún (?:las|nuestras) condiciones\b|\bvolgens (?:de|onze) (?:betalings)?(?:voorwaarden|termijn)\b/iu,
);

/** A question or hypothetical ("if we paid within 10 days, could we…"). */
export const HYPOTHETICAL = ub(/^(?:if|wenn|falls|si|als)\b|\b(?:if we (?:paid|pay)|would (?:we|it)|could we take|wenn wir .{0,40} zahlen würden|si nous payons|si pagamos|als we .{0,30} betalen)\b/iu);

/** The clause rebuts a chase: the payment was made before and the invoice still shows open. */
export const CLAIM = ([
  /\b(?:already|again|weeks ago|months ago|last month|a while ago|as paid|in our (?:system|books|records|ledger)|our records show|long since)\b/iu,
  /\b(?:bereits|schon|längst|erneut|nochmals|als bezahlt|bei uns als)\b/iu,
  /\b(?:déjà|à nouveau|comme (?:payée?s?|réglée?s?|soldée?s?)|depuis longtemps|chez nous|a bien été)\b/iu,
  /\b(?:ya (?:(?:la|lo|las|los|se|le) )?(?:pagamos|pagué|abonamos|transferimos|está|estaba|fue|ha sido|se pagó|se abonó)|de nuevo|nuevamente|como pagad[oa]s?|que aparece)\b/iu,
  /\b(?:al|reeds|als betaald|nogmaals|opnieuw)\b/iu,
]).map(ub);

/** Words for "the rest" that open a second instalment of a promise. */
export const REST = ub(/\b(?:the rest|the remaining|the remainder|the balance|(?:den |der )?rest(?:betrag|lichen)?|le solde|le reste|le restant|el resto|el saldo|el restante|het restant|de rest)\b/iu);

/** The first rule that matches, with its language and position. */
export function matchRule(text: string, rules: Rule[]): { lang: Lang; index: number; text: string } | null {
  let best: { lang: Lang; index: number; text: string } | null = null;
  for (const [lang, re] of rules) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.index)) best = { lang, index: m.index, text: m[0] };
  }
  return best;
}
