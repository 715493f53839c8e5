/** Recent activity: logged emails, notes, disputes, promises, payments, holds; "Show more" pages back; "View message" opens a logged email. */
import { Button, Caption1, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TTimelineItem, TTimelinePage } from '@shared/schemas';
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import { formatWhen } from './format';
import { LazyPart } from './lazy-part';
import { MessageViewer } from './lazy-views';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', minWidth: 0, borderLeft: `2px solid ${tokens.colorNeutralStroke2}`, paddingLeft: tokens.spacingHorizontalS },
  view: { alignSelf: 'flex-start', minWidth: 0, paddingLeft: 0, paddingRight: 0 },
  detail: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere', whiteSpace: 'pre-line', display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' },
});

const kindNames = { email: 'Email', note: 'Note', dispute: 'Dispute', promise: 'Promise', payment: 'Payment', hold: 'Hold' } as const;

/**
 * The first page comes with the panel; later pages are fetched on demand. Subjects, senders and
 * snippets are text; an email's HTML is shown only by the viewer, sanitised in a sandboxed frame.
 */
export function TimelineList({ api, customerId, first, locale }: { api: ApiClient; customerId: string; first: TTimelinePage; locale: string }) {
  const styles = useStyles();
  const [items, setItems] = useState<TTimelineItem[]>(first.items);
  const [cursor, setCursor] = useState(first.nextCursor);
  const [viewing, setViewing] = useState<TTimelineItem | null>(null);
  const more = async () => {
    if (!cursor) return;
    const page = await api.timeline(customerId, cursor);
    setItems((old) => [...old, ...page.items]);
    setCursor(page.nextCursor);
  };
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="timeline-title">
      <Subtitle2 block as="h3" id="timeline-title">
        Recent activity
      </Subtitle2>
      <ul className={styles.list}>
        {items.map((i) => (
          <li key={`${i.kind}:${i.id}`} className={styles.item} data-kind={i.kind}>
            <Caption1>
              {kindNames[i.kind]} · {formatWhen(i.at, locale)}
              {i.actor ? ` · ${i.actor}` : ''}
            </Caption1>
            <Text size={200} weight="semibold">
              {i.title}
            </Text>
            {i.detail && (
              <Caption1 className={styles.detail} data-testid="timeline-detail">
                {i.detail}
              </Caption1>
            )}
            {i.kind === 'email' && (
              <Button className={styles.view} size="small" appearance="transparent" onClick={() => setViewing(i)} aria-label={`View message: ${i.title}`}>
                View message
              </Button>
            )}
          </li>
        ))}
      </ul>
      {cursor && (
        <Button size="small" appearance="subtle" onClick={() => void more()}>
          Show more
        </Button>
      )}
      {viewing && (
        <LazyPart key={viewing.id} onDismiss={() => setViewing(null)}>
          <MessageViewer api={api} messageId={viewing.id} title={viewing.title} locale={locale} onClose={() => setViewing(null)} />
        </LazyPart>
      )}
    </section>
  );
}
