import type { ReactElement, ReactNode } from 'react';
import '../styles/screen-layout.css';

export interface ScreenLayoutProps {
  title: string;
  summary: string;
  children?: ReactNode;
}

/** The shared top of every screen: its heading and one plain-words line on what it is for. */
export function ScreenLayout({ title, summary, children }: ScreenLayoutProps): ReactElement {
  return (
    <div className="screen">
      <header className="screen__header">
        <h1 className="screen__title">{title}</h1>
        <p className="screen__summary">{summary}</p>
      </header>
      {children}
    </div>
  );
}
