import { CliError } from './cli-io';

/** `--rate 200/60s` (requests per seconds) -> `{ requests, perMs }`. */
export function parseRate(text: string): { requests: number; perMs: number } {
  const match = /^\s*(\d+)\s*\/\s*(\d+(?:\.\d+)?)\s*s\s*$/.exec(text);
  const requests = match ? Number(match[1]) : NaN;
  const seconds = match ? Number(match[2]) : NaN;
  if (!match || requests < 1 || seconds <= 0 || requests > 100_000 || seconds > 86_400) {
    throw new CliError(
      `"${text}" is not a rate. Write requests per seconds, for example --rate 200/60s.`,
    );
  }
  return { requests, perMs: seconds * 1000 };
}
