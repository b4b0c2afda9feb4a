import type { z } from 'zod';
import { draftRequestSchema } from '../../../../shared/send-draft';
import type { DraftRequest } from '../../../../shared/send-draft';
import { locateJson } from './json-locate';

/** A problem of the JSON text, on its line. */
export interface JsonIssue {
  line: number;
  message: string;
}

export interface CheckedJson {
  /** The request to send, or null while there are issues. */
  request: DraftRequest | null;
  /** The parsed value when the text is JSON at all (for switching to the form). */
  value: unknown;
  parsed: boolean;
  issues: JsonIssue[];
}

/** `events[0].identification.customer`, the way a developer reads a path. */
export function describePath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function plainMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((key) => `“${key}”`).join(', ');
    return `${names} ${issue.keys.length === 1 ? 'is not a field' : 'are not fields'} of the Track API.`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    const name = issue.path[issue.path.length - 1];
    return `“${String(name)}” is missing.`;
  }
  if (issue.code === 'invalid_type')
    return `This must be ${issue.expected === 'object' ? 'an object' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}.`;
  return issue.message;
}

/**
 * Checks the JSON editor's text: first that it is JSON (pointing at the first mistake), then that
 * it is a request the API takes, with the shared schema the main process checks again; every
 * problem carries the line it is on.
 */
export function checkJsonText(text: string): CheckedJson {
  const located = locateJson(text);
  if (!located.ok) {
    return {
      request: null,
      value: undefined,
      parsed: false,
      issues: [{ line: located.line, message: `${located.message} (column ${located.column})` }],
    };
  }
  const result = draftRequestSchema.safeParse(located.value);
  if (result.success)
    return { request: result.data, value: located.value, parsed: true, issues: [] };
  // zod reports every rule a value breaks ("empty" and "blank"); the first says enough.
  const seen = new Set<string>();
  const firstPerPath = result.error.issues.filter((issue) => {
    const key = JSON.stringify(issue.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const issues = firstPerPath.map((issue) => {
    const where = issue.path.length > 0 ? `${describePath(issue.path)}: ` : '';
    return {
      line: located.lineOf(issue.path as (string | number)[]),
      message: `${where}${plainMessage(issue)}`,
    };
  });
  issues.sort((a, b) => a.line - b.line);
  return { request: null, value: located.value, parsed: true, issues };
}
