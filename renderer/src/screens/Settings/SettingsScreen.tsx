import type { ReactElement } from 'react';
import { ScreenLayout } from '../../components/ScreenLayout';

export function SettingsScreen(): ReactElement {
  return (
    <ScreenLayout
      title="Settings"
      summary="Your connection to Customerscore: the tracker key, the API key (kept in your computer's keychain, never shown again), the server address and how fast to send."
    />
  );
}
