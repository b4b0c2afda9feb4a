import { parse, stringify } from 'yaml';

// The update feed (latest.yml, latest-mac.yml, latest-linux.yml, latest-linux-arm64.yml) that the
// installed apps read through electron-updater. electron-builder writes one per build, but each
// architecture is built on its own runner, and macOS arm64 and x64 both write latest-mac.yml,
// Windows x64 and arm64 both latest.yml: published as they are, one would overwrite the other
// and that architecture would be offered the other's installer. This merges the files of one
// name into one that lists every architecture's installer; electron-updater picks its own by
// the architecture in the file name (`…-mac-arm64.zip`, `…-win-x64.exe`).

/** One installer in a feed: its file name in the release, sha512 (base64) and size in bytes. */
export interface FeedFile {
  url: string;
  sha512: string;
  size?: number;
  [field: string]: unknown;
}

/** A latest*.yml as electron-builder writes it (fields it may add are kept). */
export interface UpdateFeed {
  version: string;
  files: FeedFile[];
  /** The older single-file form, still read by old updaters. */
  path?: string;
  sha512?: string;
  releaseDate?: string;
  [field: string]: unknown;
}

export function parseFeed(text: string, source: string): UpdateFeed {
  const feed = parse(text) as Partial<UpdateFeed> | null;
  if (
    feed === null ||
    typeof feed.version !== 'string' ||
    !Array.isArray(feed.files) ||
    feed.files.length === 0
  ) {
    throw new Error(`${source} is not an update feed: it needs a version and a list of files.`);
  }
  return feed as UpdateFeed;
}

/**
 * One feed listing every installer of the given ones (same name, one per architecture). They must
 * all be of one version; the x64 build stays first, so the older single-file fields point at it.
 */
export function mergeFeeds(feeds: readonly UpdateFeed[], name: string): UpdateFeed {
  const [first] = feeds;
  if (first === undefined) throw new Error(`There is no ${name} to merge.`);
  const versions = [...new Set(feeds.map((feed) => feed.version))];
  if (versions.length > 1) {
    throw new Error(`The ${name} files are of different versions (${versions.join(', ')}).`);
  }
  const ordered = [...feeds].sort((a, b) => {
    const x64First = Number(!isX64(a)) - Number(!isX64(b));
    return x64First !== 0 ? x64First : (a.path ?? '').localeCompare(b.path ?? '');
  });
  const files: FeedFile[] = [];
  for (const feed of ordered) {
    for (const file of feed.files) {
      const same = files.find((known) => known.url === file.url);
      if (same && same.sha512 !== file.sha512) {
        throw new Error(`${file.url} is listed twice in the ${name} files, with different sha512.`);
      }
      if (!same) files.push(file);
    }
  }
  const releaseDates = feeds.map((feed) => feed.releaseDate ?? '').sort();
  return {
    ...ordered[0],
    version: first.version,
    files,
    ...(releaseDates.at(-1) ? { releaseDate: releaseDates.at(-1) } : {}),
  };
}

function isX64(feed: UpdateFeed): boolean {
  return feed.files.some((file) => /x64/.test(file.url));
}

export function stringifyFeed(feed: UpdateFeed): string {
  return stringify(feed, { lineWidth: 0 });
}
