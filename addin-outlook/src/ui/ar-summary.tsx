/** AR status: outstanding and overdue per currency, aging bar, and how the customer pays. */
import { Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TCustomerPanel } from '@shared/schemas';
import { AgingBar } from './aging-bar';
import { formatDate, formatDaysLate, formatMoney, formatPercent } from './format';

const useStyles = makeStyles({
  totals: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
  figure: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  stats: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: '2px', margin: `${tokens.spacingVerticalS} 0 0` },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0, overflowWrap: 'anywhere' },
});

/** The numbers a collector reads first. */
export function ArSummary({ panel, locale }: { panel: TCustomerPanel; locale: string }) {
  const styles = useStyles();
  const { status } = panel;
  const stats: Array<[string, string]> = [
    ['Average', status.averageDaysLate === null ? 'no payments this year' : formatDaysLate(status.averageDaysLate)],
    ['On time', status.onTimeRate === null ? '—' : `${formatPercent(status.onTimeRate, locale)} of ${status.paidInLast365}`],
    ['Pays', status.payDayPattern ?? 'no regular day'],
    [
      'Last payment',
      status.lastPayment
        ? `${status.lastPayment.amounts.map((a) => formatMoney(a.amount, a.currency, locale)).join(', ')} on ${formatDate(status.lastPayment.date, locale)}`
        : 'none yet',
    ],
  ];
  return (
    <section aria-label="AR status">
      {status.totals.length === 0 && <Text size={200}>Nothing outstanding.</Text>}
      {status.totals.map((t) => (
        <div key={t.currency}>
          <div className={styles.totals}>
            <div className={styles.figure}>
              <Caption1>Outstanding</Caption1>
              <Text weight="semibold" size={400}>
                {formatMoney(t.outstanding, t.currency, locale)}
              </Text>
            </div>
            <div className={styles.figure}>
              <Caption1>Overdue</Caption1>
              <Text weight="semibold" size={400} className={t.overdue > 0 ? styles.overdue : undefined}>
                {formatMoney(t.overdue, t.currency, locale)}
              </Text>
            </div>
          </div>
          <AgingBar aging={t.aging} currency={t.currency} locale={locale} />
          <dl className={styles.stats}>
            {t.dso90 !== null && (
              <>
                <dt className={styles.dt}>DSO (90 d)</dt>
                <dd className={styles.dd}>{Math.round(t.dso90)} days</dd>
              </>
            )}
            {t.creditUsed !== null && (
              <>
                <dt className={styles.dt}>Credit used</dt>
                <dd className={styles.dd}>{formatPercent(t.creditUsed, locale)}</dd>
              </>
            )}
            {t.unallocatedCash > 0 && (
              <>
                <dt className={styles.dt}>Unallocated cash</dt>
                <dd className={styles.dd}>{formatMoney(t.unallocatedCash, t.currency, locale)}</dd>
              </>
            )}
          </dl>
        </div>
      ))}
      <dl className={styles.stats}>
        {stats.map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt className={styles.dt}>{k}</dt>
            <dd className={styles.dd}>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
