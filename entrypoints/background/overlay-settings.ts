import { storage } from 'wxt/utils/storage';
import type { OverlaySettings } from '../../lib/messages';

/** Each repository's overlay settings in storage.local (`overlay-settings:<owner>/<name>`). */
export const overlaySettings = {
  get: (repo: string) => storage.getItem<OverlaySettings>(`local:overlay-settings:${repo}`),
  set: (repo: string, settings: OverlaySettings) => storage.setItem(`local:overlay-settings:${repo}`, settings),
};

export type OverlaySettingsStore = typeof overlaySettings;
