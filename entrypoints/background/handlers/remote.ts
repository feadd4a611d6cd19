import type { Remembered, RemoteCredentials, Request } from '../../../lib/messages';
import type { BackgroundContext } from '../context';

export const remoteCredentials = async (_: Request<'remote-credentials'>, { remote }: BackgroundContext): Promise<RemoteCredentials> => ({
  credentials: await remote.list(),
});

export const remoteCredentialSave = async ({ credential }: Request<'remote-credential-save'>, { remote }: BackgroundContext): Promise<RemoteCredentials> => ({
  credentials: await remote.save(credential),
});

export const remoteCredentialRemove = async ({ url }: Request<'remote-credential-remove'>, { remote }: BackgroundContext): Promise<RemoteCredentials> => ({
  credentials: await remote.remove(url),
});

export async function remoteAccessAnswer({ origin, granted }: Request<'remote-access-answer'>, { remote }: BackgroundContext): Promise<Remembered> {
  await remote.answer(origin, granted);
  return { refused: await remote.refused() };
}

export async function remoteAccessReset(_: Request<'remote-access-reset'>, { remote }: BackgroundContext): Promise<Remembered> {
  await remote.resetDenials();
  return { refused: await remote.refused() };
}
