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
export { currencyExponent, formatDays, formatLateness, formatMoney } from './format';
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
export { medianRoundedHalfUp, predictPayDate, type PayDatePrediction } from './predict-pay-date';
export { evaluatePromises, type PromiseEvaluation } from './promises';
export { computeTotals, customerCurrencyFirst, type TotalsInput } from './totals';
