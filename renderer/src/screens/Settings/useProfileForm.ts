import { useState } from 'react';
import type { Profile, ProfilePatch } from '../../../../shared/settings';
import type { ChangeResult } from '../../api/useSettings';
import { checkProfileForm, profileFormValues } from './profile-form';
import type { ProfileFormCheck, ProfileFormField, ProfileFormValues } from './profile-form';

export interface ProfileForm {
  values: ProfileFormValues;
  check: ProfileFormCheck;
  set: (field: ProfileFormField, value: string) => void;
  saving: boolean;
  /** "Saved." or why not, for the live region under the button; null before any save. */
  outcome: { ok: boolean; message: string } | null;
  canSave: boolean;
  save: () => Promise<void>;
}

/**
 * The profile form's state: the values as typed, their check, and saving. The caller mounts one
 * per profile (keyed by id), so switching profiles starts from that profile's values.
 */
export function useProfileForm(
  profile: Profile,
  update: (id: string, patch: ProfilePatch) => Promise<ChangeResult>,
): ProfileForm {
  const [values, setValues] = useState(() => profileFormValues(profile));
  // After a save the main process answers the profile as stored (trimmed, canonical URL): the
  // form follows it. A rename alone leaves what is being typed alone.
  const stored = connectionOf(profile);
  const [shown, setShown] = useState(stored);
  if (shown !== stored) {
    setShown(stored);
    setValues(profileFormValues(profile));
  }
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<ProfileForm['outcome']>(null);
  const check = checkProfileForm(profile, values);
  const canSave = !saving && check.patch !== null && check.changed;

  return {
    values,
    check,
    saving,
    outcome,
    canSave,
    set(field, value) {
      setValues((current) => ({ ...current, [field]: value }));
      setOutcome(null);
    },
    async save() {
      if (!canSave || check.patch === null) return;
      setSaving(true);
      const result = await update(profile.id, check.patch);
      setSaving(false);
      if (!result.ok) {
        setOutcome({ ok: false, message: result.message });
        return;
      }
      setOutcome({ ok: true, message: 'Saved.' });
    },
  };
}

function connectionOf(profile: Profile): string {
  return JSON.stringify([profile.trackerKey, profile.endpoint, profile.rateLimit]);
}
