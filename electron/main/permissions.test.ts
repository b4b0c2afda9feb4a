import { describe, expect, it } from 'vitest';
import type { PermissionSession } from './permissions';
import { denyAllPermissions } from './permissions';

type RequestHandler = Parameters<PermissionSession['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<PermissionSession['setPermissionCheckHandler']>[0];
type DeviceHandler = Parameters<PermissionSession['setDevicePermissionHandler']>[0];

class FakeSession implements PermissionSession {
  request: RequestHandler | null = null;
  check: CheckHandler | null = null;
  device: DeviceHandler | null = null;
  setPermissionRequestHandler(handler: RequestHandler): void {
    this.request = handler;
  }
  setPermissionCheckHandler(handler: CheckHandler): void {
    this.check = handler;
  }
  setDevicePermissionHandler(handler: DeviceHandler): void {
    this.device = handler;
  }
}

const permissions = [
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'fullscreen',
  'openExternal',
  'hid',
  'serial',
  'usb',
  'fileSystem',
  'unknown',
];

describe('denyAllPermissions', () => {
  const session = new FakeSession();
  denyAllPermissions(session);

  it.each(permissions)('answers a request for %s with "denied"', (permission) => {
    const answers: boolean[] = [];
    session.request?.({}, permission, (granted) => answers.push(granted), {});
    expect(answers).toEqual([false]);
  });

  it.each(permissions)('answers a check for %s with "denied"', (permission) => {
    expect(session.check?.({}, permission, 'app://app', {})).toBe(false);
  });

  it('denies device access (HID, USB, serial)', () => {
    expect(session.device?.({ deviceType: 'usb', origin: 'app://app' })).toBe(false);
  });
});
