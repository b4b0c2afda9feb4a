// Run by secrets-keyring.test.ts in a separate process whose environment has no (or a broken)
// session bus: tries to store a key the way the app does and prints what happened as JSON.
// Usage: node --import tsx secrets-keyring.child.ts <service> <probe: real|says-yes>
import { createSecretStore } from './secrets';
import { createOsKeyring } from './secrets-keyring';

const [service = 'Customerscore Importer child', probeMode = 'real'] = process.argv.slice(2);
const keyring = createOsKeyring({
  service,
  // "says-yes" skips the probe, to show that the library itself refuses rather than falling back.
  ...(probeMode === 'says-yes' ? { probe: async () => true } : {}),
});

try {
  const status = await createSecretStore(keyring).set('child-profile', 'child-key-12345678');
  console.log(JSON.stringify({ stored: true, status }));
} catch (error) {
  const { name, message, cause } = error instanceof Error ? error : new Error(String(error));
  const causeMessage = cause instanceof Error ? cause.message : undefined;
  console.log(JSON.stringify({ stored: false, name, message, cause: causeMessage }));
}
