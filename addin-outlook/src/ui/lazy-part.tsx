/** Where a lazily loaded part renders: a fallback while its code downloads, a message if it cannot. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, Suspense, type ReactNode } from 'react';

interface BoundaryProps {
  children: ReactNode;
  onDismiss?: () => void;
}

/** Catches a chunk that failed to download (offline, a deploy replaced it) instead of blanking the pane. */
class LoadBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>Payside could not load this</MessageBarTitle>
          Check the connection, then reopen the pane.
        </MessageBarBody>
        {this.props.onDismiss && (
          <MessageBarActions>
            <Button size="small" onClick={this.props.onDismiss}>
              Dismiss
            </Button>
          </MessageBarActions>
        )}
      </MessageBar>
    );
  }
}

/** Suspense (showing `fallback`, nothing by default) inside an error boundary; `onDismiss` closes a failed part. */
export function LazyPart({ children, fallback = null, onDismiss }: { children: ReactNode; fallback?: ReactNode; onDismiss?: () => void }) {
  return (
    <LoadBoundary onDismiss={onDismiss}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </LoadBoundary>
  );
}
