// `npm run build:cli`: the command line as the npm package @customerscore/importer-cli, in
// dist/cli/ (scripts/cli-package.ts). `npm run build:cli -- --pack` also writes its tarball to
// dist/, as `npm pack` would, for `npm install -g <tarball>`.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCliPackage, packCliPackage, projectRoot } from './cli-package';

const { values: flags } = parseArgs({ options: { pack: { type: 'boolean' } } });
const built = await buildCliPackage();
const where = path.relative(projectRoot, built.dir);
console.log(
  `@customerscore/importer-cli ${built.version} built in ${where}/ ` +
    `(${(built.bundleBytes / 1024 / 1024).toFixed(1)} MB of JavaScript).`,
);
if (flags.pack) {
  const tarball = packCliPackage(built.dir, path.dirname(built.dir));
  console.log(
    `Packed: ${path.relative(projectRoot, tarball)} (npm install -g ${path.relative(process.cwd(), tarball)})`,
  );
} else {
  console.log(`Pack it with: npm pack ./${where}`);
}
