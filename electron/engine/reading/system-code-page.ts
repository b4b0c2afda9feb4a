import { ansiCodePageFor } from './code-pages';

// The locale of this computer where Electron cannot tell it (the command line, the browser host):
// the POSIX variables in their order of precedence, else what the JavaScript runtime was given.
const LOCALE_VARIABLES = ['LC_ALL', 'LC_CTYPE', 'LANG'] as const;
// "C" and "POSIX" name no language: they say nothing about the Excel of the person.
const NO_LANGUAGE = /^(?:C|POSIX)(?:\..*)?$/;

/** The locale of the environment, such as `cs_CZ.UTF-8` or `cs-CZ`. */
export function environmentLocale(env: Record<string, string | undefined>): string {
  for (const name of LOCALE_VARIABLES) {
    const value = env[name]?.trim();
    if (value !== undefined && value !== '' && !NO_LANGUAGE.test(value)) return value;
  }
  return Intl.DateTimeFormat().resolvedOptions().locale;
}

/**
 * The code page Excel writes on this computer (the ANSI code page of its locale), for the
 * encoding detector to fall back on where it is unsure (see `ansiCodePageFor`).
 */
export function environmentCodePage(env: Record<string, string | undefined>): string {
  return ansiCodePageFor(environmentLocale(env));
}
