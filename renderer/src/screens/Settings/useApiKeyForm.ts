import { useState } from 'react';
import type { KeyStatus } from '../../../../shared/ipc-settings';
import { useApiKey } from '../../api/useApiKey';
import { apiKeyProblem } from './profile-form';

export interface ApiKeyForm {
  status: KeyStatus | null;
  /** Whether the key field shows: no key yet, or the user chose "Replace". */
  editing: boolean;
  /** Changes whenever the typed key must be wiped: the field is remounted empty. */
  fieldVersion: number;
  error: string | undefined;
  canSave: boolean;
  busy: boolean;
  /** What the last action did, for the live region; null before any. */
  outcome: { ok: boolean; message: string } | null;
  type: (key: string) => void;
  startReplacing: () => void;
  cancelReplacing: () => void;
  save: () => Promise<void>;
  remove: () => Promise<void>;
}

/**
 * The API key part of Settings for one profile. The typed key lives only here, until it is sent;
 * then it is dropped and the field emptied: the page never holds it again.
 */
export function useApiKeyForm(profileId: string): ApiKeyForm {
  const key = useApiKey(profileId);
  const [typed, setTyped] = useState('');
  const [touched, setTouched] = useState(false);
  const [replacing, setReplacing] = useState(false);
  const [fieldVersion, setFieldVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ApiKeyForm['outcome']>(null);
  const problem = apiKeyProblem(typed);
  const editing =
    replacing || key.status?.state === 'notSet' || key.status?.state === 'unavailable';

  function clearTyped(): void {
    setTyped('');
    setTouched(false);
    setFieldVersion((version) => version + 1);
  }

  return {
    status: key.status,
    editing,
    fieldVersion,
    error: touched ? problem : undefined,
    canSave: !busy && problem === undefined,
    busy,
    outcome,
    type(value) {
      setTyped(value);
      setTouched(value !== '');
      setOutcome(null);
    },
    startReplacing() {
      setReplacing(true);
      setOutcome(null);
    },
    cancelReplacing() {
      setReplacing(false);
      clearTyped();
    },
    async save() {
      if (busy || problem !== undefined) return;
      setBusy(true);
      const result = await key.save(typed);
      setBusy(false);
      if (!result.ok) {
        setOutcome({ ok: false, message: result.message });
        return;
      }
      clearTyped();
      setReplacing(false);
      setOutcome({
        ok: true,
        message: 'Saved in your keychain. The key is not shown again, only its last 4 characters.',
      });
    },
    async remove() {
      setBusy(true);
      const result = await key.remove();
      setBusy(false);
      setOutcome(
        result.ok
          ? { ok: true, message: 'The API key was deleted from your keychain.' }
          : { ok: false, message: result.message },
      );
    },
  };
}

/** The status in words: "Set, ends in 1234", "Not set", … */
export function describeKeyStatus(status: KeyStatus | null): string {
  if (status === null) return 'Checking the keychain…';
  if (status.state === 'notSet') return 'Not set';
  if (status.state === 'unavailable') return 'Cannot be read: no keychain';
  return status.last4 === '' ? 'Set' : `Set, ends in ${status.last4}`;
}
