/** The AR status section: per-currency totals and aging, then the customer's payment habits. */
import type { TCustomerPanel } from '@shared/schemas';
import type { CardSection, CardWidget } from './card-types';
import { formatDate, formatLateness, formatMoney, formatPercent } from './format';
import { decorated, section } from './widgets';

type Totals = TCustomerPanel['status']['totals'][number];

function currencyWidgets(t: Totals): CardWidget[] {
  const m = (amount: number) => formatMoney(amount, t.currency);
  const aging = `Current ${m(t.aging.current)} · 1–30 ${m(t.aging.d1_30)} · 31–60 ${m(t.aging.d31_60)} · 61–90 ${m(t.aging.d61_90)} · 91+ ${m(t.aging.d91_plus)}`;
  const extras = [
    t.dso90 !== null ? `DSO ${Math.round(t.dso90)} days` : null,
    t.creditUsed !== null ? `credit used ${formatPercent(t.creditUsed)}` : null,
    t.unallocatedCash > 0 ? `unallocated cash ${m(t.unallocatedCash)}` : null,
  ].filter(Boolean);
  return [
    decorated(m(t.outstanding), { top: `Outstanding (${t.currency})`, bottom: `Overdue ${m(t.overdue)}${extras.length ? ` · ${extras.join(' · ')}` : ''}` }),
    decorated(aging, { top: `Aging (${t.currency})` }),
  ];
}

/** Outstanding, overdue, aging, DSO and credit use per currency (never summed across currencies); then habits. */
export function arStatusSection(status: TCustomerPanel['status']): CardSection | null {
  const habits = [
    status.averageDaysLate !== null ? decorated(formatLateness(status.averageDaysLate), { top: 'Average days late', bottom: `over ${status.paidInLast365} invoices paid in the last 365 days` }) : null,
    status.onTimeRate !== null ? decorated(formatPercent(status.onTimeRate), { top: 'Paid on time' }) : null,
    status.payDayPattern ? decorated(status.payDayPattern, { top: 'Pay-day pattern' }) : null,
    status.lastPayment
      ? decorated(status.lastPayment.amounts.map((a) => formatMoney(a.amount, a.currency)).join(', '), { top: 'Last payment', bottom: `received ${formatDate(status.lastPayment.date)}` })
      : decorated('No payment received yet', { top: 'Last payment' }),
  ];
  const totals = status.totals.length ? status.totals.flatMap(currencyWidgets) : [decorated('Nothing outstanding', { top: 'Outstanding' })];
  return section('AR status', [...totals, ...habits]);
}
