import { useCallback, useEffect, useState } from 'react';
import type { ProfileChange, SettingsView } from '../../../shared/ipc-settings';
import type { NewProfile, ProfilePatch } from '../../../shared/settings';
import { callApi } from './call-api';
import { errorMessage } from './error-message';

/** How a profile change ended, for the screen to show. */
export type ChangeResult =
  { ok: true; profileId: string; keyProblem?: string } | { ok: false; message: string };

export interface SettingsApi {
  /** The profiles and the active one; `null` until loaded. */
  view: SettingsView | null;
  /** Why the settings could not be loaded at all. */
  loadError: string | null;
  /** A damaged settings file that was put aside at start, until dismissed. */
  problem: string | null;
  dismissProblem: () => void;
  create: (input: NewProfile) => Promise<ChangeResult>;
  update: (id: string, patch: ProfilePatch) => Promise<ChangeResult>;
  rename: (id: string, name: string) => Promise<ChangeResult>;
  remove: (id: string) => Promise<ChangeResult>;
  activate: (id: string) => Promise<ChangeResult>;
}

/** The profiles over `window.api`: loads them once, and keeps the latest settings after each change. */
export function useSettings(): SettingsApi {
  const [view, setView] = useState<SettingsView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    callApi((api) => api.settings.load()).then(
      (loaded) => {
        if (!live) return;
        setView(loaded);
        setProblem(loaded.problem ?? null);
      },
      (error: unknown) => {
        if (live) setLoadError(errorMessage(error));
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const apply = useCallback(async (run: () => Promise<ProfileChange>): Promise<ChangeResult> => {
    try {
      const change = await run();
      setView(change.settings);
      return change.keyProblem === undefined
        ? { ok: true, profileId: change.profileId }
        : { ok: true, profileId: change.profileId, keyProblem: change.keyProblem };
    } catch (error) {
      return { ok: false, message: errorMessage(error) };
    }
  }, []);

  const create = useCallback(
    (input: NewProfile) => apply(() => callApi((api) => api.profiles.create(input))),
    [apply],
  );
  const update = useCallback(
    (id: string, patch: ProfilePatch) =>
      apply(() => callApi((api) => api.profiles.update({ id, patch }))),
    [apply],
  );
  const rename = useCallback(
    (id: string, name: string) => apply(() => callApi((api) => api.profiles.rename({ id, name }))),
    [apply],
  );
  const remove = useCallback(
    (id: string) => apply(() => callApi((api) => api.profiles.delete({ id }))),
    [apply],
  );
  const activate = useCallback(
    (id: string) => apply(() => callApi((api) => api.profiles.activate({ id }))),
    [apply],
  );
  const dismissProblem = useCallback(() => setProblem(null), []);

  return { view, loadError, problem, dismissProblem, create, update, rename, remove, activate };
}
