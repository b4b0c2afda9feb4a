import type { ChannelSamples } from './channel-samples';

export const channelSamples: ChannelSamples = {
  'app:getInfo': () => [undefined],
};
