import type { JobProgress } from '../../shared/job-progress';
import { count, duration } from '../../shared/wording';
import { line, type CliIo } from './cli-io';

const BAR_WIDTH = 24;

/** One line of progress: share of the file, counts, rate, time left and the state in words. */
export function progressLine(p: JobProgress, withBar: boolean): string {
  const share = p.fileSize > 0 ? Math.min(1, p.bytesRead / p.fileSize) : 0;
  const percent = `${Math.floor(share * 100)}%`.padStart(4);
  const filled = Math.round(share * BAR_WIDTH);
  const bar = withBar ? `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ` : '';
  const parts = [
    `${bar}${percent}`,
    `${count(p.eventsSent)} sent`,
    `${count(p.rejectedRows)} not sent`,
    `${count(p.eventsPerSecond)} events/s`,
  ];
  if (p.etaSeconds !== null) parts.push(`${duration(p.etaSeconds)} left`);
  parts.push(p.message);
  return parts.join(' · ');
}

/**
 * Draws a job's progress on the terminal: a redrawn bar on a TTY, plain periodic lines otherwise
 * (logs, CI), plus a line whenever the state changes (e.g. waiting for the rate limit).
 */
export function createProgressView(io: CliIo, read: () => JobProgress): { stop(): void } {
  const tty = io.stdout.isTTY === true;
  const interval = tty ? 250 : Number(io.env['CUSTOMERSCORE_PROGRESS_MS'] ?? 5000);
  let lastPhase = '';
  let lastWidth = 0;
  const draw = () => {
    const p = read();
    const text = progressLine(p, tty);
    if (tty) {
      const width = Math.max(20, (io.stdout.columns ?? 100) - 1);
      const shown = text.length > width ? `${text.slice(0, width - 1)}…` : text;
      io.stdout.write(`\r${shown.padEnd(lastWidth)}`);
      lastWidth = shown.length;
    } else if (p.phase !== lastPhase) {
      line(io.stdout, text);
    }
    lastPhase = p.phase;
  };
  const timer = setInterval(
    tty ? draw : () => line(io.stdout, progressLine(read(), false)),
    interval,
  );
  const phaseWatch = tty ? null : setInterval(draw, 250);
  return {
    stop() {
      clearInterval(timer);
      if (phaseWatch) clearInterval(phaseWatch);
      if (tty && lastWidth > 0) io.stdout.write(`\r${' '.repeat(lastWidth)}\r`);
    },
  };
}
