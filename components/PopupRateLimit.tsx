import { useEffect, useState } from 'preact/hooks';
import type { RateLimitReply } from '../lib/messages';

const time = (epochSeconds: number) => new Date(epochSeconds * 1000).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/** Popup: what is left of the account's GitHub rate limits (GraphQL reads the lists, REST the rest), asked once per opening. */
export function PopupRateLimit({ load }: { load(): Promise<RateLimitReply> }) {
  const [reply, setReply] = useState<RateLimitReply | undefined>();
  useEffect(() => {
    load().then(setReply, (error: unknown) => setReply({ ok: false, message: String(error) }));
  }, [load]);
  if (!reply) return null;
  if (!reply.ok) return <p class="muted">Rate limit unknown: {reply.message}</p>;
  return (
    <p class="muted" data-rate-limit>
      GitHub requests left: GraphQL {reply.graphql.remaining.toLocaleString('en-US')} of {reply.graphql.limit.toLocaleString('en-US')} (resets{' '}
      {time(reply.graphql.reset)}), REST {reply.core.remaining.toLocaleString('en-US')} of {reply.core.limit.toLocaleString('en-US')}.
    </p>
  );
}
