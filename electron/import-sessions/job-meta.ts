import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../store/atomic-write';

/**
 * What the app knows about a job beyond its journal: the profile it sent with (for History and for
 * a resume's API key), when it ended, and whether the person declined to resume it. Kept in
 * `jobs/<id>/app.json`; the journal itself stays the engine's.
 */
export const jobMetaSchema = z.object({
  profileId: z.string().nullable(),
  profileName: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  dismissed: z.boolean(),
});
export type JobMeta = z.infer<typeof jobMetaSchema>;

const FILE_NAME = 'app.json';

export function jobDir(dataDir: string, jobId: string): string {
  return path.join(dataDir, 'jobs', jobId);
}

export async function readJobMeta(dataDir: string, jobId: string): Promise<JobMeta | null> {
  try {
    const text = await readFile(path.join(jobDir(dataDir, jobId), FILE_NAME), 'utf8');
    const parsed = jobMetaSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Merges `patch` into the job's meta file (created when missing). */
export async function updateJobMeta(
  dataDir: string,
  jobId: string,
  patch: Partial<JobMeta>,
): Promise<void> {
  const current = (await readJobMeta(dataDir, jobId)) ?? {
    profileId: null,
    profileName: null,
    startedAt: new Date().toISOString(),
    endedAt: null,
    dismissed: false,
  };
  await writeFileAtomic(
    path.join(jobDir(dataDir, jobId), FILE_NAME),
    JSON.stringify({ ...current, ...patch }),
  );
}
