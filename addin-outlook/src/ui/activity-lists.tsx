/** Open disputes and promises to pay. */
import { Button, Caption1, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TDispute, TPromise } from '@shared/schemas';
import { formatDate, formatMoney } from './format';
import { useCan } from './role';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
  body: { display: 'flex', flexDirection: 'column', minWidth: 0 },
});

/** Each open dispute with its invoices and a Resolve button. */
export function DisputeList({ disputes, locale, onResolve }: { disputes: TDispute[]; locale: string; onResolve: (d: TDispute) => void }) {
  const styles = useStyles();
  const canResolve = useCan('collector');
  if (disputes.length === 0) return null;
  return (
    <section aria-labelledby="disputes-title">
      <Subtitle2 block as="h3" id="disputes-title">
        Open disputes
      </Subtitle2>
      <ul className={styles.list}>
        {disputes.map((d) => (
          <li key={d.id} className={styles.item}>
            <div className={styles.body}>
              <Text size={200} weight="semibold">
                {formatMoney(d.amount, d.currency, locale)} · {d.reason.replace('_', ' ')}
              </Text>
              <Caption1>
                {d.invoices.map((i) => i.number).join(', ')}
                {d.description ? ` — ${d.description}` : ''}
              </Caption1>
            </div>
            {canResolve && (
              <Button size="small" onClick={() => onResolve(d)} aria-label={`Resolve dispute on ${d.invoices.map((i) => i.number).join(', ')}`}>
                Resolve
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Open promises to pay. */
export function PromiseList({ promises, locale }: { promises: TPromise[]; locale: string }) {
  const styles = useStyles();
  if (promises.length === 0) return null;
  return (
    <section aria-labelledby="promises-title">
      <Subtitle2 block as="h3" id="promises-title">
        Promises to pay
      </Subtitle2>
      <ul className={styles.list}>
        {promises.map((p) => (
          <li key={p.id} className={styles.body}>
            <Text size={200}>
              {formatMoney(p.amount, p.currency, locale)} by {formatDate(p.promisedDate, locale)}
              {p.coveredAmount > 0 ? ` (${formatMoney(p.coveredAmount, p.currency, locale)} received)` : ''}
            </Text>
            {p.note && <Caption1>{p.note}</Caption1>}
          </li>
        ))}
      </ul>
    </section>
  );
}
