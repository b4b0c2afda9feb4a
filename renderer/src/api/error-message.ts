/** The plain-words message of a failed `window.api` call (the bridge rejects with an Error). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message !== '') return error.message;
  return 'The app could not do this. Please try again.';
}
