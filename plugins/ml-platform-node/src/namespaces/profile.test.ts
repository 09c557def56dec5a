import { renderKubeflowProfile } from './profile';
import { DEFAULT_SIZE_PRESETS, quotaHard } from './quota';
import { DEFAULT_NAMESPACE_POLICY } from './renderNamespace';

const request = {
  name: 'fraud-detection-scoring',
  team: 'fraud-detection',
  project: 'scoring',
  quota: { ...DEFAULT_SIZE_PRESETS.medium, cpuLimit: '12' },
};

describe('renderKubeflowProfile', () => {
  it('renders a cluster-wide Profile named after the namespace', () => {
    const profile = renderKubeflowProfile(request, DEFAULT_NAMESPACE_POLICY);
    expect(profile.apiVersion).toBe('kubeflow.org/v1');
    expect(profile.kind).toBe('Profile');
    expect(profile.metadata?.name).toBe('fraud-detection-scoring');
    expect(profile.metadata?.namespace).toBeUndefined();
  });

  it('makes the team group from the pattern the owner', () => {
    const profile = renderKubeflowProfile(request, {
      ...DEFAULT_NAMESPACE_POLICY,
      teamGroupPattern: 'oidc:team-{team}',
    }) as any;
    expect(profile.spec.owner).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'Group',
      name: 'oidc:team-fraud-detection',
    });
    expect(
      (renderKubeflowProfile(request, DEFAULT_NAMESPACE_POLICY) as any).spec
        .owner.name,
    ).toBe('fraud-detection');
  });

  it('gives the namespace the same quota as the raw objects', () => {
    const profile = renderKubeflowProfile(
      request,
      DEFAULT_NAMESPACE_POLICY,
    ) as any;
    expect(profile.spec.resourceQuotaSpec).toEqual({
      hard: quotaHard(request.quota),
    });
    expect(profile.spec.resourceQuotaSpec.hard['limits.cpu']).toBe('12');
  });

  it('labels the profile with the team and project', () => {
    expect(
      renderKubeflowProfile(request, DEFAULT_NAMESPACE_POLICY).metadata?.labels,
    ).toEqual({
      'ml-platform.io/team': 'fraud-detection',
      'ml-platform.io/project': 'scoring',
      'app.kubernetes.io/managed-by': 'ml-platform',
    });
    expect(
      renderKubeflowProfile(
        {
          name: 'fraud-detection',
          team: 'fraud-detection',
          quota: request.quota,
        },
        DEFAULT_NAMESPACE_POLICY,
      ).metadata?.labels,
    ).toEqual({
      'ml-platform.io/team': 'fraud-detection',
      'app.kubernetes.io/managed-by': 'ml-platform',
    });
  });
});
