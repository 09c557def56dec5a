import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { ensureLocalPlatform } from '@ml-platform/local-platform';
import { TeamOverviewReader } from '../overview/readTeamOverview';
import { NamespaceProvisioner } from './provisioner';
import { readNamespaceSettings } from './settings';

jest.setTimeout(60_000);

describe('with mlPlatform.namespaces.kubeflowProfiles', () => {
  const team = `it-kf-${Date.now().toString(36)}`;
  let kubeConfig: KubeConfig;
  let customObjects: CustomObjectsApi;
  const profiles = {
    group: 'kubeflow.org',
    version: 'v1',
    plural: 'profiles',
  };

  beforeAll(async () => {
    const platform = await ensureLocalPlatform({ seed: false });
    kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(platform.kubeconfigPath);
    customObjects = kubeConfig.makeApiClient(CustomObjectsApi);
  }, 30 * 60_000);

  afterAll(async () => {
    await customObjects
      ?.deleteClusterCustomObject({ ...profiles, name: team })
      .catch(() => undefined);
  });

  it('applies a Kubeflow Profile owned by the team group, with the quota, instead of the raw objects', async () => {
    const provisioner = new NamespaceProvisioner({
      kubeConfig,
      cluster: { name: 'local', url: kubeConfig.getCurrentCluster()!.server },
      settings: readNamespaceSettings(
        new ConfigReader({
          mlPlatform: {
            namespaces: {
              kubeflowProfiles: true,
              kubernetesGroups: { teamPattern: 'oidc:{team}' },
            },
          },
        }),
      ),
      auth: mockServices.auth(),
      catalog: catalogServiceMock({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { name: team, namespace: 'default' },
            spec: { type: 'team', children: [] },
          },
        ],
      }),
      permissions: mockServices.permissions({ result: AuthorizeResult.ALLOW }),
      logger: mockServices.logger.mock(),
    });
    const result = await provisioner.provisionTeamNamespace(
      { team, size: 'small' },
      { credentials: mockCredentials.user('user:default/erin') },
    );
    expect(result.applied.map(a => a.object)).toEqual([`Profile/${team}`]);
    const profile = (await customObjects.getClusterCustomObject({
      ...profiles,
      name: team,
    })) as any;
    expect(profile.metadata.labels['ml-platform.io/team']).toBe(team);
    expect(profile.spec.owner).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'Group',
      name: `oidc:${team}`,
    });
    expect(profile.spec.resourceQuotaSpec.hard['requests.cpu']).toBe('2');

    // running it again is an update of the team's own Profile, not a conflict
    const again = await provisioner.provisionTeamNamespace(
      { team, size: 'medium' },
      { credentials: mockCredentials.user('user:default/erin') },
    );
    expect(again.applied[0].resourceVersion).not.toBe(
      result.applied[0].resourceVersion,
    );

    // the overview finds the namespace through the Profile's labels
    const overview = await new TeamOverviewReader(
      kubeConfig,
      { name: 'local', url: kubeConfig.getCurrentCluster()!.server },
      { kubeflowProfiles: true },
    ).read(team, `group:default/${team}`);
    expect(overview.namespaces.map(ns => ns.name)).toEqual([team]);
  });
});
