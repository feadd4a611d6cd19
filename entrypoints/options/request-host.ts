import { enterpriseOriginOf } from '../../lib/github/host';
import { originPattern } from '../../lib/remote';
import type { TokenStatus } from '../../lib/messages';

export interface PermissionRequest {
  request(permissions: { origins: string[]; permissions: 'scripting'[] }): Promise<boolean>;
}

/**
 * Options' "Add host": the browser's prompt for the origin and `scripting` first — `permissions.request`
 * needs the click's user gesture, so nothing is awaited before it — then the background registers
 * the content script there.
 */
export async function requestHost(permissions: PermissionRequest, addHost: (origin: string) => Promise<TokenStatus>, input: string): Promise<TokenStatus> {
  const origin = enterpriseOriginOf(input);
  const granted = await permissions.request({ origins: [originPattern(origin)], permissions: ['scripting'] });
  if (!granted) throw new Error(`Commit Lab was not given access to ${new URL(origin).host}`);
  return addHost(origin);
}
