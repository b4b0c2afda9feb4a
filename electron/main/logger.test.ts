import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, logFilePath } from './logger';

const KEY = 'csk_live_7f3a9d2e41b04c8a';
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'logger-'));
  dirs.push(dir);
  return dir;
}

function readAll(dir: string): string {
  const logs = path.join(dir, 'logs');
  return fs
    .readdirSync(logs)
    .map((name) => fs.readFileSync(path.join(logs, name), 'utf8'))
    .join('');
}

describe('createLogger', () => {
  it('writes time, level and message lines to logs/main.log in the data directory', () => {
    const dir = dataDir();
    const logger = createLogger({
      filePath: logFilePath(dir),
      now: () => new Date('2025-03-01T10:00:00.000Z'),
    });
    logger.info('App started');
    logger.warn('Slow disk');
    expect(fs.readFileSync(path.join(dir, 'logs', 'main.log'), 'utf8')).toBe(
      '2025-03-01T10:00:00.000Z INFO App started\n2025-03-01T10:00:00.000Z WARN Slow disk\n',
    );
  });

  it('appends to the log of an earlier run', () => {
    const dir = dataDir();
    createLogger({ filePath: logFilePath(dir) }).info('first run');
    createLogger({ filePath: logFilePath(dir) }).info('second run');
    const text = readAll(dir);
    expect(text).toContain('first run');
    expect(text).toContain('second run');
  });

  it('keeps an error and its stack as one indented entry', () => {
    const dir = dataDir();
    const logger = createLogger({ filePath: logFilePath(dir) });
    logger.error('Upload failed', new Error('socket hang up'));
    const text = readAll(dir);
    expect(text).toMatch(/ERROR Upload failed\n {4}Error: socket hang up\n {4}\s+at /);
  });

  it('never writes a registered API key, in messages, errors or headers', () => {
    const dir = dataDir();
    const logger = createLogger({ filePath: logFilePath(dir) });
    logger.registerSecret(KEY);
    logger.info(`Saved key ${KEY}`);
    logger.warn('Request', { headers: { 'customerscore-key': KEY } });
    logger.error('Failed', new Error(`401 with key ${KEY}`));
    logger.info(`curl -H 'customerscore-key: ${KEY}' https://api.customerscore.io`);
    const text = readAll(dir);
    expect(text).not.toContain(KEY);
    expect(text).toContain('[redacted]');
  });

  it('masks a key after the header name even before it was registered', () => {
    const dir = dataDir();
    const logger = createLogger({ filePath: logFilePath(dir) });
    logger.info('customerscore-key: not-registered-yet-999');
    expect(readAll(dir)).not.toContain('not-registered-yet-999');
  });

  it('rotates once the file is full, keeping one previous file', () => {
    const dir = dataDir();
    const logger = createLogger({ filePath: logFilePath(dir), maxBytes: 200 });
    for (let i = 0; i < 20; i += 1) logger.info(`entry number ${i} ${'x'.repeat(20)}`);
    const names = fs.readdirSync(path.join(dir, 'logs')).sort();
    expect(names).toEqual(['main.1.log', 'main.log']);
    for (const name of names) {
      expect(fs.statSync(path.join(dir, 'logs', name)).size).toBeLessThanOrEqual(200);
    }
    expect(fs.readFileSync(path.join(dir, 'logs', 'main.log'), 'utf8')).toContain(
      'entry number 19',
    );
  });

  it('does not throw when the log cannot be written', () => {
    const dir = dataDir();
    fs.writeFileSync(path.join(dir, 'logs'), 'a file where the folder should be');
    const logger = createLogger({ filePath: logFilePath(dir) });
    expect(() => logger.error('still running')).not.toThrow();
  });
});
