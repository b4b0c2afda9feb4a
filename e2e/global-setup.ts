import { electronBinary } from './electron/electron-app';

/** Says once, in the run's own output, why the Electron end-to-end tests are skipped. */
export default function globalSetup(): void {
  if (electronBinary === null) {
    console.log('Electron end-to-end tests (e2e/electron): skipped: no Electron binary');
  }
}
