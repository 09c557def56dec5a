import { DEFAULT_NAMESPACE_POLICY } from '../namespaces/renderNamespace';
import { kubernetesIdentityOf } from './kubernetesIdentity';

describe('kubernetesIdentityOf', () => {
  const admins = ['group:default/platform-admins'];

  it('names the user by entity ref and gives the Kubernetes group of each team', () => {
    expect(
      kubernetesIdentityOf(
        {
          userEntityRef: 'user:default/alice',
          ownershipEntityRefs: [
            'user:default/alice',
            'group:default/fraud-detection',
            'group:default/Recommendations',
            'group:other/ignored',
          ],
        },
        { ...DEFAULT_NAMESPACE_POLICY, teamGroupPattern: 'team:{team}' },
        admins,
      ),
    ).toEqual({
      user: 'user:default/alice',
      groups: ['team:fraud-detection', 'team:recommendations'],
    });
  });

  it("adds the admins' Kubernetes groups for a platform admin", () => {
    expect(
      kubernetesIdentityOf(
        {
          userEntityRef: 'user:default/erin',
          ownershipEntityRefs: [
            'user:default/erin',
            'group:default/platform-admins',
          ],
        },
        { ...DEFAULT_NAMESPACE_POLICY, adminGroups: ['cluster-operators'] },
        admins,
      ).groups,
    ).toEqual(['platform-admins', 'cluster-operators']);
  });
});
