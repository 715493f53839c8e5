/**
 * Parts of the pane that first paint does not need, loaded on first use so the
 * initial JavaScript stays small: the action dialogs, the move dialog, the
 * message viewer (with DOMPurify), the add-contact form, compose mode and first-run sign-in.
 * Render them inside `<LazyPart>` (Suspense + a boundary for a failed download).
 */
import { lazy, type ComponentType } from 'react';

/** A failed chunk download is retried once (a flaky network), then surfaces to the boundary. */
const retryOnce = <T>(load: () => Promise<T>) => () => load().catch(() => load());

const loaders = {
  actionDialogs: retryOnce(() => import('./action-dialogs')),
  disputeDialogs: retryOnce(() => import('./dispute-dialogs')),
  moveThreadDialog: retryOnce(() => import('./move-thread-dialog')),
  messageViewer: retryOnce(() => import('./message-viewer')),
  addContactForm: retryOnce(() => import('./add-contact-form')),
  composeView: retryOnce(() => import('./compose-view')),
  signIn: retryOnce(() => import('./sign-in')),
};

/** A named export of a lazily loaded module, as a component with the same props. */
const lazyNamed = <M, K extends keyof M>(load: () => Promise<M>, name: K) =>
  lazy(async () => ({ default: (await load())[name] as ComponentType<any> })) as unknown as M[K];

export const PromiseDialog = lazyNamed(loaders.actionDialogs, 'PromiseDialog');
export const HoldDialog = lazyNamed(loaders.actionDialogs, 'HoldDialog');
export const NoteDialog = lazyNamed(loaders.actionDialogs, 'NoteDialog');
export const OpenDisputeDialog = lazyNamed(loaders.disputeDialogs, 'OpenDisputeDialog');
export const ResolveDisputeDialog = lazyNamed(loaders.disputeDialogs, 'ResolveDisputeDialog');
export const MoveThreadDialog = lazyNamed(loaders.moveThreadDialog, 'MoveThreadDialog');
export const MessageViewer = lazyNamed(loaders.messageViewer, 'MessageViewer');
export const AddContactForm = lazyNamed(loaders.addContactForm, 'AddContactForm');
export const ComposeView = lazyNamed(loaders.composeView, 'ComposeView');
export const SignIn = lazyNamed(loaders.signIn, 'SignIn');

/** Fetches the panel's dialogs and the viewer once the browser is idle, so a first click opens them at once. */
export function prefetchPanelParts(): void {
  const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 1500));
  idle(() => {
    for (const load of [loaders.actionDialogs, loaders.disputeDialogs, loaders.moveThreadDialog, loaders.messageViewer]) load().catch(() => {});
  });
}
