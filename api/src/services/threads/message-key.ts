/**
 * The idempotency key of a logged message: its RFC 5322 Message-ID without the
 * angle brackets (the same mail has the same id in every mailbox), else the
 * provider's own message id.
 */
export function messageKeyOf(
  provider: 'outlook' | 'gmail',
  message: { internetMessageId?: string | null; providerMessageId?: string | null },
): string {
  const mid = message.internetMessageId?.trim().replace(/^<+|>+$/g, '').trim();
  if (mid) return `mid:${mid}`;
  return `${provider}:${message.providerMessageId?.trim() ?? ''}`;
}
