import type { Entity } from '@backstage/catalog-model';
import { projectNamespaceToEntity } from '@ml-platform/backstage-plugin-catalog-backend-module-ml-projects';
import {
  decideEntityAccess,
  namespaceToCheck,
  type EntityAccessFacts,
} from './entityAccess';

const local = { name: 'local', url: 'https://127.0.0.1:16443' };

/** Alice's ML project, as the ml-projects entity provider makes it. */
const aliceProject = projectNamespaceToEntity(
  {
    metadata: {
      name: 'fraud-detection-scoring',
      labels: {
        'ml-platform.io/team': 'fraud-detection',
        'ml-platform.io/project': 'scoring',
      },
    },
  },
  'local',
)!;

const fraudLabels = {
  'ml-platform.io/team': 'fraud-detection',
  'ml-platform.io/project': 'scoring',
};

function component(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'side-door', namespace: 'default', annotations },
    spec: { type: 'service', owner: 'group:default/recommendations' },
  };
}

/** Bob's attempt: his own Component pointing at alice's project namespace. */
const sideDoor = component({
  'backstage.io/kubernetes-namespace': 'fraud-detection-scoring',
  'backstage.io/kubernetes-label-selector': 'ml-platform.io/project=scoring',
});

function facts(overrides: Partial<EntityAccessFacts>): EntityAccessFacts {
  return {
    entity: aliceProject,
    callerTeams: ['fraud-detection'],
    platformCluster: local,
    clusters: [local],
    namespaceLabels: fraudLabels,
    ...overrides,
  };
}

describe('decideEntityAccess', () => {
  it("lets a team member read their ML project's namespace", () => {
    expect(aliceProject.metadata.annotations).toMatchObject({
      'backstage.io/kubernetes-namespace': 'fraud-detection-scoring',
    });
    expect(decideEntityAccess(facts({}))).toEqual({ allowed: true });
  });

  it('lets a member of several teams read the namespace of any of them', () => {
    expect(
      decideEntityAccess(
        facts({ callerTeams: ['recommendations', 'fraud-detection'] }),
      ),
    ).toEqual({ allowed: true });
  });

  it("refuses another team's namespace, through the team's entity or one of the caller's own", () => {
    const refusal = {
      allowed: false,
      reason:
        'namespace "fraud-detection-scoring" on cluster "local" is not labelled ml-platform.io/team with one of your teams (recommendations)',
    };
    expect(
      decideEntityAccess(
        facts({ entity: sideDoor, callerTeams: ['recommendations'] }),
      ),
    ).toEqual(refusal);
    expect(
      decideEntityAccess(facts({ callerTeams: ['recommendations'] })),
    ).toEqual(refusal);
  });

  it('gives the same answer for a namespace that does not exist or has no team', () => {
    const reason =
      'namespace "fraud-detection-scoring" on cluster "local" is not labelled ml-platform.io/team with one of your teams (fraud-detection)';
    expect(decideEntityAccess(facts({ namespaceLabels: undefined }))).toEqual({
      allowed: false,
      reason,
    });
    expect(
      decideEntityAccess(
        facts({ namespaceLabels: { 'ml-platform.io/project': 'scoring' } }),
      ),
    ).toEqual({ allowed: false, reason });
  });

  it('compares the team label exactly', () => {
    expect(
      decideEntityAccess(
        facts({
          namespaceLabels: { 'ml-platform.io/team': 'fraud-detection-x' },
        }),
      ).allowed,
    ).toBe(false);
  });

  it('refuses an entity without a namespace annotation, which would search every namespace', () => {
    const reason =
      'it has no backstage.io/kubernetes-namespace annotation, so the Kubernetes plugin would search every namespace by its label selector, which only platform admins may do';
    for (const entity of [
      component({ 'backstage.io/kubernetes-id': 'scoring' }),
      component({
        'backstage.io/kubernetes-label-selector':
          'ml-platform.io/team=fraud-detection',
      }),
      component({ 'backstage.io/kubernetes-namespace': '' }),
      { ...sideDoor, metadata: { name: 'bare' } },
    ]) {
      expect(decideEntityAccess(facts({ entity }))).toEqual({
        allowed: false,
        reason,
      });
    }
  });

  it('refuses a namespace annotation that is not a namespace name', () => {
    expect(
      decideEntityAccess(
        facts({
          entity: component({
            'backstage.io/kubernetes-namespace': 'fraud-detection-scoring ',
          }),
        }),
      ),
    ).toEqual({
      allowed: false,
      reason:
        'its backstage.io/kubernetes-namespace annotation "fraud-detection-scoring " is not a namespace name',
    });
  });

  it('refuses a cluster annotation naming another cluster, and allows one naming the platform cluster', () => {
    const onCluster = (cluster: string) =>
      component({
        'backstage.io/kubernetes-namespace': 'fraud-detection-scoring',
        'backstage.io/kubernetes-cluster': cluster,
      });
    expect(decideEntityAccess(facts({ entity: onCluster('prod') }))).toEqual({
      allowed: false,
      reason:
        'its backstage.io/kubernetes-cluster annotation names cluster "prod", but only the ML platform\'s cluster "local" may be read',
    });
    expect(decideEntityAccess(facts({ entity: onCluster('local') }))).toEqual({
      allowed: true,
    });
  });

  it('refuses when the service locator would read from another cluster too, even one of the same name', () => {
    expect(
      decideEntityAccess(
        facts({
          clusters: [local, { name: 'prod', url: 'https://prod.example.com' }],
        }),
      ),
    ).toEqual({
      allowed: false,
      reason:
        'it would also be read from cluster "prod", but only the ML platform\'s cluster "local" may be read',
    });
    expect(
      decideEntityAccess(
        facts({
          clusters: [{ name: 'local', url: 'https://elsewhere.example.com' }],
        }),
      ).allowed,
    ).toBe(false);
    expect(
      decideEntityAccess(
        facts({ clusters: [{ name: 'local', url: `${local.url}/` }] }),
      ),
    ).toEqual({ allowed: true });
  });

  it('refuses a caller in no team', () => {
    expect(decideEntityAccess(facts({ callerTeams: [] }))).toEqual({
      allowed: false,
      reason:
        'you are a member of no team, so no namespace is yours (namespace "fraud-detection-scoring")',
    });
  });

  it('refuses a request without an entity', () => {
    expect(decideEntityAccess(facts({ entity: undefined }))).toEqual({
      allowed: false,
      reason: 'the request names no catalog entity',
    });
  });
});

describe('namespaceToCheck', () => {
  it('is the namespace annotation when it is a namespace name', () => {
    expect(namespaceToCheck(aliceProject)).toBe('fraud-detection-scoring');
    expect(
      namespaceToCheck(
        component({ 'backstage.io/kubernetes-namespace': 'Not/A/Name' }),
      ),
    ).toBeUndefined();
    expect(namespaceToCheck(component({}))).toBeUndefined();
    expect(namespaceToCheck(undefined)).toBeUndefined();
  });
});
