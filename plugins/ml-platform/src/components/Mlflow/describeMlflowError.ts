import { ResponseError } from '@backstage/errors';

/** Why an MLflow read failed, in the terms the UI explains. */
export type MlflowErrorKind =
  | 'mlflow-unreachable'
  | 'forbidden'
  | 'not-found'
  | 'invalid-request'
  | 'other';

export type MlflowErrorDescription = {
  kind: MlflowErrorKind;
  /** The backend's own explanation, e.g. MLflow's URL and why it failed. */
  message: string;
};

const KIND_BY_STATUS: Record<number, MlflowErrorKind> = {
  400: 'invalid-request',
  403: 'forbidden',
  404: 'not-found',
  503: 'mlflow-unreachable',
};

/** Sorts a failed MLflow call of the backend by HTTP status and keeps its message. */
export function describeMlflowError(error: Error): MlflowErrorDescription {
  if (!ResponseError.is(error)) {
    return { kind: 'other', message: error.message };
  }
  return {
    kind: KIND_BY_STATUS[error.statusCode] ?? 'other',
    // ResponseError's own message only repeats the status line.
    message: error.body?.error?.message || error.message,
  };
}
