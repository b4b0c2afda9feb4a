import { useCallback, useEffect, useState } from 'react';
import { initialScreen, screenLabels } from './screens';
import type { ScreenId } from './screens';

const productName = 'Customerscore Importer';

export interface ScreenNavigation {
  current: ScreenId;
  select: (screen: ScreenId) => void;
}

/** Which screen is showing; the window title follows it so the OS window list says where you are. */
export function useScreenNavigation(): ScreenNavigation {
  const [current, setCurrent] = useState<ScreenId>(initialScreen);

  useEffect(() => {
    document.title = `${screenLabels[current]} – ${productName}`;
  }, [current]);

  const select = useCallback((screen: ScreenId) => setCurrent(screen), []);
  return { current, select };
}
