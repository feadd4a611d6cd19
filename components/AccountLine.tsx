import type { TokenStatus } from '../lib/messages';
import { TOKEN_KIND_WORDS } from '../lib/github/auth/token-kind';

const hostOf = (origin: string) => new URL(origin).host;

/** Who Commit Lab is signed in as, on which GitHub, with what kind of token; or why it is signed out. */
export function AccountLine({ status }: { status: TokenStatus }) {
  const { account, signedOut } = status;
  if (!account) {
    return (
      <p data-testid="account" role="status">
        Signed out{signedOut ? <span class="danger">: {signedOut.reason}</span> : null}
      </p>
    );
  }
  return (
    <p data-testid="account" class="row account">
      <img src={account.avatarUrl} alt="" width={40} height={40} />
      <span>
        Signed in as <strong>{account.login}</strong> on {hostOf(account.origin)}
        <br />
        <span class="muted">{TOKEN_KIND_WORDS[account.kind]}</span>
      </span>
    </p>
  );
}
