/**
 * The events topic of MLflow's model registry webhooks. The events backend's
 * HTTP ingress receives them at `POST /api/events/http/mlflow.model-registry`.
 * @public
 */
export const MLFLOW_WEBHOOK_TOPIC = 'mlflow.model-registry';
