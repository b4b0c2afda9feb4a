import type { ChannelSamples } from './channel-samples';

// Deletions come last: `profiles:delete` removes the default profile (after a second one exists).
export const channelSamples: ChannelSamples = {
  'settings:load': () => [undefined],
  'profiles:create': () => [{ name: 'Beta' }, { name: 'Gamma', trackerKey: 'CS-GAMMA' }],
  'profiles:update': () => [
    { id: 'default', patch: { trackerKey: 'CS-ABCD1', rateLimit: { requests: 5, perSeconds: 1 } } },
  ],
  'profiles:rename': () => [{ id: 'default', name: 'Main' }],
  'profiles:activate': () => [{ id: 'default' }],
  'secrets:status': () => [{ profileId: 'default' }, { profileId: 'unknown-000000' }],
  'secrets:set': () => [
    { profileId: 'default', key: 'csk_live_sample_key_0001' },
    { profileId: 'default', key: 'not a key' },
  ],
  'secrets:delete': () => [{ profileId: 'default' }],
  'profiles:delete': () => [{ id: 'default' }],
};
