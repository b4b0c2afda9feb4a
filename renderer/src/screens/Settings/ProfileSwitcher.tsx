import type { ReactElement } from 'react';
import { Button } from 'react-aria-components';
import type { Profile } from '../../../../shared/settings';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SelectField } from '../../components/SelectField';
import { ProfileNameDialog } from './ProfileNameDialog';
import { profileNameProblem } from './profile-form';

export interface ProfileSwitcherProps {
  profiles: readonly Profile[];
  active: Profile;
  onActivate: (id: string) => void;
  /** Each answers the refusal in words, or null when done. */
  onCreate: (name: string) => Promise<string | null>;
  onRename: (name: string) => Promise<string | null>;
  onDelete: () => void;
}

/** Which profile is in use, and the buttons to create, rename and delete profiles. */
export function ProfileSwitcher(props: ProfileSwitcherProps): ReactElement {
  const { profiles, active } = props;
  const onlyOne = profiles.length === 1;
  return (
    <div className="st-profile-switcher">
      <SelectField
        label="Active profile"
        value={active.id}
        options={profiles.map((profile) => ({ value: profile.id, label: profile.name }))}
        description="Test events and imports are sent with this profile's keys and address."
        onChange={(id) => {
          if (id !== active.id) props.onActivate(id);
        }}
      />
      <div className="actions">
        <ProfileNameDialog
          trigger={<Button className="button">New profile</Button>}
          title="New profile"
          fieldLabel="Profile name"
          submitLabel="Create profile"
          initialName=""
          check={(name) => profileNameProblem(name, profiles)}
          onSubmit={props.onCreate}
        />
        <ProfileNameDialog
          trigger={<Button className="button">Rename</Button>}
          title={`Rename "${active.name}"`}
          fieldLabel="New name"
          submitLabel="Rename"
          initialName={active.name}
          check={(name) => profileNameProblem(name, profiles, active.id)}
          onSubmit={props.onRename}
        />
        <ConfirmDialog
          trigger={
            <Button className="button button--danger" isDisabled={onlyOne}>
              Delete profile
            </Button>
          }
          title={`Delete the profile "${active.name}"?`}
          confirmLabel="Delete profile"
          onConfirm={props.onDelete}
        >
          <p>
            Its tracker key and settings are removed, and its API key is removed from this
            computer&apos;s keychain too. This cannot be undone.
          </p>
        </ConfirmDialog>
      </div>
      {onlyOne ? (
        <p className="text-muted text-small">
          The only profile cannot be deleted: create another one first.
        </p>
      ) : null}
    </div>
  );
}
