import { apiErrorOf, type AppApi } from '../../../shared/ipc';

/**
 * Calls `window.api` inside a promise, so a page without the bridge (opened outside the app)
 * gets a failed request with a plain message instead of an uncaught TypeError. A failure the app
 * answered rejects as an `ApiError` of this page, whatever form crossed the bridge, so callers
 * can branch on its `code` (see `errorCode`).
 */
export function callApi<T>(call: (api: AppApi) => Promise<T>): Promise<T> {
  return Promise.resolve()
    .then(() => {
      if (!('api' in window)) {
        throw new Error(
          'This window is not connected to the app. Close it and open the app again.',
        );
      }
      return call(window.api);
    })
    .catch((reason: unknown) => {
      throw apiErrorOf(reason) ?? reason;
    });
}
