import { pollDeviceFlow, startDeviceFlow } from '../../lib/github/auth/device-flow';
import { endpointsOf } from '../../lib/github/host';
import type { DeviceCodeView } from '../../lib/messages';
import type { BackgroundDeps, DeviceSignIn } from './context';
import { knownOrigin, signIn } from './sign-in';

/** The device flow in the background; a new start abandons the one before. */
export function deviceSignIn(deps: BackgroundDeps): DeviceSignIn {
  let current: { abort: AbortController; done: Promise<void> } | undefined;
  return {
    async start(origin: string, clientId: string): Promise<DeviceCodeView> {
      current?.abort.abort(new Error('A newer sign-in replaced this one'));
      current = undefined;
      const id = clientId.trim();
      if (!id || /\s/.test(id)) throw new Error('A client id is one word without spaces');
      const endpoints = endpointsOf(await knownOrigin(deps, origin));
      await deps.settings.setClientId(origin, id);
      const code = await startDeviceFlow(deps, endpoints, id);
      const abort = new AbortController();
      const done = pollDeviceFlow(deps, endpoints, id, code, abort.signal).then((tokens) => signIn(deps, origin, tokens, id));
      done.catch(() => {}); // Reported to whoever waits; nobody may.
      current = { abort, done };
      return { userCode: code.userCode, verificationUri: code.verificationUri, expiresAt: code.expiresAt };
    },
    async wait(): Promise<void> {
      if (!current) throw new Error('No device sign-in is under way');
      await current.done;
    },
  };
}
