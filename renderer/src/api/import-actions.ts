import type { FileLike } from '../../../shared/ipc';
import {
  MAX_PASTE_CHARS,
  PASTE_TOO_LARGE,
  type FilePreview,
  type OpenFileResponse,
} from '../../../shared/ipc-import';
import {
  parseMappingFile,
  serializeMapping,
  type FileSource,
  type Mapping,
} from '../../../shared/mapping';
import { downloadText } from '../download';
import {
  checkDraft,
  draftFromHeader,
  draftFromMapping,
  type MappingDraft,
} from '../mapping/mapping-draft';
import { callApi } from './call-api';
import { errorMessage } from './error-message';
import { dismissInterrupted } from './import-send-actions';
import { getState, initialState, setState } from './import-wizard-store';

// What the wizard's buttons do. Plain functions over the store and `callApi`, so that they stay
// the same across renders and screens.

const samplesOf = (file: FilePreview) => file.sampleRows.map((row) => row.cells);

function freshDraft(file: FilePreview) {
  const { draft, guessed } = draftFromHeader(file.header, samplesOf(file));
  return { draft, guessed, mappingProblems: [], mappingNote: null };
}

export async function chooseFile(file: FileLike): Promise<void> {
  await openWith(async () => {
    // The main process keeps the path; the page holds only a handle for the file.
    const { handle } = await callApi((api) => api.registerFile(file));
    return callApi((api) => api.import.open({ file: handle }));
  });
}

/** Cells pasted from a spreadsheet: the main process keeps them as a file and opens it. */
export async function pasteCells(text: string): Promise<void> {
  if (text.length > MAX_PASTE_CHARS) {
    setState({ fileError: PASTE_TOO_LARGE });
    return;
  }
  await openWith(() => callApi((api) => api.import.paste({ text })));
}

async function openWith(open: () => Promise<OpenFileResponse>): Promise<void> {
  const previous = getState().open;
  setState({ opening: true, fileError: null });
  try {
    const opened = await open();
    if (previous) {
      void callApi((api) => api.import.close({ sessionId: previous.sessionId })).catch(() => null);
    }
    setState({
      ...initialState(),
      interrupted: getState().interrupted,
      open: { sessionId: opened.sessionId, file: opened.file, recent: opened.recentMapping },
      ...freshDraft(opened.file),
    });
  } catch (error) {
    setState({ opening: false, fileError: errorMessage(error) });
  }
}

/**
 * "Start <file> again" from the resume question: opens an interrupted import's file with the
 * mapping it was sent with, as a new import (to wherever the profile sends now). The main process
 * knows the file from the job's record; the interrupted import leaves the offers, not History.
 */
export async function startInterruptedAgain(jobId: string): Promise<void> {
  const job = getState().interrupted.find((j) => j.jobId === jobId);
  setState({ resumeQuestion: null });
  const sent: { mapping: Mapping | null } = { mapping: null };
  await openWith(async () => {
    const reopened = await callApi((api) => api.import.reopen({ jobId }));
    sent.mapping = reopened.mapping;
    return reopened;
  });
  const mapping = sent.mapping;
  if (mapping === null || getState().open === null) return;
  const now = job?.destination.now;
  const where = now ? ` to tracker key ${now.trackerKey} at ${now.endpoint}` : '';
  setState({
    step: 'map',
    draft: draftFromMapping(mapping),
    guessed: new Set(),
    mappingNote: {
      tone: 'info',
      text: `Using the mapping of the interrupted import of ${job?.fileName ?? 'this file'}. It is sent as a new import${where}; the interrupted one stays in History.`,
    },
  });
  await dismissInterrupted(jobId);
}

/** Reads the file again with another encoding, delimiter or header row. */
export async function configure(source: FileSource): Promise<void> {
  const open = getState().open;
  if (!open) return;
  const current = open.file;
  // A workbook is read by its sheet; a text file by its encoding and separator.
  const sheet = source.sheet ?? current.workbook?.sheet;
  const wanted: FileSource = current.workbook
    ? {
        ...(sheet === undefined ? {} : { sheet }),
        // Another sheet has its own header row: the default (the first row holding a value).
        ...(source.sheet === undefined ? { headerRow: source.headerRow ?? current.headerRow } : {}),
      }
    : {
        encoding: source.encoding ?? current.encoding,
        delimiter: source.delimiter ?? current.delimiter,
        headerRow: source.headerRow ?? current.headerRow,
      };
  setState({ opening: true, fileError: null });
  try {
    const answer = await callApi((api) =>
      api.import.configure({ sessionId: open.sessionId, source: wanted }),
    );
    const headerChanged = answer.file.header.join('\u0000') !== current.header.join('\u0000');
    setState({
      opening: false,
      open: { ...open, file: answer.file },
      summary: null,
      ...(headerChanged ? freshDraft(answer.file) : {}),
    });
  } catch (error) {
    setState({ opening: false, fileError: errorMessage(error) });
  }
}

export function goTo(step: 'file' | 'map' | 'review'): void {
  setState({ step });
}

export function updateDraft(change: (draft: MappingDraft) => MappingDraft, touched?: string): void {
  setState((s) => {
    const guessed = new Set(s.guessed);
    if (touched !== undefined) guessed.delete(touched);
    return { draft: change(s.draft), guessed, mappingProblems: [] };
  });
}

export function applyRecentMapping(): void {
  const { open } = getState();
  if (!open?.recent) return;
  setState({
    draft: draftFromMapping(open.recent.mapping),
    guessed: new Set(),
    mappingProblems: [],
    mappingNote: { tone: 'info', text: `Using the mapping from ${open.recent.fileName}.` },
  });
}

export function saveMapping(): void {
  const checked = checkDraft(getState().draft);
  if (!checked.ok) {
    setState({ mappingProblems: checked.problems });
    return;
  }
  const { open } = getState();
  const mapping = open
    ? {
        ...checked.mapping,
        source: {
          encoding: open.file.encoding,
          delimiter: open.file.delimiter,
          headerRow: open.file.headerRow,
        },
      }
    : checked.mapping;
  downloadText('mapping.json', serializeMapping(mapping), 'application/json');
  setState({ mappingNote: { tone: 'info', text: 'The mapping was saved as mapping.json.' } });
}

export async function loadMapping(file: File): Promise<void> {
  const parsed = parseMappingFile(await file.text());
  if (!parsed.ok) {
    setState({
      mappingNote: {
        tone: 'error',
        text: `${file.name} could not be used. ${parsed.errors.join(' ')}`,
      },
    });
    return;
  }
  const { source } = parsed.mapping;
  const open = getState().open;
  if (source && open) {
    const differs =
      (source.headerRow !== undefined && source.headerRow !== open.file.headerRow) ||
      (source.delimiter !== undefined &&
        source.delimiter !== 'auto' &&
        source.delimiter !== open.file.delimiter) ||
      (source.encoding !== undefined &&
        source.encoding !== 'auto' &&
        source.encoding !== open.file.encoding);
    if (differs) await configure(source);
  }
  setState({
    draft: draftFromMapping(parsed.mapping),
    guessed: new Set(),
    mappingProblems: [],
    mappingNote: { tone: 'info', text: `Loaded the mapping from ${file.name}.` },
  });
}

/** Checks every row of the file with the mapping, then shows the review. */
export async function validate(): Promise<void> {
  const { open, draft } = getState();
  if (!open) return;
  const checked = checkDraft(draft);
  if (!checked.ok) {
    setState({ mappingProblems: checked.problems });
    return;
  }
  setState({
    step: 'review',
    summary: null,
    reviewProblem: null,
    view: 'all',
    // A new check asks the duplicate guard's question again, with its safe answer.
    sendAgain: false,
    validating: {
      sessionId: open.sessionId,
      rowsRead: 0,
      bytesRead: 0,
      fileSize: open.file.fileSize,
    },
  });
  try {
    const result = await callApi((api) =>
      api.import.validate({ sessionId: open.sessionId, mapping: checked.mapping }),
    );
    if (result.result === 'cancelled') return;
    if (result.result === 'mapping') {
      setState({
        step: 'map',
        validating: null,
        mappingProblems: result.issues.map((issue) => ({
          field: issue.field.split('.')[0] ?? issue.field,
          message: issue.message,
        })),
      });
      return;
    }
    setState((s) => ({
      validating: null,
      summary: result.summary,
      rowsVersion: s.rowsVersion + 1,
    }));
  } catch (error) {
    setState({ validating: null, reviewProblem: errorMessage(error) });
  }
}
