import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AttributeType } from '../../../../shared/attribute-type';
import type { BuilderContent } from '../../../../shared/send-builder';
import type { DraftRequest } from '../../../../shared/send-draft';
import { checkContent, contentToValue } from './builder-check';
import type { BuilderIssue } from './builder-check';
import { contentFromValue } from './builder-from-json';
import {
  attributeListKey,
  fromBuilderContent,
  moveItem,
  newAttribute,
  newContent,
  newEvent,
  toBuilderContent,
} from './builder-model';
import type {
  AttributeEditorKind,
  EditorAttribute,
  EditorContent,
  EditorEvent,
} from './builder-model';
import { checkJsonText } from './json-check';
import type { JsonIssue } from './json-check';

export type BuilderMode = 'form' | 'json';

interface BuilderState {
  content: EditorContent;
  mode: BuilderMode;
  jsonText: string;
  /** The event the form shows. */
  current: number;
  /** Fields left at least once (`<event>:<field>`), whose problems the form shows. */
  touched: string[];
  /** Set after an attempt to send an incomplete form: every problem shows. */
  showAll: boolean;
}

const EMPTY_EVENT = newEvent(0);

// Kept between visits to the screen (it unmounts when another screen shows), not between starts.
let remembered: BuilderState | null = null;

const initialState = (): BuilderState => ({
  content: newContent(Date.now()),
  mode: 'form',
  jsonText: '',
  current: 0,
  touched: [],
  showAll: false,
});

const toJsonText = (content: EditorContent) => JSON.stringify(contentToValue(content), null, 2);

export interface SendBuilder {
  mode: BuilderMode;
  content: EditorContent;
  current: number;
  event: EditorEvent;
  jsonText: string;
  /** The request to send, or null while anything is wrong. */
  request: DraftRequest | null;
  formIssues: BuilderIssue[];
  jsonIssues: JsonIssue[];
  /** Why the last mode switch or load could not happen, in plain words. */
  notice: string | null;
  showAll: boolean;
  isTouched: (key: string) => boolean;
  touch: (key: string) => void;
  revealProblems: () => void;
  switchMode: (mode: BuilderMode) => void;
  setJsonText: (text: string) => void;
  updateEvent: (patch: Partial<EditorEvent>) => void;
  setTrackerKey: (value: string) => void;
  selectEvent: (index: number) => void;
  addEvent: () => void;
  removeEvent: () => void;
  addAttribute: (editor: AttributeEditorKind) => string;
  updateAttribute: (
    editor: AttributeEditorKind,
    id: string,
    patch: Partial<EditorAttribute>,
  ) => void;
  setAttributeType: (editor: AttributeEditorKind, id: string, type: AttributeType) => void;
  removeAttribute: (editor: AttributeEditorKind, id: string) => void;
  moveAttribute: (editor: AttributeEditorKind, id: string, delta: -1 | 1) => void;
  /** The content to save as a template, or why it cannot be (JSON the form cannot show). */
  templateContent: () => { ok: true; content: BuilderContent } | { ok: false; message: string };
  loadContent: (content: BuilderContent) => void;
  loadRequest: (request: DraftRequest) => void;
  reset: () => void;
}

/** The builder's state and everything that changes it; no IPC here (see `useSendRequest`). */
export function useSendBuilder(): SendBuilder {
  const [state, setState] = useState<BuilderState>(() => remembered ?? initialState());
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    remembered = state;
  }, [state]);

  const formCheck = useMemo(() => checkContent(state.content), [state.content]);
  const jsonCheck = useMemo(
    () => (state.mode === 'json' ? checkJsonText(state.jsonText) : null),
    [state.mode, state.jsonText],
  );
  const current = Math.min(state.current, state.content.events.length - 1);
  const event = state.content.events[current] ?? EMPTY_EVENT;

  const changeEvent = useCallback(
    (change: (event: EditorEvent) => EditorEvent) =>
      setState((prev) => {
        const index = Math.min(prev.current, prev.content.events.length - 1);
        const events = prev.content.events.map((item, i) => (i === index ? change(item) : item));
        return { ...prev, content: { ...prev.content, events } };
      }),
    [],
  );

  const changeRows = useCallback(
    (editor: AttributeEditorKind, change: (rows: EditorAttribute[]) => EditorAttribute[]) =>
      changeEvent((item) => {
        const key = attributeListKey[editor];
        return { ...item, [key]: change(item[key]) };
      }),
    [changeEvent],
  );

  const switchMode = (mode: BuilderMode) => {
    if (state.mode === mode) return;
    if (mode === 'json') {
      const blocking = formCheck.issues.find((item) => item.kind === 'attribute');
      if (blocking) {
        setNotice(`Fix the attributes before switching to JSON: ${blocking.message}`);
        return;
      }
      setNotice(null);
      setState((prev) => ({ ...prev, mode, jsonText: toJsonText(prev.content) }));
      return;
    }
    const checked = checkJsonText(state.jsonText);
    const first = checked.issues[0];
    if (!checked.parsed) {
      setNotice(
        `Fix the JSON before switching to the form (line ${first?.line ?? 1}: ${first?.message ?? ''}).`,
      );
      return;
    }
    const converted = contentFromValue(checked.value);
    if (!converted.ok) {
      setNotice(`The form cannot show this request, so it stays in JSON. ${converted.message}`);
      return;
    }
    setNotice(null);
    setState((prev) => ({ ...prev, mode, content: converted.content, current: 0 }));
  };

  const loadContent = useCallback((content: EditorContent) => {
    setNotice(null);
    setState((prev) => ({
      ...prev,
      content,
      current: 0,
      touched: [],
      showAll: false,
      jsonText: prev.mode === 'json' ? toJsonText(content) : prev.jsonText,
    }));
  }, []);

  return {
    mode: state.mode,
    content: state.content,
    current,
    event,
    jsonText: state.jsonText,
    request: state.mode === 'json' ? (jsonCheck?.request ?? null) : formCheck.request,
    formIssues: formCheck.issues,
    jsonIssues: jsonCheck?.issues ?? [],
    notice,
    showAll: state.showAll,
    isTouched: (key) => state.touched.includes(key),
    touch: useCallback(
      (key: string) =>
        setState((prev) =>
          prev.touched.includes(key) ? prev : { ...prev, touched: [...prev.touched, key] },
        ),
      [],
    ),
    revealProblems: useCallback(() => setState((prev) => ({ ...prev, showAll: true })), []),
    switchMode,
    setJsonText: useCallback((jsonText: string) => setState((prev) => ({ ...prev, jsonText })), []),
    updateEvent: useCallback(
      (patch) => changeEvent((item) => ({ ...item, ...patch })),
      [changeEvent],
    ),
    setTrackerKey: useCallback(
      (trackerKey: string) =>
        setState((prev) => ({ ...prev, content: { ...prev.content, trackerKey } })),
      [],
    ),
    selectEvent: useCallback(
      (index: number) => setState((prev) => ({ ...prev, current: index })),
      [],
    ),
    addEvent: useCallback(
      () =>
        setState((prev) => {
          const events = [...prev.content.events, newEvent(Date.now())];
          return { ...prev, content: { ...prev.content, events }, current: events.length - 1 };
        }),
      [],
    ),
    removeEvent: useCallback(
      () =>
        setState((prev) => {
          if (prev.content.events.length <= 1) return prev;
          const index = Math.min(prev.current, prev.content.events.length - 1);
          const events = prev.content.events.filter((_item, i) => i !== index);
          return { ...prev, content: { ...prev.content, events }, current: Math.max(0, index - 1) };
        }),
      [],
    ),
    addAttribute: (editor) => {
      const row = newAttribute();
      changeRows(editor, (rows) => [...rows, row]);
      return row.id;
    },
    updateAttribute: useCallback(
      (editor, id, patch) =>
        changeRows(editor, (rows) =>
          rows.map((row) => (row.id === id ? { ...row, ...patch } : row)),
        ),
      [changeRows],
    ),
    setAttributeType: useCallback(
      (editor, id, type) =>
        changeRows(editor, (rows) =>
          rows.map((row) => {
            if (row.id !== id) return row;
            if (type === 'boolean')
              return { ...row, type, value: row.value === 'false' ? 'false' : 'true' };
            return { ...row, type, value: row.type === 'boolean' ? '' : row.value };
          }),
        ),
      [changeRows],
    ),
    removeAttribute: useCallback(
      (editor, id) => changeRows(editor, (rows) => rows.filter((row) => row.id !== id)),
      [changeRows],
    ),
    moveAttribute: useCallback(
      (editor, id, delta) =>
        changeRows(editor, (rows) => {
          const from = rows.findIndex((row) => row.id === id);
          return from < 0 ? rows : moveItem(rows, from, from + delta);
        }),
      [changeRows],
    ),
    templateContent: () => {
      if (state.mode === 'form') return { ok: true, content: toBuilderContent(state.content) };
      const checked = checkJsonText(state.jsonText);
      if (!checked.parsed)
        return { ok: false, message: 'Fix the JSON first: it is not valid JSON yet.' };
      const converted = contentFromValue(checked.value);
      return converted.ok
        ? { ok: true, content: toBuilderContent(converted.content) }
        : { ok: false, message: `A template keeps what the form can show: ${converted.message}` };
    },
    loadContent: (content) => loadContent(fromBuilderContent(content)),
    loadRequest: (request) => {
      const converted = contentFromValue(request);
      if (converted.ok) loadContent(converted.content);
      else {
        setState((prev) => ({ ...prev, mode: 'json', jsonText: JSON.stringify(request, null, 2) }));
      }
    },
    reset: () => loadContent(newContent(Date.now())),
  };
}
