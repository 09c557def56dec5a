import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ensureLocalPlatform } from '@ml-platform/local-platform';
import { MlflowClient } from './MlflowClient';
import { ProjectExperiments } from './projectExperiment';

jest.setTimeout(60_000);

describe('project experiments on the local MLflow', () => {
  const run = Date.now().toString(36);
  const team = `it-exp-${run}`;
  const credentials = mockCredentials.user('user:default/alice');
  let client: MlflowClient;
  let baseUrl: string;
  const created: string[] = [];

  const onWritten = jest.fn(async () => undefined);
  const experiments = (result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) =>
    new ProjectExperiments({
      client,
      externalUrl: baseUrl,
      permissions: mockServices.permissions({ result }),
      onWritten,
    });

  beforeEach(() => onWritten.mockClear());

  beforeAll(async () => {
    const platform = await ensureLocalPlatform({ seed: false });
    baseUrl = platform.mlflowUrl;
    client = new MlflowClient({ baseUrl });
  }, 30 * 60_000);

  afterAll(async () => {
    for (const id of created) {
      await client?.deleteExperiment(id).catch(() => undefined);
    }
  });

  it('creates the experiment tagged with team and project, and reuses it on a second run', async () => {
    const first = await experiments(AuthorizeResult.ALLOW).ensure(
      { team, project: 'scoring' },
      { credentials },
    );
    expect(first).toMatchObject({
      name: `${team}/scoring`,
      outcome: 'created',
      url: `${baseUrl}/#/experiments/${first.experimentId}`,
    });
    created.push(first.experimentId!);
    // the portal's shared MLflow reads are told to read again
    expect(onWritten).toHaveBeenCalledTimes(1);
    const stored = await client.getExperiment(first.experimentId!);
    expect(stored.tags).toEqual(
      expect.arrayContaining([
        { key: 'ml-platform.io/team', value: team },
        { key: 'ml-platform.io/project', value: 'scoring' },
      ]),
    );
    const second = await experiments(AuthorizeResult.ALLOW).ensure(
      { team, project: 'scoring' },
      { credentials },
    );
    expect(second).toMatchObject({
      experimentId: first.experimentId,
      outcome: 'reused',
    });
    expect(onWritten).toHaveBeenCalledTimes(1);
  });

  it('refuses an experiment of the same name that belongs to another team', async () => {
    const id = await client.createExperiment(`${team}/taken`, {
      'ml-platform.io/team': 'someone-else',
    });
    created.push(id);
    await expect(
      experiments(AuthorizeResult.ALLOW).ensure(
        { team, project: 'taken' },
        { credentials },
      ),
    ).rejects.toThrow(
      `name MLflow experiment "${team}/taken" exists and belongs to team "someone-else"`,
    );
  });

  it('a dry-run creates nothing, and a non-member is refused', async () => {
    const dry = await experiments(AuthorizeResult.ALLOW).ensure(
      { team, project: 'planned' },
      { credentials, dryRun: true },
    );
    expect(dry).toEqual({
      name: `${team}/planned`,
      outcome: 'would create',
      experimentId: undefined,
    });
    expect(await client.getExperimentByName(`${team}/planned`)).toBeUndefined();
    await expect(
      experiments(AuthorizeResult.DENY).ensure(
        { team, project: 'planned' },
        { credentials },
      ),
    ).rejects.toThrow(`You are not a member of team "${team}"`);
    expect(await client.getExperimentByName(`${team}/planned`)).toBeUndefined();
    expect(onWritten).not.toHaveBeenCalled();
  });
});
