/**
 * What one probe of an external system found, as the backend's
 * `GET /status` reports it to the frontend.
 * @public
 */
export type ConnectionStatus = {
  component: 'kubernetes' | 'mlflow' | 'prometheus';
  /** Where it was reached; never contains credentials. */
  endpoint?: string;
  state: 'ok' | 'down' | 'not-configured';
  /** Version or other detail when up; the reason when down. */
  detail: string;
  latencyMs?: number;
};

/** The body of the backend's `GET /status`. @public */
export type PlatformStatus = {
  environmentName: string;
  connections: ConnectionStatus[];
};
