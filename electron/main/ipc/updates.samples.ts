import type { ChannelSamples } from './channel-samples';

export const channelSamples: ChannelSamples = {
  'updates:status': () => [undefined],
  'updates:check': () => [undefined],
  'updates:setAutomatic': () => [{ automatic: false }, { automatic: true }],
  'updates:restart': () => [undefined],
};
