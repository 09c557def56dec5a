/**
 * Where Seldon's storage initializer reads a model version, from where
 * MLflow says its files are (pure): MLflow's own proxied schemes mapped to
 * the configured artifact store, everything else only when the initializer
 * can read its scheme.
 */
import type { ServingSettings } from '../../servingSettings';

/** A model location the storage initializer can read, with the Secret of its store's credentials. @public */
export type StorageLocation =
  | { uri: string; envSecretRefName?: string }
  | { problem: string };

const schemeOf = (uri: string) => /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1];

const joined = (base: string, rest: string) =>
  `${base.replace(/\/+$/, '')}/${rest.replace(/^\/+/, '')}`;

/** The location of a version's artifacts for Seldon, or why there is none (pure). @public */
export function storageLocationOf(
  location: string,
  settings: Pick<ServingSettings, 'artifactStores' | 'storageSchemes'>,
): StorageLocation {
  const mapping = settings.artifactStores.find(store =>
    location.startsWith(store.prefix),
  );
  const uri = mapping
    ? joined(mapping.uri, location.slice(mapping.prefix.length))
    : location;
  const scheme = schemeOf(uri)?.toLocaleLowerCase('en-US');
  if (!location) {
    return { problem: 'MLflow gives no location for its files' };
  }
  if (scheme === 'models' || scheme === 'runs') {
    return {
      problem: `its location "${location}" is an MLflow URI, which Seldon cannot read, and MLflow resolved it no further`,
    };
  }
  if (!scheme || !settings.storageSchemes.includes(scheme)) {
    const configured = settings.artifactStores.map(store => store.prefix);
    return {
      problem: `its files are at "${location}", which Seldon's storage initializer cannot read (it reads ${settings.storageSchemes
        .map(s => `${s}:`)
        .join(', ')}${
        configured.length > 0
          ? `; mapped are ${configured.join(', ')}`
          : '; no artifact store is mapped'
      }): map its prefix to the artifact store under mlPlatform.serving.artifactStores`,
    };
  }
  return {
    uri,
    ...(mapping?.envSecretRefName
      ? { envSecretRefName: mapping.envSecretRefName }
      : {}),
  };
}

/** The path behind `mlflow-artifacts:` of a location MLflow proxies, or undefined (pure). */
export function proxiedArtifactPath(location: string): string | undefined {
  const match = /^mlflow-artifacts:(?:\/\/[^/]*)?(\/.*)$/.exec(location);
  return match?.[1];
}
