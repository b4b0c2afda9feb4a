// Entry point for `electron-builder --config electron-builder.config.ts`; the configuration itself
// is build/builder-config.ts. Signing and notarization follow the environment (see
// README.md); this prints what was turned on or skipped.
import { createBuilderConfig } from './build/builder-config';

const { config, notes } = createBuilderConfig(process.env);
for (const note of notes) console.log(`  • ${note}`);

export default config;
