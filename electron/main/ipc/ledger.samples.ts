import type { ChannelSamples } from './channel-samples';

export const channelSamples: ChannelSamples = {
  'ledger:stats': () => [{ profileId: 'default' }],
  'ledger:clear': () => [{ profileId: 'default' }],
};
