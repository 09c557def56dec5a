import { ResponseError } from '@backstage/errors';

/** Why the overview could not be read, in the terms the UI explains. */
export type OverviewErrorKind =
  | 'cluster-unreachable'
  | 'not-a-member'
  | 'unknown-team'
  | 'other';

export type OverviewErrorDescription = {
  kind: OverviewErrorKind;
  /** The backend's own explanation, e.g. which cluster and why. */
  message: string;
};

const KIND_BY_STATUS: Record<number, OverviewErrorKind> = {
  403: 'not-a-member',
  404: 'unknown-team',
  503: 'cluster-unreachable',
};

/** Sorts a failed `getTeamOverview` call by HTTP status and keeps the backend's message. */
export function describeOverviewError(error: Error): OverviewErrorDescription {
  if (!ResponseError.is(error)) {
    return { kind: 'other', message: error.message };
  }
  return {
    kind: KIND_BY_STATUS[error.statusCode] ?? 'other',
    // ResponseError's own message only repeats the status line.
    message: error.body?.error?.message || error.message,
  };
}
