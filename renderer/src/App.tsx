import type { ComponentType, ReactElement } from 'react';
import { AppFrame } from './components/AppFrame';
import type { ScreenId } from './navigation/screens';
import { useScreenNavigation } from './navigation/useScreenNavigation';
import { HistoryScreen } from './screens/History/HistoryScreen';
import { ImportScreen } from './screens/Import/ImportScreen';
import { SendEventScreen } from './screens/SendEvent/SendEventScreen';
import { SettingsScreen } from './screens/Settings/SettingsScreen';
import { useReadySignal } from './useReadySignal';

const screens: Record<ScreenId, ComponentType> = {
  send: SendEventScreen,
  import: ImportScreen,
  history: HistoryScreen,
  settings: SettingsScreen,
};

export function App(): ReactElement {
  const navigation = useScreenNavigation();
  useReadySignal('root');
  const Screen = screens[navigation.current];
  return (
    <AppFrame current={navigation.current} onSelect={navigation.select}>
      <Screen />
    </AppFrame>
  );
}
