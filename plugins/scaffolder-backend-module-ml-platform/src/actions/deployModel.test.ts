import { mockCredentials } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { ServingServiceApi } from '@ml-platform/backstage-plugin-ml-platform-node';
import { createDeployModelAction } from './deployModel';

const result = {
  cluster: 'local',
  namespace: 'fraud-detection-transaction-risk',
  name: 'fraud-risk',
  dryRun: false,
  manifests: [],
  applied: [{ object: 'SeldonDeployment/fraud-risk', resourceVersion: '7' }],
  notes: [],
  predictionUrl:
    'http://gateway/seldon/fraud-detection-transaction-risk/fraud-risk/api/v1.0/predictions',
  curlExample: "curl -X POST 'http://gateway/...'",
};

/** The mock context, with what it does not take as options: the initiator and dry-run. */
function context(
  input: Record<string, unknown>,
  overrides: Record<string, unknown> = {},
) {
  return {
    ...createMockActionContext({ input: input as any }),
    getInitiatorCredentials: async () =>
      mockCredentials.user('user:default/alice'),
    ...overrides,
  } as ReturnType<typeof createMockActionContext<any>>;
}

function setup() {
  const deploy = jest.fn(async () => result);
  const action = createDeployModelAction({
    serving: { deploy } as unknown as ServingServiceApi,
  });
  return { deploy, action };
}

describe('ml-platform:model:deploy', () => {
  it("deploys into the project's namespace as the task's user, the model given by its entity ref, and outputs where it answers", async () => {
    const { deploy, action } = setup();
    const ctx = context({
      project: 'component:default/fraud-detection-transaction-risk',
      model: 'resource:default/fraud-risk-classifier',
      alias: 'champion',
      name: 'fraud-risk',
      cpu: '500m',
      memory: '',
    });
    await action.handler(ctx);
    expect(deploy).toHaveBeenCalledWith(
      'fraud-detection-transaction-risk',
      {
        model: 'fraud-risk-classifier',
        alias: 'champion',
        name: 'fraud-risk',
        cpu: '500m',
      },
      {
        credentials: mockCredentials.user('user:default/alice'),
        dryRun: undefined,
      },
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'predictionUrl',
      result.predictionUrl,
    );
    expect(ctx.output).toHaveBeenCalledWith('curlExample', result.curlExample);
  });

  it("checks only, on the template's dry-run", async () => {
    const { deploy, action } = setup();
    const ctx = context(
      {
        project: 'fraud-detection-transaction-risk',
        model: 'fraud-risk-classifier',
        version: '3',
        name: 'fraud-risk',
      },
      { isDryRun: true },
    );
    await action.handler(ctx);
    expect(deploy).toHaveBeenCalledWith(
      'fraud-detection-transaction-risk',
      expect.objectContaining({ model: 'fraud-risk-classifier', version: '3' }),
      expect.objectContaining({ dryRun: true }),
    );
  });

  it('refuses a task started by a service, before it deploys anything', async () => {
    const { deploy, action } = setup();
    const ctx = context(
      {
        project: 'fraud-detection-transaction-risk',
        model: 'fraud-risk-classifier',
        alias: 'champion',
        name: 'fraud-risk',
      },
      { getInitiatorCredentials: async () => mockCredentials.service() },
    );
    await expect(action.handler(ctx)).rejects.toThrow(/user/);
    expect(deploy).not.toHaveBeenCalled();
  });

  it('declares dry-run support and an example', () => {
    const { action } = setup();
    expect(action.supportsDryRun).toBe(true);
    expect(action.examples?.[0].example).toContain('ml-platform:model:deploy');
  });
});
