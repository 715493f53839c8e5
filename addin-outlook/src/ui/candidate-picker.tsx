/** Several customers could be this email's: list them with the reasons and let the user pick. */
import { Button, Caption1, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TMatchCandidate } from '@shared/schemas';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyle: 'none' },
  // A card drawn with tokens rather than Fluent's Card, whose focus management this static list doesn't need (and ~6 KB gzip of first paint).
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    boxSizing: 'border-box',
    overflow: 'hidden',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  reasons: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
});

/** The candidate list; picking one shows that customer. */
export function CandidatePicker({ candidates, onPick }: { candidates: TMatchCandidate[]; onPick: (customerId: string) => void }) {
  const styles = useStyles();
  return (
    <section aria-labelledby="picker-title">
      <Subtitle2 block as="h2" id="picker-title">
        Which customer is this?
      </Subtitle2>
      <Text block as="p" size={200}>
        This email could belong to {candidates.length} customers.
      </Text>
      <ul className={styles.list}>
        {candidates.map((c) => (
          <li key={c.customer.id}>
            <div className={styles.card}>
              <Text weight="semibold">{c.customer.name}</Text>
              <ul className={styles.reasons}>
                {c.reasons.map((r) => (
                  <li key={r.text}>
                    <Caption1>{r.text}</Caption1>
                  </li>
                ))}
              </ul>
              <Button size="small" onClick={() => onPick(c.customer.id)} aria-label={`Show ${c.customer.name}`}>
                This one
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
