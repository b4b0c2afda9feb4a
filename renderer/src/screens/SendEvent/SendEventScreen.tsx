import type { ReactElement } from 'react';
import { ScreenLayout } from '../../components/ScreenLayout';

export function SendEventScreen(): ReactElement {
  return (
    <ScreenLayout
      title="Send event"
      summary="Build a single event by hand, send it to Customerscore and read the server's exact answer. Useful for checking that a customer's setup works."
    />
  );
}
