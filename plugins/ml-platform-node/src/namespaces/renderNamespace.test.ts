import { DEFAULT_SIZE_PRESETS, quotaHard } from './quota';
import {
  DEFAULT_NAMESPACE_POLICY,
  NAMESPACE_APPLY_ORDER,
  renderNamespaceObjects,
} from './renderNamespace';

const project = {
  name: 'fraud-detection-scoring',
  team: 'fraud-detection',
  project: 'scoring',
  quota: DEFAULT_SIZE_PRESETS.small,
};

describe('renderNamespaceObjects', () => {
  it('renders the namespace first, then isolation, quota and defaults, and grants access last', () => {
    const objects = renderNamespaceObjects(project);
    expect(objects.map(o => `${o.kind}/${o.metadata?.name}`)).toEqual([
      'Namespace/fraud-detection-scoring',
      'NetworkPolicy/ml-platform-isolation',
      'ResourceQuota/ml-platform-quota',
      'LimitRange/ml-platform-defaults',
      'ServiceAccount/spark',
      'RoleBinding/ml-platform-team-edit',
      'RoleBinding/ml-platform-admins',
      'RoleBinding/ml-platform-spark',
    ]);
    expect([...new Set(objects.map(o => o.kind))]).toEqual([
      ...NAMESPACE_APPLY_ORDER,
    ]);
    for (const object of objects.slice(1)) {
      expect(object.metadata?.namespace).toBe('fraud-detection-scoring');
    }
  });

  it('labels every object with the team and project', () => {
    for (const object of renderNamespaceObjects(project)) {
      expect(object.metadata?.labels).toMatchObject({
        'ml-platform.io/team': 'fraud-detection',
        'ml-platform.io/project': 'scoring',
      });
    }
    const team = renderNamespaceObjects({ ...project, project: undefined });
    expect(team[0].metadata?.labels).not.toHaveProperty(
      'ml-platform.io/project',
    );
  });

  it('binds the mapped team group to edit and the admins to admin', () => {
    const objects = renderNamespaceObjects(project, {
      ...DEFAULT_NAMESPACE_POLICY,
      teamGroupPattern: 'oidc:team-{team}',
      adminGroups: ['oidc:platform'],
    }) as any[];
    const edit = objects.find(o => o.metadata.name === 'ml-platform-team-edit');
    const admin = objects.find(o => o.metadata.name === 'ml-platform-admins');
    expect(edit.roleRef.name).toBe('edit');
    expect(edit.subjects).toEqual([
      {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Group',
        name: 'oidc:team-fraud-detection',
      },
    ]);
    expect(admin.roleRef.name).toBe('admin');
    expect(admin.subjects.map((s: any) => s.name)).toEqual(['oidc:platform']);
  });

  it('admits ingress only from the same namespace and the configured ones', () => {
    const policy = (renderNamespaceObjects(project) as any[]).find(
      o => o.kind === 'NetworkPolicy',
    );
    expect(policy.spec.policyTypes).toEqual(['Ingress']);
    expect(policy.spec.ingress).toEqual([
      { from: [{ podSelector: {} }] },
      {
        from: DEFAULT_NAMESPACE_POLICY.ingressFromNamespaces.map(name => ({
          namespaceSelector: {
            matchLabels: { 'kubernetes.io/metadata.name': name },
          },
        })),
      },
    ]);
  });

  it('is deterministic, so re-applying changes nothing', () => {
    expect(renderNamespaceObjects(project)).toEqual(
      renderNamespaceObjects(project),
    );
  });
});

describe('quotaHard', () => {
  it('sets limits from requests and forbids load balancers and node ports', () => {
    expect(
      quotaHard({
        cpu: '1.5',
        memory: '4Gi',
        gpu: 1,
        storage: '10Gi',
        persistentVolumeClaims: 2,
        pods: 5,
      }),
    ).toMatchObject({
      'requests.cpu': '1.5',
      'limits.cpu': '3000m',
      'requests.memory': '4Gi',
      'limits.memory': '4Gi',
      'requests.nvidia.com/gpu': '1',
      'requests.storage': '10Gi',
      persistentvolumeclaims: '2',
      pods: '5',
      'services.loadbalancers': '0',
      'services.nodeports': '0',
    });
  });

  it('keeps explicit limits and names the field of a bad quantity', () => {
    expect(
      quotaHard({ ...DEFAULT_SIZE_PRESETS.small, cpuLimit: '3' })['limits.cpu'],
    ).toBe('3');
    expect(() =>
      quotaHard({ ...DEFAULT_SIZE_PRESETS.small, cpu: 'lots' }),
    ).toThrow('cpu: "lots" is not a Kubernetes quantity');
  });
});
