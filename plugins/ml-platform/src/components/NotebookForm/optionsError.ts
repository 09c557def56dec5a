import { ResponseError } from '@backstage/errors';

/** The backend's own explanation of a failed read; a ResponseError's message only repeats the status line. */
export function optionsErrorMessage(error: Error): string {
  return (
    (ResponseError.is(error) && error.body?.error?.message) || error.message
  );
}
