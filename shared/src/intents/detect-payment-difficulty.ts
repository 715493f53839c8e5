/** payment_difficulty: cash-flow trouble, a payment plan or more time asked for. */
import { ub } from './word-boundary';
import type { TIntentSuggestion } from '../schemas/intents';
import { evidenceOf } from './reading';
import type { Reading } from './types';

type Difficulty = Extract<TIntentSuggestion, { intent: 'payment_difficulty' }>;
type Kind = Difficulty['kind'];

const RULES: Array<[Kind, RegExp]> = [
  ['cash_flow', ub(/\b(?:cash(?: flow)? is (?:\w+ )?tight|cash[- ]?flow (?:problems?|issues?|difficulties|is)|cash position|liquidity|not in a position to pay|(?:can't|cannot|can not|unable to) pay (?:anything|the full|in full|this month|right now|at the moment)|go(?:ne)? into administration|liquidität\w*|finanzielle[n]? schwierigkeiten|zahlungsschwierigkeiten|engpass|trésorerie (?:tendue|difficile)|difficultés (?:financières|de trésorerie)|problemas de (?:liquidez|tesorería)|falta de liquidez|tesorería (?:ajustada|complicada)|krap bij kas|liquiditeits\w*|financiële (?:problemen|moeilijkheden)|niet tijdig betalen)\b/iu)],
  ['payment_plan', ub(/\b(?:instal?l?ments?|payment plan|split (?:it|the|them|this|into|over)|per month until|monthly payments|raten(?:zahlung)?|ratenplan|in raten|échéancier|en plusieurs (?:fois|versements)|étaler|(?:en|a) (?:\p{L}+ )?plazos|plazos de pago|fraccionar|pagos mensuales|termijnen|betalingsregeling|gespreid)\b|\/\s?month\b/iu)],
  ['extension', ub(/\b(?:extension|more time|extra time|extend (?:the )?(?:due|payment|terms)|zahlungsziel.{0,40}verlängern|aufschub|stundung|zahlungsaufschub|délai supplémentaire|report d'échéance|prolonger|prórroga|aplazamiento|más tiempo|uitstel|langere betaaltermijn|betaaltermijn.{0,30}verleng)\b/iu)],
];
RULES.push(
  ['cash_flow', ub(/\b(?:struggling (?:financially|with cash)|cash (?:shortage|crunch|problems)|funds are (?:tight|low|limited)|short of (?:cash|funds)|financial (?:difficulties|problems|trouble)|can't afford|cannot afford|zahlungsengpass|knapp bei kasse|angespannte liquidität|difficultés (?:financières|de paiement)|trésorerie (?:est )?tendue|manque de trésorerie|dificultades (?:económicas|financieras)|problemas de caja|no tenemos liquidez|betalingsproblemen|geldgebrek|krappe liquiditeit)\b/iu)],
  ['payment_plan', ub(/\bpay (?:it |this |the balance )?in (?:parts|stages|tranches|instal?l?ments)\b|\bspread (?:the )?(?:payment|balance|cost)s?\b|\bpart[- ]payments\b|\brepayment plan\b|\b(?:in teilbeträgen|teilzahlungen|in mehreren raten|aufteilen)\b|\b(?:mensualités|paiement échelonné|échelonner)\b|\b(?:en cuotas|pagos parciales|plan de pagos|en varios pagos)\b|\b(?:in delen|afbetalingsregeling|gespreide betaling|in gedeelten)\b/iu)],
  ['extension', ub(/\b(?:extend (?:the )?(?:deadline|due date|payment terms)|additional time|a (?:few|couple of) more (?:days|weeks)|grace period|postpone (?:the )?payment|defer (?:the )?payment)\b|\b(?:fristverlängerung|später zahlen|mehr zeit)\b|\b(?:reporter (?:le paiement|l'échéance)|report de paiement|un peu plus de temps|prolongation)\b|\b(?:aplazar|más plazo|ampliar el plazo|posponer el pago)\b|\b(?:meer tijd|later betalen|betaaltermijn verlengen|verlenging)\b/iu)],
);
const FIRST_INSTALMENT = ub(/\bfirst instal?l?ment\b/iu);

/** One suggestion per kind. */
export function detectPaymentDifficulty(reading: Reading): Difficulty[] {
  const out: Difficulty[] = [];
  for (const segment of reading.segments) {
    if (segment.field !== 'body') continue;
    for (const [kind, re] of RULES) {
      if (out.some((d) => d.kind === kind) || !re.test(segment.text)) continue;
      if (kind === 'payment_plan' && FIRST_INSTALMENT.test(segment.text)) continue;
      out.push({
        intent: 'payment_difficulty',
        kind,
        evidence: evidenceOf(segment),
        confidence: 0.75,
        source: `rule:payment_difficulty.${kind}`,
        explanation: kind === 'cash_flow' ? 'States cash-flow trouble.' : kind === 'payment_plan' ? 'Asks to pay in instalments.' : 'Asks for more time to pay.',
      });
    }
  }
  return out;
}
