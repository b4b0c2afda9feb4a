import { rateLimitSchema } from '../../shared/settings';
import { describeZodError } from '../../shared/zod-issue';
import { pacedRate } from '../store/send-target';
import { CliError } from './cli-io';

/**
 * `--rate 200/60s` (requests per seconds) -> `{ requests, perMs }`, within the same limits a
 * profile's rate has (`rateLimitSchema`), so `send --rate` and `profile set --rate` agree.
 */
export function parseRate(text: string): { requests: number; perMs: number } {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*s\s*$/.exec(text);
  if (!match) {
    throw new CliError(
      `"${text}" is not a rate. Write requests per seconds, for example --rate 200/60s.`,
    );
  }
  const rate = rateLimitSchema.safeParse({
    requests: Number(match[1]),
    perSeconds: Number(match[2]),
  });
  if (!rate.success) {
    throw new CliError(
      `"${text}" is not a usable rate: ${describeZodError(rate.error, 'it is out of range.')}`,
    );
  }
  return pacedRate(rate.data);
}
