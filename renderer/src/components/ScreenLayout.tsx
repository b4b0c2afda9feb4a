import type { ReactElement, ReactNode } from 'react';
import '../styles/screen-layout.css';

export interface ScreenLayoutProps {
  title: string;
  summary: string;
  /** Takes the window's whole width (wide tables), instead of a comfortable reading width. */
  wide?: boolean;
  children?: ReactNode;
}

/** The shared top of every screen: its heading and one plain-words line on what it is for. */
export function ScreenLayout({ title, summary, wide, children }: ScreenLayoutProps): ReactElement {
  return (
    <div className={wide ? 'screen screen--wide' : 'screen'}>
      <header className="screen__header">
        <h1 className="screen__title">{title}</h1>
        <p className="screen__summary">{summary}</p>
      </header>
      {children}
    </div>
  );
}
