import path from 'node:path';
import { defineConfig, mergeConfig } from 'electron-vite';
import rendererConfig from './renderer/vite.config';

const root = import.meta.dirname;

// Main, preload and renderer are built by one command: `electron-vite build` writes out/main,
// out/preload and out/renderer. The renderer reuses renderer/vite.config.ts (React plugin, CSP meta
// tag, relative base) so the Electron build and the browser-test build are the same page.
export default defineConfig({
  main: {
    build: {
      outDir: path.join(root, 'out/main'),
      lib: { entry: path.join(root, 'electron/main/index.ts') },
    },
  },
  preload: {
    build: {
      outDir: path.join(root, 'out/preload'),
      // A sandboxed preload cannot require() anything but a few Electron modules: bundle everything
      // (zod and shared/ included) into one CommonJS file, index.cjs.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: path.join(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: mergeConfig(rendererConfig, {
    root: path.join(root, 'renderer'),
    build: {
      outDir: path.join(root, 'out/renderer'),
      rolldownOptions: { input: path.join(root, 'renderer/index.html') },
    },
  }),
});
