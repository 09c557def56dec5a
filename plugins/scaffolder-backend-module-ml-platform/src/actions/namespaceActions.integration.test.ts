import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import {
  NamespaceProvisioner,
  readNamespaceSettings,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import { ConfigReader } from '@backstage/config';
import { ensureLocalPlatform } from '@ml-platform/local-platform';
import { createProjectNamespaceAction } from './projectNamespace';
import { createTeamNamespaceAction } from './teamNamespace';

jest.setTimeout(60_000);

const team = `it-sc-${Date.now().toString(36)}`;

describe('the namespace actions on the local cluster', () => {
  let kubeConfig: KubeConfig;
  let core: CoreV1Api;

  const provisioner = (result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) =>
    new NamespaceProvisioner({
      kubeConfig,
      cluster: { name: 'local', url: kubeConfig.getCurrentCluster()!.server },
      settings: readNamespaceSettings(new ConfigReader({})),
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
      permissions: mockServices.permissions({ result }),
      logger: mockServices.logger.mock(),
    });

  beforeAll(async () => {
    const platform = await ensureLocalPlatform({ seed: false });
    kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(platform.kubeconfigPath);
    core = kubeConfig.makeApiClient(CoreV1Api);
  }, 30 * 60_000);

  afterAll(async () => {
    for (const name of [team, `${team}-churn`]) {
      await core?.deleteNamespace({ name }).catch(() => undefined);
    }
  });

  it('dry-run logs the exact objects and the verdict, and creates nothing', async () => {
    const action = createTeamNamespaceAction({
      provisioner: provisioner(AuthorizeResult.ALLOW),
    });
    const ctx = {
      ...createMockActionContext({
        input: { team: `group:default/${team}`, size: 'small' },
      }),
      isDryRun: true,
    };
    const info = jest.spyOn(ctx.logger, 'info');
    await action.handler(ctx);
    const logged = info.mock.calls.map(call => String(call[0])).join('\n');
    expect(logged).toContain('kind: ResourceQuota');
    expect(logged).toContain("requests.nvidia.com/gpu: '0'");
    expect(logged).toContain(
      'Dry-run accepted by the apiserver of cluster "local"',
    );
    expect(logged).toContain('does not exist yet');
    expect(ctx.output).toHaveBeenCalledWith('namespace', team);
    await expect(core.readNamespace({ name: team })).rejects.toMatchObject({
      code: 404,
    });
  });

  it('applies the team namespace, then a project; a retried step changes nothing', async () => {
    const allow = provisioner(AuthorizeResult.ALLOW);
    await createTeamNamespaceAction({ provisioner: allow }).handler(
      createMockActionContext({ input: { team, size: 'medium' } }),
    );
    const project = createProjectNamespaceAction({ provisioner: allow });
    const input = { team, name: 'churn', size: 'small' };
    const first = createMockActionContext({ input });
    await project.handler(first);
    expect(first.output).toHaveBeenCalledWith(
      'componentRef',
      `component:default/${team}-churn`,
    );
    const before = await core.readNamespace({ name: `${team}-churn` });
    await project.handler(createMockActionContext({ input }));
    const after = await core.readNamespace({ name: `${team}-churn` });
    expect(after.metadata?.resourceVersion).toBe(
      before.metadata?.resourceVersion,
    );
  });

  it('fails the step with the reason when the policy denies it', async () => {
    const action = createProjectNamespaceAction({
      provisioner: provisioner(AuthorizeResult.DENY),
    });
    await expect(
      action.handler(
        createMockActionContext({
          input: { team, name: 'denied', size: 'small' },
        }),
      ),
    ).rejects.toThrow(
      `You are not a member of team "${team}", so you may not create or change its projects`,
    );
    await expect(
      core.readNamespace({ name: `${team}-denied` }),
    ).rejects.toMatchObject({ code: 404 });
  });
});
