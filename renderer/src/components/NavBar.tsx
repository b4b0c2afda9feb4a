import type { ComponentType, ReactElement } from 'react';
import { screenIds, screenLabels } from '../navigation/screens';
import type { ScreenId } from '../navigation/screens';
import { HistoryIcon, ImportIcon, SendIcon, SettingsIcon } from './icons';
import '../styles/nav-bar.css';

const screenIcons: Record<ScreenId, ComponentType> = {
  send: SendIcon,
  import: ImportIcon,
  history: HistoryIcon,
  settings: SettingsIcon,
};

export interface NavBarProps {
  current: ScreenId;
  onSelect: (screen: ScreenId) => void;
}

export function NavBar({ current, onSelect }: NavBarProps): ReactElement {
  return (
    <nav aria-label="Main" className="nav-bar">
      <ul className="nav-bar__list">
        {screenIds.map((id) => {
          const ScreenIcon = screenIcons[id];
          return (
            <li key={id}>
              <button
                type="button"
                className="nav-bar__item"
                aria-current={id === current ? 'page' : undefined}
                onClick={() => onSelect(id)}
              >
                <ScreenIcon />
                <span>{screenLabels[id]}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
