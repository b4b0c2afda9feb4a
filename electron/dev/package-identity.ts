import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const packageJsonPath = fileURLToPath(new URL('../../package.json', import.meta.url));

const packageJsonSchema = z.object({
  name: z.string().min(1),
  productName: z.string().min(1).optional(),
  version: z.string().min(1),
});

/**
 * The app's name and version as Electron reports them (`app.getName()` is package.json's
 * productName, falling back to name; `app.getVersion()` its version), for the host, which has no
 * `app` to ask.
 */
export async function readPackageIdentity(): Promise<{ name: string; version: string }> {
  const json = packageJsonSchema.parse(JSON.parse(await readFile(packageJsonPath, 'utf8')));
  return { name: json.productName ?? json.name, version: json.version };
}
