import type { OverlaySettings, Request } from '../../../lib/messages';
import type { BackgroundContext } from '../context';

export function overlaySettingsGet({ repo }: Request<'overlay-settings-get'>, context: BackgroundContext): Promise<OverlaySettings | null> {
  return context.overlaySettings.get(repo);
}

export async function overlaySettingsSet({ repo, settings }: Request<'overlay-settings-set'>, context: BackgroundContext): Promise<null> {
  await context.overlaySettings.set(repo, settings);
  return null;
}
