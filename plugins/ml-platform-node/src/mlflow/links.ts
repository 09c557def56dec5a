import { displayUrl } from '../urls';

/** Links into the MLflow UI, on its external URL (what people's browsers reach). @public */
export type MlflowLinks = {
  experiment(experimentId: string): string;
  run(experimentId: string, runId: string): string;
  model(name: string): string;
  modelVersion(name: string, version: string): string;
};

/**
 * Links on the external URL as it may be shown (`displayUrl`): a link
 * never carries the credentials a configured URL may hold.
 * @public
 */
export function mlflowLinks(externalUrl: string): MlflowLinks {
  const base = `${displayUrl(externalUrl)}/#`;
  const enc = encodeURIComponent;
  return {
    experiment: id => `${base}/experiments/${enc(id)}`,
    run: (experimentId, runId) =>
      `${base}/experiments/${enc(experimentId)}/runs/${enc(runId)}`,
    model: name => `${base}/models/${enc(name)}`,
    modelVersion: (name, version) =>
      `${base}/models/${enc(name)}/versions/${enc(version)}`,
  };
}
