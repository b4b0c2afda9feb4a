export const REDACTED = '[redacted]';

// The header name followed by `:` or `=` (as in a header line, a curl command, a JSON object or an
// inspected object), then the value: quoted, or everything up to the end of the line or a quote.
const KEY_HEADER = /(customerscore-key["']?\s*[:=]\s*)(?:"[^"\r\n]*"?|'[^'\r\n]*'?|[^\r\n'"]*)/gi;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes secrets from text before it is written anywhere: every registered secret (and its URL- or
 * JSON-escaped form) and whatever follows a `customerscore-key` header name.
 */
export function createRedactor(): {
  registerSecret(value: string): void;
  redact(text: string): string;
} {
  const secrets = new Set<string>();
  let pattern: RegExp | null = null;

  return {
    registerSecret(value) {
      // An empty secret would match everywhere; whitespace around a pasted key is not part of it.
      const secret = value.trim();
      if (secret === '') return;
      for (const form of [
        secret,
        encodeURIComponent(secret),
        JSON.stringify(secret).slice(1, -1),
      ]) {
        secrets.add(form);
      }
      // Longest first, so a secret that contains another is masked whole.
      const alternatives = [...secrets].sort((a, b) => b.length - a.length).map(escapeRegExp);
      pattern = new RegExp(alternatives.join('|'), 'g');
    },
    redact(text) {
      const withoutSecrets = pattern ? text.replace(pattern, REDACTED) : text;
      return withoutSecrets.replace(KEY_HEADER, (match, prefix: string) => {
        const quote = match.slice(prefix.length, prefix.length + 1);
        return quote === '"' || quote === "'"
          ? `${prefix}${quote}${REDACTED}${quote}`
          : `${prefix}${REDACTED}`;
      });
    },
  };
}
