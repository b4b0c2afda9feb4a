import type { ReactElement, ReactNode } from 'react';

// Decorative line icons drawn inline: the CSP allows no remote images and these need no request.
function Icon({ children }: { children: ReactNode }): ReactElement {
  return (
    <svg
      className="icon"
      viewBox="0 0 20 20"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export function SendIcon(): ReactElement {
  return (
    <Icon>
      <path d="M17 3 9 11" />
      <path d="M17 3 12 17l-3-6-6-3 14-5Z" />
    </Icon>
  );
}

export function ImportIcon(): ReactElement {
  return (
    <Icon>
      <path d="M4 13v2.5A1.5 1.5 0 0 0 5.5 17h9a1.5 1.5 0 0 0 1.5-1.5V13" />
      <path d="M10 3v9.5" />
      <path d="m6.5 9 3.5 3.5L13.5 9" />
    </Icon>
  );
}

export function HistoryIcon(): ReactElement {
  return (
    <Icon>
      <path d="M3.5 10a6.5 6.5 0 1 0 1.9-4.6" />
      <path d="M3.5 3.5v3h3" />
      <path d="M10 6.5V10l2.5 1.5" />
    </Icon>
  );
}

export function SettingsIcon(): ReactElement {
  return (
    <Icon>
      <circle cx="10" cy="10" r="2.5" />
      <path d="M10 2.5v2M10 15.5v2M2.5 10h2M15.5 10h2M4.7 4.7l1.4 1.4M13.9 13.9l1.4 1.4M4.7 15.3l1.4-1.4M13.9 6.1l1.4-1.4" />
    </Icon>
  );
}

export function BrandMark(): ReactElement {
  return (
    <svg
      className="brand__mark"
      viewBox="0 0 32 32"
      width="28"
      height="28"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="32" height="32" rx="8" className="brand__mark-tile" />
      <path
        d="M8 21.5 13 15l4 3.5 7-9"
        fill="none"
        stroke="#fff"
        strokeWidth="2.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
