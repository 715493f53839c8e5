/** process_requirement: portal, PO number, tax form, or changed bank details (always a fraud risk). */
import { ub } from './word-boundary';
import type { TIntentSuggestion } from '../schemas/intents';
import { evidenceOf } from './reading';
import type { Reading } from './types';

type Requirement = Extract<TIntentSuggestion, { intent: 'process_requirement' }>;
type Kind = Requirement['requirement'];

const RULES: Array<[Kind, RegExp]> = [
  ['bank_details', ub(/\b(?:(?:new|changed|updated) (?:bank(?:ing)? (?:details|account)|account details|details for the direct debit)|bank(?:ing)? details have changed|changed (?:our )?bank|moved (?:our )?bank|(?:neue|geänderte) bankverbindung|bankverbindung (?:hat sich )?geändert|nouveau rib|nouvelles coordonnées bancaires|changement de (?:banque|rib|coordonnées bancaires)|cambiado de banco|nueva cuenta bancaria|nuevos datos bancarios|bankgegevens (?:zijn )?gewijzigd|nieuwe bankrekening|nieuw rekeningnummer)\b|\bbankverbindung geändert\b|\bhat sich unsere bankverbindung\b/iu)],
  ['tax_form', ub(/\b(?:W-?9|W-?8(?:BEN)?(?:-E)?|NR301|tax residency certificate|certificate of (?:tax )?residence|ansässigkeitsbescheinigung|§\s?48b|freistellungsbescheinigung|ust-?idnr|attestation de résidence|certificado de residencia fiscal|constancia de situación fiscal|verklaring (?:van )?fiscale woonplaats)\b/iu)],
  ['po_number', ub(/\b(?:must|should|need to|needs to|has to|have to|required to|please)\b.{0,40}\b(?:quote|show|include|state|reference|contain|carry)\b.{0,40}\b(?:PO|purchase order)|\bwithout (?:a )?(?:valid )?(?:PO|purchase order)\b.{0,40}\b(?:cannot|can't|won't|will not|rejected)|\bshowing the PO\b|\bbestell(?:nummer|nr)\b.{0,40}\b(?:an|angeben|anzugeben|nicht buchen)\b|\bohne\b.{0,30}\bbestellnummer\b|\b(?:numéro de |n° de )?(?:bon de )?commande\b.{0,40}\b(?:obligatoire|doit|doivent)|\bdeben incluir\b.{0,40}\b(?:orden de compra|pedido)|\b(?:número de pedido|orden de compra)\b.{0,30}\bobligatori|\b(?:inkoopordernummer|ordernummer|PO-nummer)\b.{0,40}\b(?:vermelden|verplicht|moet)/iu)],
  ['portal', ub(/\b(?:peppol|xrechnung|zugferd|factur-x|chorus pro|cfdi|e-invoic\w*|e-factur\w*|supplier portal|lieferantenportal|portail fournisseurs?|portal de proveedores|leveranciersportaal|coupa|ariba|tungsten|basware)\b/iu)],
];
RULES.push(
  ['bank_details', ub(/\b(?:new IBAN|IBAN (?:has )?changed|new account number|switched banks|please update (?:our|the) bank(?:ing)? details|neue IBAN|neues (?:bank)?konto|kontoänderung|nouvel IBAN|nouveau compte bancaire|nuevo IBAN|cambio de cuenta|nieuw IBAN|rekeningnummer (?:is )?gewijzigd)\b/iu)],
  ['tax_form', ub(/\b(?:1099|tax exemption certificate|resale certificate|steuernummer|attestation de vigilance|kbis|numéro de TVA intracommunautaire|certificado de retenciones|KvK-uittreksel|btw-nummer|G-rekening)\b/iu)],
  ['po_number', ub(/\bPO (?:number )?(?:is )?(?:required|mandatory)\b|\b(?:quote|include) (?:a|the|our) PO\b|\bno PO,? no pay\b|\bbestellnummer\b.{0,30}\b(?:zwingend|erforderlich|anzugeben)\b|\bnuméro de commande\b.{0,30}\b(?:doit figurer|à indiquer|requis)\b|\bnúmero de pedido\b.{0,30}\b(?:debe figurar|indicar)\b|\b(?:order|PO)-?nummer\b.{0,20}\b(?:vermelden|verplicht)\b/iu)],
  ['portal', ub(/\bupload (?:it|them|invoices|the invoice|your invoices?)\b.{0,30}\b(?:portal|platform)\b|\bvia (?:our|the) (?:supplier )?portal\b|\b(?:hochladen|über unser portal)\b|\bdéposer\b.{0,30}\bportail\b|\bsubir\b.{0,30}\b(?:portal|plataforma)\b|\b(?:uploaden|via ons portaal)\b|\b(?:EDI|tradeshift|jaggaer|taulia)\b/iu)],
);
const REQUIRED = ub(/\b(?:cannot|can't|unable|nicht|ne pouvons|no podemos|kunnen (?:niet|geen)|must|only|exclusively|required|requires?|need|needs|please|missing|no longer accept|nur noch|ausschließlich|müssen|benötigen|brauchen|bitte|uniquement|obligatoire|doivent|besoin|únicamente|solo|deben|necesitamos|enkel|uitsluitend|alleen|moeten|verplicht|nodig)\b|[:]\s*$/iu);
const UNCHANGED = ub(/\b(?:unchanged|not changed|unverändert|nicht geändert|inchangée?s?|sin cambios|no han cambiado|ongewijzigd|niet gewijzigd)\b/iu);
const ABOUT_US = ub(/\b(?:your|ihre|vos|votre|sus|su|uw|jullie)\b.{0,20}\b(?:bank|rib|bankverbindung|bankgegevens|datos bancarios|coordonnées)\b/iu);

/** One suggestion per kind of requirement. */
export function detectProcessRequirements(reading: Reading): Requirement[] {
  const out: Requirement[] = [];
  for (const segment of reading.segments) {
    if (segment.field !== 'body') continue;
    for (const [kind, re] of RULES) {
      if (out.some((r) => r.requirement === kind) || !re.test(segment.text)) continue;
      if (kind === 'bank_details' && (ABOUT_US.test(segment.text) || UNCHANGED.test(segment.text))) continue;
      if (kind !== 'bank_details' && kind !== 'po_number' && !REQUIRED.test(segment.text)) continue;
      out.push({
        intent: 'process_requirement',
        requirement: kind,
        fraudRisk: kind === 'bank_details',
        evidence: evidenceOf(segment),
        confidence: kind === 'bank_details' ? 0.9 : 0.75,
        source: `rule:process_requirement.${kind}`,
        explanation: kind === 'bank_details' ? 'Announces changed bank details: verify by phone before any change (fraud risk).' : `A requirement for invoicing (${kind.replace('_', ' ')}).`,
      });
    }
  }
  return out;
}
