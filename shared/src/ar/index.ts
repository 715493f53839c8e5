/** Pure AR computations: aging, totals, behaviour, pay-day pattern, predicted pay dates, promises. */
export type * from './types';
export { computeArStatus } from './compute-ar-status';

export { agingBucket, daysPastDue, emptyAging } from './aging';
export { computeInvoiceBalances, paidInvoices, toPaidStatus, type InvoiceBalance } from './balances';
export { classifyBehaviour, type BehaviourInput } from './behaviour-label';
export {
  averageDaysLate,
  BEHAVIOUR_WINDOW_DAYS,
  headlineCurrency,
  meanDaysLate,
  onTimeRate,
  paidWithinLastDays,
} from './behaviour-metrics';
export {
  addDays,
  dayOfMonth,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isDayOfMonth,
  isWithinLastDays,
  toDayNumber,
  weekdayOf,
} from './dates';
export { formatDate, formatDays, formatLateness } from './format';
export {
  describePayDay,
  distanceToPayDay,
  isPayDay,
  nearestPayDay,
  nextPayDay,
  ordinal,
  type PayDay,
} from './pay-day-dates';
export { detectPayDayPattern } from './pay-day-pattern';
export { medianRoundedHalfUp, predictPayDate, roundHalfUp, type PayDatePrediction, type PredictionContext } from './predict-pay-date';
export { estimateLateness, MAX_HISTORY, recentPaid, type LatenessEstimate } from './lateness-estimate';
export { orgPaymentNorms, type NormsInvoice, type OrgPaymentNorms } from './org-payment-norms';
export { runBacktest, type BacktestInput, type BacktestInvoice, type BacktestResult, type BacktestScore } from './backtest';
export { evaluatePromises, type PromiseEvaluation } from './promises';
export { computeTotals, customerCurrencyFirst, type TotalsInput } from './totals';
