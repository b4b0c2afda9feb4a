import { apiErrorOf, type IpcErrorCode } from '../../../shared/ipc';

/** The plain-words message of a failed `window.api` call (the bridge rejects with an ApiError). */
export function errorMessage(error: unknown): string {
  const failure = apiErrorOf(error);
  if (failure) return failure.message;
  if (error instanceof Error && error.message !== '') return error.message;
  return 'The app could not do this. Please try again.';
}

/**
 * What kind of failure it was, for the screens that act on it (`settings`: offer a way to
 * Settings; `gone`: the file must be chosen again); `null` when it did not come from the app.
 */
export function errorCode(error: unknown): IpcErrorCode | null {
  return apiErrorOf(error)?.code ?? null;
}
