import type { Entity } from '@backstage/catalog-model';
import {
  TEAM_LABEL,
  validateDnsLabel,
} from '@ml-platform/backstage-plugin-ml-platform-common';

/** Catalog annotations the stock Kubernetes backend reads to find an entity's objects. */
export const KUBERNETES_NAMESPACE_ANNOTATION =
  'backstage.io/kubernetes-namespace';
export const KUBERNETES_CLUSTER_ANNOTATION = 'backstage.io/kubernetes-cluster';

/** A cluster as the Kubernetes backend and the suite name it. */
export type ClusterRef = { name: string; url: string };

/** Whether a non-admin may be served an entity's Kubernetes objects, and if not, why. */
export type AccessDecision =
  | { allowed: true }
  | { allowed: false; reason: string };

/** What the rule looks at for one request of a non-admin user. */
export type EntityAccessFacts = {
  /** The entity the Kubernetes backend resolved from the catalog (absent when the request named none). */
  entity: Entity | undefined;
  /** The caller's teams (group names, see teamNamesOf). */
  callerTeams: readonly string[];
  /** The suite's cluster (`mlPlatform.kubernetes.cluster`): the only one whose namespace labels are known. */
  platformCluster: ClusterRef;
  /** The clusters the Kubernetes backend's service locator would read the entity from. */
  clusters: readonly ClusterRef[];
  /**
   * Labels of the entity's namespace on the platform cluster; undefined when
   * that namespace does not exist (or was not read, see namespaceToCheck).
   */
  namespaceLabels: Readonly<Record<string, string>> | undefined;
};

const refuse = (reason: string): AccessDecision => ({ allowed: false, reason });

const trimSlash = (url: string) => url.replace(/\/+$/, '');

function isPlatformCluster(cluster: ClusterRef, platform: ClusterRef) {
  return (
    cluster.name === platform.name &&
    trimSlash(cluster.url) === trimSlash(platform.url)
  );
}

/**
 * The namespace whose labels decide the entity: its
 * `backstage.io/kubernetes-namespace` annotation, the one namespace the
 * Kubernetes backend reads it from, when that is a valid namespace name.
 */
export function namespaceToCheck(entity: Entity | undefined) {
  const namespace =
    entity?.metadata.annotations?.[KUBERNETES_NAMESPACE_ANNOTATION];
  return namespace && validateDnsLabel('namespace', namespace).length === 0
    ? namespace
    : undefined;
}

/**
 * The rule for a caller who is not a platform admin: the entity may be
 * served only if every namespace it would be read from is a namespace of
 * one of the caller's teams, i.e. its one namespace, on the platform's own
 * cluster only, is labelled `ml-platform.io/team=<a team of the caller>`.
 * Who registered the entity, and who owns it in the catalog, does not count:
 * an entity can name any namespace.
 */
export function decideEntityAccess(facts: EntityAccessFacts): AccessDecision {
  const { entity, platformCluster } = facts;
  if (!entity) {
    return refuse('the request names no catalog entity');
  }
  const annotations = entity.metadata.annotations ?? {};
  const annotated = annotations[KUBERNETES_NAMESPACE_ANNOTATION];
  if (!annotated) {
    return refuse(
      `it has no ${KUBERNETES_NAMESPACE_ANNOTATION} annotation, so the Kubernetes plugin would search every namespace by its label selector, which only platform admins may do`,
    );
  }
  const namespace = namespaceToCheck(entity);
  if (!namespace) {
    return refuse(
      `its ${KUBERNETES_NAMESPACE_ANNOTATION} annotation "${annotated}" is not a namespace name`,
    );
  }
  const clusterAnnotation = annotations[KUBERNETES_CLUSTER_ANNOTATION];
  if (clusterAnnotation && clusterAnnotation !== platformCluster.name) {
    return refuse(
      `its ${KUBERNETES_CLUSTER_ANNOTATION} annotation names cluster "${clusterAnnotation}", but only the ML platform's cluster "${platformCluster.name}" may be read`,
    );
  }
  const elsewhere = facts.clusters.find(
    cluster => !isPlatformCluster(cluster, platformCluster),
  );
  if (elsewhere) {
    // A cluster of the same name at another URL counts as another cluster.
    return refuse(
      `it would also be read from cluster "${elsewhere.name}", but only the ML platform's cluster "${platformCluster.name}" may be read`,
    );
  }
  if (facts.callerTeams.length === 0) {
    return refuse(
      `you are a member of no team, so no namespace is yours (namespace "${namespace}")`,
    );
  }
  const team = facts.namespaceLabels?.[TEAM_LABEL];
  if (!team || !facts.callerTeams.includes(team)) {
    // One answer whether the namespace is missing, unlabelled or another
    // team's: a refusal does not tell who owns a namespace.
    return refuse(
      `namespace "${namespace}" on cluster "${
        platformCluster.name
      }" is not labelled ${TEAM_LABEL} with one of your teams (${facts.callerTeams.join(
        ', ',
      )})`,
    );
  }
  return { allowed: true };
}
