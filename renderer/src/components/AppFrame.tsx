import type { ReactElement, ReactNode } from 'react';
import type { ScreenId } from '../navigation/screens';
import { BrandMark } from './icons';
import { NavBar } from './NavBar';
import '../styles/app-frame.css';

export interface AppFrameProps {
  current: ScreenId;
  onSelect: (screen: ScreenId) => void;
  children: ReactNode;
}

export function AppFrame({ current, onSelect, children }: AppFrameProps): ReactElement {
  return (
    <div className="app-frame">
      <div className="app-frame__sidebar">
        <header className="brand">
          <BrandMark />
          <span className="brand__text">
            <span className="brand__name">Customerscore</span>{' '}
            <span className="brand__product">Importer</span>
          </span>
        </header>
        <NavBar current={current} onSelect={onSelect} />
      </div>
      <main className="app-frame__content">{children}</main>
    </div>
  );
}
