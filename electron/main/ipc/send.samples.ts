import type { ChannelSamples } from './channel-samples';

const event = { name: 'signup', timestamp: 1712123456789, identification: { customer: 'cus_1' } };
const content = {
  trackerKey: '',
  events: [
    {
      name: 'ping',
      timestamp: '{{now}}',
      customer: 'cus_1',
      contact: '',
      customerAttributes: [{ key: 'plan', type: 'string' as const, value: 'pro' }],
      contactAttributes: [],
    },
  ],
};

// No sample reaches the network: these run before any profile has a tracker key, so
// `send:request` answers "not sent"; `send:curl` carries its own tracker key, so the revealed
// copy really reads the key (and must still answer without it).
export const channelSamples: ChannelSamples = {
  'send:getTarget': () => [undefined],
  'send:request': () => [{ events: [event] }, { events: [event], profileId: 'default' }],
  'send:curl': () => [
    { trackerKey: 'CS-SAMPLE1', events: [event], reveal: false },
    { trackerKey: 'CS-SAMPLE1', events: [event], reveal: true },
  ],
  'sendHistory:list': () => [undefined, { query: 'cus', limit: 10 }],
  'sendHistory:get': () => [{ id: '1712123456789-0123456789ab' }],
  'sendTemplates:list': () => [undefined],
  'sendTemplates:save': () => [{ name: 'Sample', content }],
  'sendTemplates:delete': () => [{ id: '0123456789abcdef' }],
  'sendHistory:clear': () => [undefined],
};
