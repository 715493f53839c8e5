/** A failed call explained in words, with Retry: nothing the user typed is lost. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ApiError } from '../api/client';

const titles = { network: 'Payside is unreachable', timeout: 'Payside is slow to answer', http: 'Payside could not do that' } as const;

/** Shows what went wrong and offers to try again. */
export function ErrorBar({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const fields = error.problem?.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{titles[error.kind]}</MessageBarTitle>
        {error.message}
        {fields ? ` (${fields})` : ''}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            Retry
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
