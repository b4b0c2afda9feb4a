import { useState } from 'react';
import type { SettingsApi } from '../../api/useSettings';

export interface ProfileActions {
  /** What the last create / rename / switch / delete did, for the live region. */
  notice: { ok: boolean; message: string } | null;
  activate: (id: string) => void;
  /** Answer the refusal in words (the dialog shows it), or null when done. */
  create: (name: string) => Promise<string | null>;
  rename: (name: string) => Promise<string | null>;
  remove: () => void;
}

/** The profile switcher's actions on the active profile, with a plain-words notice of each. */
export function useProfileActions(settings: SettingsApi): ProfileActions {
  const [notice, setNotice] = useState<ProfileActions['notice']>(null);
  const view = settings.view;
  const active = view?.profiles.find((profile) => profile.id === view.activeProfileId);
  const nameOf = (id: string) => view?.profiles.find((profile) => profile.id === id)?.name ?? id;

  return {
    notice,
    activate(id) {
      setNotice(null);
      void settings
        .activate(id)
        .then((result) =>
          setNotice(
            result.ok
              ? { ok: true, message: `Now using the profile "${nameOf(id)}".` }
              : { ok: false, message: result.message },
          ),
        );
    },
    async create(name) {
      const created = await settings.create({ name });
      if (!created.ok) return created.message;
      // A new profile is for setting up: switch to it, so its form is the one showing.
      const activated = await settings.activate(created.profileId);
      setNotice(
        activated.ok
          ? { ok: true, message: `Created the profile "${name}" and switched to it.` }
          : { ok: false, message: activated.message },
      );
      return null;
    },
    async rename(name) {
      if (active === undefined) return 'There is no profile to rename.';
      const renamed = await settings.rename(active.id, name);
      if (!renamed.ok) return renamed.message;
      setNotice({ ok: true, message: `Renamed the profile to "${name}".` });
      return null;
    },
    remove() {
      if (active === undefined) return;
      const name = active.name;
      void settings.remove(active.id).then((result) => {
        if (!result.ok) setNotice({ ok: false, message: result.message });
        else if (result.keyProblem !== undefined)
          setNotice({ ok: false, message: result.keyProblem });
        else setNotice({ ok: true, message: `Deleted the profile "${name}" and its API key.` });
      });
    },
  };
}
