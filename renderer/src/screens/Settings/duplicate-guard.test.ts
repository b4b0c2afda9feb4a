import { describe, expect, it } from 'vitest';
import { describeForgotten, describeLedger } from './duplicate-guard';

const destination = { trackerKey: 'CS-ABCD1', endpoint: 'https://eu.customerscore.example/track' };

describe('describeLedger', () => {
  it('says how many events are remembered, where they went and the room they take', () => {
    expect(describeLedger({ destination, events: 12345, bytes: 240 * 1024 })).toBe(
      'The app remembers 12,345 events it sent to CS-ABCD1 at https://eu.customerscore.example/track (240 KB on disk), so that importing them again skips them.',
    );
  });

  it('says one event in the singular', () => {
    expect(describeLedger({ destination, events: 1, bytes: 20 })).toBe(
      'The app remembers 1 event it sent to CS-ABCD1 at https://eu.customerscore.example/track (20 bytes on disk), so that importing it again skips it.',
    );
  });

  it('says nothing is remembered yet when the ledger is empty', () => {
    expect(describeLedger({ destination, events: 0, bytes: 0 })).toBe(
      'Nothing is remembered yet for CS-ABCD1 at https://eu.customerscore.example/track: the app remembers each event it sends there from now on.',
    );
  });

  it('says a profile that cannot send remembers nothing until it has a tracker key', () => {
    expect(describeLedger({ destination: null, events: 0, bytes: 0 })).toMatch(
      /^Nothing is remembered for this profile: it cannot send until it has a tracker key/,
    );
  });
});

describe('describeForgotten', () => {
  it('says how many were forgotten and for which destination', () => {
    expect(describeForgotten(300, destination)).toBe(
      'Forgot 300 sent events for CS-ABCD1 at https://eu.customerscore.example/track.',
    );
    expect(describeForgotten(1, destination)).toMatch(/^Forgot 1 sent event for/);
  });
});
