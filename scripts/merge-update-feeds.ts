import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mergeFeeds, parseFeed, stringifyFeed } from './update-feed';
import type { UpdateFeed } from './update-feed';

// `node --import tsx scripts/merge-update-feeds.ts <folder>`: run by the release workflow on the
// downloaded installers. Each build keeps its latest*.yml in `<folder>/update-feed/<os>-<arch>/`
// (build.yml); this writes one `<folder>/latest*.yml` per name, listing every architecture, and
// removes `update-feed/`, so the release gets the installers, their blockmaps and the feed.

async function main(folder: string): Promise<void> {
  const feedsDir = path.join(folder, 'update-feed');
  const builds = await readdir(feedsDir);
  const byName = new Map<string, UpdateFeed[]>();
  for (const build of builds.sort()) {
    for (const name of await readdir(path.join(feedsDir, build))) {
      if (!/^latest.*\.yml$/.test(name)) continue;
      const file = path.join(feedsDir, build, name);
      const feed = parseFeed(await readFile(file, 'utf8'), file);
      byName.set(name, [...(byName.get(name) ?? []), feed]);
    }
  }
  if (byName.size === 0) throw new Error(`No latest*.yml in ${feedsDir}.`);
  for (const [name, feeds] of byName) {
    const merged = mergeFeeds(feeds, name);
    await writeFile(path.join(folder, name), stringifyFeed(merged));
    console.log(`${name}: ${merged.version}, ${merged.files.map((file) => file.url).join(', ')}`);
  }
  await rm(feedsDir, { recursive: true });
}

const folder = process.argv[2];
if (folder === undefined) {
  console.error('Usage: node --import tsx scripts/merge-update-feeds.ts <folder>');
  process.exit(2);
}
main(folder).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
