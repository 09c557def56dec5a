import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  CoreV1Api,
  HttpMethod,
  IsomorphicFetchHttpLibrary,
  KubeConfig,
  NetworkingV1Api,
  Observable,
  RbacAuthorizationV1Api,
  ResponseContext,
} from '@kubernetes/client-node';
import { ensureLocalPlatform } from '@ml-platform/local-platform';
import { makeKubeConfig } from '../kubeConfig';
import { NamespaceProvisioner } from './provisioner';
import { DEFAULT_SIZE_PRESETS } from './quota';
import { renderNamespaceObjects } from './renderNamespace';
import { readNamespaceSettings } from './settings';

const SETUP_TIMEOUT = 30 * 60_000;
jest.setTimeout(60_000);

const run = Date.now().toString(36);
const teamOfStep = (step: number) => `it-order-${run}-${step}`;

/** `Kind/name` of every object a team namespace gets, in the order they are applied. */
const applyOrderOf = (team: string) =>
  renderNamespaceObjects({
    name: team,
    team,
    quota: DEFAULT_SIZE_PRESETS.small,
  }).map(object => `${object.kind}/${object.metadata?.name}`);
const STEPS = applyOrderOf('any').map((_, index) => index + 1);

/**
 * Makes the `step`-th server-side apply (PATCH) sent from now on fail, as an
 * apiserver refusal would: the objects before it are applied, the rest not.
 */
function failApply(step: number) {
  const send = IsomorphicFetchHttpLibrary.prototype.send;
  let applies = 0;
  return jest
    .spyOn(IsomorphicFetchHttpLibrary.prototype, 'send')
    .mockImplementation(function injected(this: unknown, request) {
      if (request.getHttpMethod() === HttpMethod.PATCH && ++applies === step) {
        const body = JSON.stringify({
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          message: `injected failure of apply ${step}`,
          code: 500,
        });
        return new Observable(
          Promise.resolve(
            new ResponseContext(
              500,
              { 'content-type': 'application/json' },
              {
                text: async () => body,
                binary: async () => Buffer.from(body),
              },
            ),
          ),
        );
      }
      return send.call(this, request);
    });
}

describe('a namespace apply that fails half-way', () => {
  let kubeConfig: KubeConfig;
  let provisioner: NamespaceProvisioner;
  let core: CoreV1Api;
  let rbac: RbacAuthorizationV1Api;
  let networking: NetworkingV1Api;

  /** `Kind/name` of the suite's objects that exist in a namespace. */
  async function present(namespace: string): Promise<string[]> {
    const exists = await core.readNamespace({ name: namespace }).then(
      () => true,
      (error: any) =>
        error.code === 404 ? false : Promise.reject(error as Error),
    );
    if (!exists) {
      return [];
    }
    const labelSelector = 'app.kubernetes.io/managed-by=ml-platform';
    const lists = await Promise.all([
      core.listNamespacedResourceQuota({ namespace, labelSelector }),
      core.listNamespacedLimitRange({ namespace, labelSelector }),
      rbac.listNamespacedRoleBinding({ namespace, labelSelector }),
      networking.listNamespacedNetworkPolicy({ namespace, labelSelector }),
      core.listNamespacedServiceAccount({ namespace, labelSelector }),
    ]);
    const kinds = [
      'ResourceQuota',
      'LimitRange',
      'RoleBinding',
      'NetworkPolicy',
      'ServiceAccount',
    ];
    const found = lists.flatMap((list, index) =>
      list.items.map(item => `${kinds[index]}/${item.metadata?.name}`),
    );
    return applyOrderOf(namespace).filter(
      object => object === `Namespace/${namespace}` || found.includes(object),
    );
  }

  /** RoleBindings that let people into a namespace lacking its NetworkPolicy or ResourceQuota. */
  function accessWithoutIsolation(objects: string[]): string[] {
    const isolated =
      objects.includes('NetworkPolicy/ml-platform-isolation') &&
      objects.includes('ResourceQuota/ml-platform-quota');
    return isolated
      ? []
      : objects.filter(object => object.startsWith('RoleBinding/'));
  }

  beforeAll(async () => {
    const platform = await ensureLocalPlatform({ seed: false });
    const cluster = { name: 'local', url: platform.apiserverUrl };
    kubeConfig = makeKubeConfig({
      ...cluster,
      token: platform.adminToken,
      caData: platform.caData,
      skipTLSVerify: false,
    });
    provisioner = new NamespaceProvisioner({
      kubeConfig,
      cluster,
      settings: readNamespaceSettings(new ConfigReader({})),
      auth: mockServices.auth(),
      catalog: catalogServiceMock({
        entities: STEPS.map(step => ({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: teamOfStep(step), namespace: 'default' },
          spec: { type: 'team', children: [] },
        })),
      }),
      permissions: mockServices.permissions({ result: AuthorizeResult.ALLOW }),
      logger: mockServices.logger.mock(),
    });
    const admin = new KubeConfig();
    admin.loadFromFile(platform.kubeconfigPath);
    core = admin.makeApiClient(CoreV1Api);
    rbac = admin.makeApiClient(RbacAuthorizationV1Api);
    networking = admin.makeApiClient(NetworkingV1Api);
  }, SETUP_TIMEOUT);

  afterEach(() => {
    jest.restoreAllMocks();
  });

  afterAll(async () => {
    await Promise.all(
      STEPS.map(step =>
        core
          ?.deleteNamespace({ name: teamOfStep(step) })
          .catch(() => undefined),
      ),
    );
  });

  it('applies the objects in the order that grants access last', () => {
    expect(applyOrderOf('any').map(object => object.split('/')[0])).toEqual([
      'Namespace',
      'NetworkPolicy',
      'ResourceQuota',
      'LimitRange',
      'ServiceAccount',
      'RoleBinding',
      'RoleBinding',
      'RoleBinding',
    ]);
  });

  it.each(STEPS)(
    'a failure at apply %i keeps every RoleBinding behind its NetworkPolicy and ResourceQuota, and a re-run completes',
    async step => {
      const team = teamOfStep(step);
      const credentials = mockCredentials.user('user:default/erin');

      failApply(step);
      const error = await provisioner
        .provisionTeamNamespace({ team, size: 'small' }, { credentials })
        .then(
          () => undefined,
          (e: any) => e,
        );
      jest.restoreAllMocks();
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toContain(`injected failure of apply ${step}`);

      const afterFailure = await present(team);
      // the apply stopped at the failing object, after those before it
      expect(afterFailure).toEqual(applyOrderOf(team).slice(0, step - 1));
      expect(accessWithoutIsolation(afterFailure)).toEqual([]);

      const rerun = await provisioner.provisionTeamNamespace(
        { team, size: 'small' },
        { credentials },
      );
      expect(rerun.applied.map(applied => applied.object)).toEqual(
        applyOrderOf(team),
      );
      expect(await present(team)).toEqual(applyOrderOf(team));
    },
  );
});
