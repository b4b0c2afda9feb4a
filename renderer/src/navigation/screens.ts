/** The app's top-level screens, in the order the navigation lists them. */
export const screenIds = ['send', 'import', 'history', 'settings'] as const;

export type ScreenId = (typeof screenIds)[number];

export const screenLabels: Record<ScreenId, string> = {
  send: 'Send event',
  import: 'Import',
  history: 'History',
  settings: 'Settings',
};

export const initialScreen: ScreenId = 'send';
