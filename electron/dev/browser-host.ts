import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleBridgeScript } from './bridge-bundle';
import { RendererNotBuiltError, startBrowserHost } from './start-browser-host';

// `npm run dev:browser [-- --port <n>] [--real-profile]`: the built UI in any browser, against the
// real handlers. Development only; the renderer build comes from `npm run build:renderer`. Without
// --real-profile it keeps its data in a temporary folder (or CUSTOMERSCORE_HOME) and API keys in
// memory, so trying things out never touches the installed app's profiles, journals or keychain.

const DEFAULT_PORT = 5174;
const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));

function portFrom(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535 (got "${value}").`);
  }
  return port;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, 'real-profile': { type: 'boolean' } },
  });
  const port = portFrom(values.port);
  // Bundled up front so a broken bridge shows here, not as a blank page.
  await bundleBridgeScript();
  const host = await startBrowserHost({
    rendererDir,
    port,
    realProfile: values['real-profile'] === true,
  });
  console.log(
    `Customerscore Importer browser host (data in ${host.dataDir}` +
      (host.temporaryDataDir ? ', removed when the host stops' : '') +
      (host.keychain === 'memory' ? '; API keys in memory only' : '; API keys in the OS keychain') +
      ')',
  );
  if (host.keychain === 'memory') {
    console.log("Pass --real-profile to use the app's own data folder and keychain instead.");
  }
  console.log(`Open: ${host.url}`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => {
    void host.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof RendererNotBuiltError) console.error(error.message);
  else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    console.error(
      'That port is in use. Pass another with --port <n>, or --port 0 for any free one.',
    );
  } else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
