import type { ReactElement } from 'react';
import { Button } from 'react-aria-components';
import type { Profile } from '../../../../shared/settings';
import { useSettings } from '../../api/useSettings';
import type { SettingsApi } from '../../api/useSettings';
import { ScreenLayout } from '../../components/ScreenLayout';
import { ApiKeyPanel } from './ApiKeyPanel';
import { DuplicateGuardPanel } from './DuplicateGuardPanel';
import { ProfileForm } from './ProfileForm';
import { ProfileSwitcher } from './ProfileSwitcher';
import { UpdatesPanel } from './UpdatesPanel';
import { useApiKeyForm } from './useApiKeyForm';
import { useLedger } from './useLedger';
import { useProfileActions } from './useProfileActions';
import { useProfileForm } from './useProfileForm';
import { useUpdates } from './useUpdates';
import './settings.css';

export function SettingsScreen(): ReactElement {
  const settings = useSettings();
  return (
    <ScreenLayout
      title="Settings"
      summary="Your connection to Customerscore: the tracker key, the API key (kept in your computer's keychain, never shown again), the server address and how fast to send."
    >
      <SettingsBody settings={settings} />
    </ScreenLayout>
  );
}

function SettingsBody({ settings }: { settings: SettingsApi }): ReactElement {
  const actions = useProfileActions(settings);
  const { view } = settings;
  if (settings.loadError !== null) {
    return (
      <p className="notice notice--error st-settings__notice" role="alert">
        The settings could not be loaded: {settings.loadError}
      </p>
    );
  }
  if (view === null) {
    return (
      <p className="st-settings__loading text-muted" role="status">
        Loading the settings…
      </p>
    );
  }
  const active = view.profiles.find((profile) => profile.id === view.activeProfileId);
  if (active === undefined) {
    return (
      <p className="notice notice--error st-settings__notice" role="alert">
        The active profile is missing from the settings. Restart the app to repair them.
      </p>
    );
  }
  return (
    <div className="st-settings" data-state="ready">
      {settings.problem === null ? null : (
        <div className="notice notice--warning notice--row st-settings__notice" role="alert">
          <p className="notice__text">{settings.problem}</p>
          <Button className="button" onPress={settings.dismissProblem}>
            Dismiss
          </Button>
        </div>
      )}
      <section className="st-settings__section" aria-labelledby="settings-profiles">
        <h2 id="settings-profiles" className="section-title">
          Profile
        </h2>
        <p className="text-muted">
          A profile holds one Customerscore connection, for example one per customer or one for
          testing.
        </p>
        <ProfileSwitcher
          profiles={view.profiles}
          active={active}
          onActivate={actions.activate}
          onCreate={actions.create}
          onRename={actions.rename}
          onDelete={actions.remove}
        />
        <p className={actions.notice?.ok === false ? 'text-error' : 'text-success'} role="status">
          {actions.notice?.message ?? ''}
        </p>
      </section>
      <ProfileDetails key={active.id} profile={active} settings={settings} />
      <UpdatesSection />
    </div>
  );
}

/** The installed app's updates: one for the app, whatever the profile. */
function UpdatesSection(): ReactElement {
  const updates = useUpdates();
  return (
    <section className="st-settings__section" aria-labelledby="settings-updates">
      <h2 id="settings-updates" className="section-title">
        Updates
      </h2>
      <p className="text-muted">
        New versions come from Customerscore&apos;s releases. Each download is checked against the
        release&apos;s checksum and, on macOS and Windows, against Customerscore&apos;s signature
        before it installs. The app restarts only when you say so, never while an import is being
        sent.
      </p>
      <UpdatesPanel form={updates} />
    </section>
  );
}

/** The active profile's connection and key; mounted per profile, so switching starts afresh. */
function ProfileDetails({
  profile,
  settings,
}: {
  profile: Profile;
  settings: SettingsApi;
}): ReactElement {
  const form = useProfileForm(profile, settings.update);
  const key = useApiKeyForm(profile.id);
  const ledger = useLedger(profile);
  return (
    <>
      <section className="st-settings__section" aria-labelledby="settings-connection">
        <h2 id="settings-connection" className="section-title">
          Connection
        </h2>
        <ProfileForm form={form} />
      </section>
      <section className="st-settings__section" aria-labelledby="settings-api-key">
        <h2 id="settings-api-key" className="section-title">
          API key
        </h2>
        <p className="text-muted">
          The secret key for the Track API. It is kept in your computer&apos;s keychain, never in a
          file, and this app never shows it again.
        </p>
        <ApiKeyPanel form={key} profileName={profile.name} />
      </section>
      <section className="st-settings__section" aria-labelledby="settings-duplicate-guard">
        <h2 id="settings-duplicate-guard" className="section-title">
          Duplicate guard
        </h2>
        <p className="text-muted">
          The app remembers every event it sends, per tracker key and endpoint, so that an import
          skips the events Customerscore already has (its review step says how many).
        </p>
        <DuplicateGuardPanel form={ledger} />
      </section>
    </>
  );
}
