import { mockCredentials } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createProjectExperimentAction } from './projectExperiment';
import { createProjectNamespaceAction } from './projectNamespace';
import { createTeamNamespaceAction } from './teamNamespace';

/** The context of a task whose initiator is a service (a static token). */
const startedByAService = () => ({
  ...createMockActionContext({
    input: { team: 'fraud-detection', name: 'scoring' },
  }),
  getInitiatorCredentials: async () => mockCredentials.service(),
});

describe('the ml-platform actions act only for users', () => {
  const provisioner = {
    provisionTeamNamespace: jest.fn(),
    provisionProjectNamespace: jest.fn(),
  };
  const experiments = { ensure: jest.fn() };
  const actions = [
    createTeamNamespaceAction({ provisioner }),
    createProjectNamespaceAction({ provisioner }),
    createProjectExperimentAction({ experiments }),
  ];

  it.each(actions.map(action => [action.id, action] as const))(
    '%s fails a task started by a service before doing anything',
    async (_id, action) => {
      const ctx = startedByAService();
      await expect(action.handler(ctx as any)).rejects.toThrow(NotAllowedError);
      await expect(action.handler(ctx as any)).rejects.toThrow(
        'The ML platform acts only for signed-in users, and this call comes from the service "external:test-service"',
      );
      expect(provisioner.provisionTeamNamespace).not.toHaveBeenCalled();
      expect(provisioner.provisionProjectNamespace).not.toHaveBeenCalled();
      expect(experiments.ensure).not.toHaveBeenCalled();
    },
  );

  it('runs for a service that config gives a role', async () => {
    const action = createProjectExperimentAction({
      experiments: {
        ensure: jest.fn(async () => ({
          name: 'fraud-detection/scoring',
          outcome: 'created',
        })) as any,
      },
      servicePrincipalRoles: new Map([
        ['external:test-service', 'platform-admin'],
      ]),
    });
    const ctx = startedByAService();
    await action.handler(ctx as any);
    expect(ctx.output).toHaveBeenCalledWith(
      'experimentName',
      'fraud-detection/scoring',
    );
  });
});
