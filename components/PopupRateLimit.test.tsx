// @vitest-environment happy-dom
import { render, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PopupRateLimit } from './PopupRateLimit';

describe('PopupRateLimit', () => {
  it('says what is left of both buckets', async () => {
    const reset = 1_800_000_000;
    const { container } = render(
      <PopupRateLimit load={async () => ({ ok: true, core: { remaining: 4990, limit: 5000, reset }, graphql: { remaining: 4321, limit: 5000, reset } })} />,
    );
    await waitFor(() => expect(container.querySelector('[data-rate-limit]')).not.toBeNull());
    expect(container.textContent).toContain('GraphQL 4,321 of 5,000');
    expect(container.textContent).toContain('REST 4,990 of 5,000');
  });

  it('says why when it cannot be read', async () => {
    const { container } = render(<PopupRateLimit load={async () => ({ ok: false, message: 'Sign in to GitHub first.' })} />);
    await waitFor(() => expect(container.textContent).toBe('Rate limit unknown: Sign in to GitHub first.'));
  });
});
