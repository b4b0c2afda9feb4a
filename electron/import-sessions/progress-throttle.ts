/**
 * Passes values on at most once per `intervalMs`, always the latest; `flush` sends a held value at
 * once (a phase change, the end). Keeps the page from being flooded by a job that reports after
 * every request while still showing each state change without delay.
 */
export class Throttle<T> {
  private last = -Infinity;
  private held: T | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: (value: T) => void,
    private readonly intervalMs = 100,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(value: T, urgent = false): void {
    this.held = value;
    const due = this.last + this.intervalMs - this.now();
    if (urgent || due <= 0) {
      this.flush();
      return;
    }
    this.timer ??= setTimeout(() => this.flush(), due);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.held === null) return;
    const value = this.held;
    this.held = null;
    this.last = this.now();
    this.send(value);
  }
}
