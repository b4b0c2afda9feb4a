import {
  createTimestampParser,
  formatTimestamp,
  isValidTimeZone,
  resolveTimestampFormat,
} from '../../../../shared/timestamps';

/** How one sample value will be read: in the chosen zone and in UTC, or why it cannot be. */
export interface Reading {
  value: string;
  local: string | null;
  utc: string | null;
  problem: string | null;
}

export interface TimestampPreview {
  /** How the format was decided, in words ("Each value is read as …"). */
  description: string | null;
  problem: string | null;
  /** For a day/month question: the two patterns to choose from. */
  candidates: readonly [dayFirst: string, monthFirst: string] | null;
  readings: Reading[];
}

const LOCAL_PATTERN = 'yyyy-MM-dd HH:mm:ss';

/**
 * What the timestamp control shows: the format decided from the first rows (as the import will
 * decide it, unless the whole file says otherwise) and the first values read with it.
 */
export function previewTimestamps(
  format: string,
  zone: string,
  values: readonly string[],
  shown: readonly string[],
  now: number,
): TimestampPreview {
  if (!isValidTimeZone(zone.trim())) {
    return {
      description: null,
      problem: `"${zone}" is not a time zone this computer knows: use a name such as Europe/Berlin or America/New_York.`,
      candidates: null,
      readings: [],
    };
  }
  const resolution = resolveTimestampFormat(format.trim() === '' ? 'auto' : format, values);
  if (!resolution.ok) {
    return {
      description: null,
      problem: resolution.message,
      candidates: resolution.candidates ?? null,
      readings: [],
    };
  }
  const parse = createTimestampParser(resolution.format, { zone: zone.trim(), now });
  const readings = shown.map((value): Reading => {
    const result = parse(value);
    if (!result.ok) return { value, local: null, utc: null, problem: result.message };
    return {
      value,
      local: formatTimestamp(result.ms, LOCAL_PATTERN, zone.trim()),
      utc: new Date(result.ms).toISOString().replace('.000Z', 'Z'),
      problem: null,
    };
  });
  return { description: resolution.description, problem: null, candidates: null, readings };
}
