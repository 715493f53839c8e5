/** Aging as one stacked bar with a legend: current, 1–30, 31–60, 61–90, 91+. */
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { TCustomerPanel } from '@shared/schemas';
import { formatMoney } from './format';

type Aging = TCustomerPanel['status']['totals'][number]['aging'];

const buckets: Array<{ key: keyof Aging; label: string; color: string }> = [
  { key: 'current', label: 'Current', color: '#6bb700' },
  { key: 'd1_30', label: '1–30', color: '#ffb900' },
  { key: 'd31_60', label: '31–60', color: '#f7630c' },
  { key: 'd61_90', label: '61–90', color: '#d13438' },
  { key: 'd91_plus', label: '91+', color: '#750b1c' },
];

const useStyles = makeStyles({
  bar: { display: 'flex', height: '10px', borderRadius: '5px', overflow: 'hidden', background: tokens.colorNeutralBackground3, margin: `${tokens.spacingVerticalXS} 0` },
  legend: { display: 'flex', flexWrap: 'wrap', gap: `2px ${tokens.spacingHorizontalS}`, listStyle: 'none', margin: 0, padding: 0 },
  swatch: { display: 'inline-block', width: '8px', height: '8px', borderRadius: '2px', marginRight: '4px' },
});

/** The bar is decorative; the legend carries the numbers for screen readers. */
export function AgingBar({ aging, currency, locale }: { aging: Aging; currency: string; locale: string }) {
  const styles = useStyles();
  const total = buckets.reduce((sum, b) => sum + aging[b.key], 0);
  return (
    <div>
      <div className={styles.bar} aria-hidden="true">
        {total > 0 && buckets.map((b) => (aging[b.key] > 0 ? <span key={b.key} style={{ width: `${(aging[b.key] / total) * 100}%`, background: b.color }} /> : null))}
      </div>
      <ul className={styles.legend} aria-label="Aging">
        {buckets
          .filter((b) => aging[b.key] > 0)
          .map((b) => (
            <li key={b.key}>
              <Caption1>
                <span className={styles.swatch} style={{ background: b.color }} />
                {b.label}: {formatMoney(aging[b.key], currency, locale)}
              </Caption1>
            </li>
          ))}
      </ul>
    </div>
  );
}
