import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from './redact';

const KEY = 'csk_live_7f3a9d2e41b04c8a';

describe('createRedactor', () => {
  it('masks a registered secret wherever it appears', () => {
    const redactor = createRedactor();
    redactor.registerSecret(KEY);
    expect(redactor.redact(`key=${KEY}; again ${KEY}!`)).toBe(
      `key=${REDACTED}; again ${REDACTED}!`,
    );
  });

  it('masks the URL-encoded form of a secret too', () => {
    const redactor = createRedactor();
    redactor.registerSecret('a b/c+d');
    expect(redactor.redact('q=a%20b%2Fc%2Bd')).toBe(`q=${REDACTED}`);
  });

  it('ignores surrounding whitespace and empty secrets', () => {
    const redactor = createRedactor();
    redactor.registerSecret('');
    redactor.registerSecret(`  ${KEY}\n`);
    expect(redactor.redact(`ok ${KEY}`)).toBe(`ok ${REDACTED}`);
    expect(redactor.redact('nothing here')).toBe('nothing here');
  });

  it('treats regular-expression characters in a secret literally', () => {
    const redactor = createRedactor();
    redactor.registerSecret('a.b*c');
    expect(redactor.redact('aXbbbc a.b*c')).toBe(`aXbbbc ${REDACTED}`);
  });

  it.each([
    ['a header line', 'customerscore-key: unregistered-123', `customerscore-key: ${REDACTED}`],
    [
      'a curl command',
      `curl -H 'customerscore-key: unregistered-123' -H 'Content-Type: application/json'`,
      `curl -H 'customerscore-key: ${REDACTED}' -H 'Content-Type: application/json'`,
    ],
    [
      'JSON',
      '{"customerscore-key":"unregistered-123","x":1}',
      `{"customerscore-key":"${REDACTED}","x":1}`,
    ],
    [
      'an inspected object',
      "{ 'Customerscore-Key': 'unregistered-123' }",
      `{ 'Customerscore-Key': '${REDACTED}' }`,
    ],
    ['a value with spaces', 'customerscore-key = a b c', `customerscore-key = ${REDACTED}`],
  ])('masks the value after the customerscore-key header name in %s', (_name, text, expected) => {
    expect(createRedactor().redact(text)).toBe(expected);
  });

  it('leaves prose that mentions the header alone', () => {
    const text = 'The server answered 401: missing customerscore-key header.';
    expect(createRedactor().redact(text)).toBe(text);
  });

  it('never lets a registered secret through, whatever surrounds it', () => {
    fc.assert(
      fc.property(
        // The shape of real API keys; arbitrary text could match pieces of "[redacted]" itself.
        fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
        fc.string(),
        fc.string(),
        (secret, before, after) => {
          const redactor = createRedactor();
          redactor.registerSecret(secret);
          expect(redactor.redact(`${before}${secret}${after}`)).not.toContain(secret);
        },
      ),
    );
  });
});
