import { useId, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import { Button } from 'react-aria-components';
import { plural } from '../../../../shared/wording';
import type { JsonIssue } from './json-check';

export interface JsonEditorProps {
  text: string;
  onChange: (text: string) => void;
  issues: JsonIssue[];
  /** Events in the request when it is valid. */
  eventCount: number | null;
}

function caretPosition(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/**
 * The whole request as editable JSON, checked as you type. Problems list their line; choosing one
 * puts the cursor on that line. A gutter numbers the lines and marks the ones with problems.
 */
export function JsonEditor({ text, onChange, issues, eventCount }: JsonEditorProps): ReactElement {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const [caret, setCaret] = useState({ line: 1, column: 1 });
  const lines = text.split('\n');
  const badLines = new Set(issues.map((issue) => issue.line));

  const updateCaret = () => {
    const element = area.current;
    if (element) setCaret(caretPosition(element.value, element.selectionStart));
  };

  const goToLine = (line: number) => {
    const element = area.current;
    if (!element) return;
    const start = lines.slice(0, line - 1).reduce((sum, item) => sum + item.length + 1, 0);
    const end = start + (lines[line - 1]?.length ?? 0);
    element.focus();
    element.setSelectionRange(start, end);
    // `normal` (no number) falls back to the editor's usual line height.
    const measured = parseFloat(getComputedStyle(element).lineHeight);
    const lineHeight = Number.isNaN(measured) ? 20 : measured;
    element.scrollTop = Math.max(0, (line - 3) * lineHeight);
    updateCaret();
  };

  return (
    <div className="se-json">
      <label className="field__label" htmlFor={id}>
        Request JSON
      </label>
      <p id={`${id}-hint`} className="field__hint">
        The whole request: <code>events</code> holds 1 to 100 events; <code>trackerKey</code> is
        optional (the profile’s is used otherwise). <code>{'{{now}}'}</code> and{' '}
        <code>{'{{uuid}}'}</code> work here too. The API key is added when sending.
      </p>
      <div className="se-json__frame">
        <div ref={gutter} className="se-json__gutter" aria-hidden="true">
          {lines.map((_line, index) => (
            <div
              key={index}
              className={
                badLines.has(index + 1) ? 'se-json__number se-json__number--bad' : 'se-json__number'
              }
            >
              {index + 1}
            </div>
          ))}
        </div>
        <textarea
          ref={area}
          id={id}
          className="se-json__text"
          value={text}
          rows={18}
          wrap="off"
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          aria-invalid={issues.length > 0 ? true : undefined}
          aria-describedby={`${id}-hint ${id}-status`}
          onChange={(event) => {
            onChange(event.target.value);
            setCaret(caretPosition(event.target.value, event.target.selectionStart));
          }}
          onSelect={updateCaret}
          onScroll={(event) => {
            if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
          }}
        />
      </div>
      <p className="text-muted text-small">
        Line {caret.line}, column {caret.column}
      </p>
      <div id={`${id}-status`} className="se-json__status" aria-live="polite">
        {issues.length === 0 ? (
          <p className="text-success">Valid request with {plural(eventCount ?? 0, 'event')}.</p>
        ) : (
          <ul className="se-json__issues">
            {issues.map((issue, index) => (
              <li key={index} className="se-json__issue">
                <Button className="button button--link" onPress={() => goToLine(issue.line)}>
                  Line {issue.line}
                </Button>{' '}
                <span>{issue.message}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
