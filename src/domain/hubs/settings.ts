import { invalid } from '../errors.js';
import { requireLocales } from '../fields.js';
import type { HubSettings } from '../model.js';

/** What a new hub starts with; the devices are those of the vendor's example hub. */
export function defaultHubSettings(): HubSettings {
  return {
    virtualStagingEnvironment: { hostname: '' },
    previewVirtualStagingEnvironment: { hostname: '' },
    applications: [],
    devices: [
      { name: 'Desktop', width: 1024, height: 768, orientate: false },
      { name: 'Tablet', width: 640, height: 768, orientate: false },
      { name: 'Mobile', width: 320, height: 512, orientate: false },
    ],
    localization: { locales: [] },
  };
}

/** The settings sections a hub keeps; anything else in a request is ignored. */
export const SETTINGS_SECTIONS = [
  'virtualStagingEnvironment',
  'previewVirtualStagingEnvironment',
  'applications',
  'devices',
  'localization',
  'contentItems',
  'publishing',
] as const;

/**
 * Merges a settings PATCH: each named section replaces the stored one whole (003 PATCH guidance),
 * after the rules that JSON Schema cannot express (locales well-formed and unique).
 */
export function mergeSettings(current: HubSettings, patch: Record<string, unknown>): HubSettings {
  const next: HubSettings = { ...current };
  for (const section of SETTINGS_SECTIONS) {
    if (patch[section] === undefined) continue;
    next[section] = patch[section];
  }
  const localization = next.localization as { locales?: unknown } | undefined;
  if (localization?.locales !== undefined) requireLocales('Hub', 'settings.localization.locales', localization.locales);
  const devices = next.devices as { name: string }[] | undefined;
  const names = new Set<string>();
  for (const device of devices ?? []) {
    if (names.has(device.name)) {
      throw invalid({ entity: 'Hub', property: 'settings.devices', invalidValue: device.name, message: `device name ${device.name} is used twice` });
    }
    names.add(device.name);
  }
  return next;
}
