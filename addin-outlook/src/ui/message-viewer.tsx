/**
 * "View message": a logged email in a dialog. Its HTML is sanitised here
 * (DOMPurify, loaded with this chunk only) and shown in an `<iframe sandbox="">`
 * with its own CSP, so nothing in it can run or phone home; remote images stay
 * blocked until the user asks for them.
 */
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { TMessageContent } from '@shared/schemas';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, type ApiClient } from '../api/client';
import { emailSrcdoc } from './email-srcdoc';
import { ErrorBar } from './error-bar';
import { formatWhen } from './format';
import { sanitizeEmailHtml } from './sanitize-email-html';
import { useClosingDialog } from './use-closing-dialog';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  frame: {
    width: '100%',
    height: 'min(60vh, 520px)',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxSizing: 'border-box',
  },
  text: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    maxHeight: 'min(60vh, 520px)',
    overflow: 'auto',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** The body: sanitised HTML in a sandboxed frame, or the text when there is no HTML. */
function MessageBody({ message }: { message: TMessageContent }) {
  const styles = useStyles();
  const [remoteImages, setRemoteImages] = useState(false);
  const clean = useMemo(() => (message.bodyHtml ? sanitizeEmailHtml(message.bodyHtml, { remoteImages }) : null), [message.bodyHtml, remoteImages]);
  if (!clean) return <pre className={styles.text}>{message.bodyText || '(no text)'}</pre>;
  return (
    <>
      {!remoteImages && clean.blockedImages > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            {clean.blockedImages === 1 ? 'A remote image was' : `${clean.blockedImages} remote images were`} blocked to protect your privacy.
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => setRemoteImages(true)}>
              Show remote images
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {/* sandbox="" : no scripts, no same origin, no forms, no popups, no top navigation. */}
      <iframe className={styles.frame} title="Message content" sandbox="" referrerPolicy="no-referrer" srcDoc={emailSrcdoc(clean.html, { remoteImages })} />
    </>
  );
}

/** Fetches the message's content and shows it; closing unmounts it. */
export function MessageViewer({ api, messageId, title, locale, onClose }: { api: ApiClient; messageId: string; title: string; locale: string; onClose: () => void }) {
  const styles = useStyles();
  const dialog = useClosingDialog(onClose);
  const [message, setMessage] = useState<TMessageContent | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setError(null);
    api.messageContent(messageId).then(
      (m) => live && setMessage(m),
      (e) => live && setError(e instanceof ApiError ? e : new ApiError('network', String(e))),
    );
    return () => {
      live = false;
    };
  }, [api, messageId, attempt]);
  const from = message ? (message.fromName && message.fromName !== message.from ? `${message.fromName} <${message.from}>` : message.from) : '';
  return (
    <Dialog open={dialog.open} onOpenChange={(_, d) => !d.open && dialog.close()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{message?.subject || title}</DialogTitle>
          <DialogContent className={styles.content}>
            {message && (
              <Caption1 className={styles.meta} data-testid="message-from">
                From {from}
                {message.sentAt ? ` · ${formatWhen(message.sentAt, locale)}` : ''}
              </Caption1>
            )}
            {!message && !error && <Spinner size="small" label="Opening the message…" />}
            {error && <ErrorBar error={error} onRetry={() => setAttempt((n) => n + 1)} />}
            {message && <MessageBody message={message} />}
          </DialogContent>
          <DialogActions>
            <Button onClick={dialog.close}>Close</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
