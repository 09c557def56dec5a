import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { PROJECT_NAMESPACE, TEAM } from '../../testUtils/notebookFixtures';
import {
  fakeMlPlatformApi,
  responseError,
} from '../../testUtils/overviewFixtures';
import {
  canaryDeployment,
  deployment,
  deploymentResult,
  modelServing,
  SERVING_GATEWAY_URL,
} from '../../testUtils/servingFixtures';
import { ModelOverview } from '../Model/ModelOverview';
import { entityPageRouteRef } from './EntityLink';

/** Tests that open dialogs and act: slow on a busy machine. */
const SLOW_UI_TEST = 20_000;

const DEPLOY = 'Deploy this version';

function renderModel(
  api = fakeMlPlatformApi(),
  options: { withCatalog?: boolean } = {},
) {
  return renderInTestApp(
    <ModelOverview name="fraud-risk-classifier" team={TEAM} />,
    {
      apis: [[mlPlatformApiRef, api]],
      ...(options.withCatalog
        ? {
            mountedRoutes: {
              '/catalog/:namespace/:kind/:name': entityPageRouteRef,
            },
          }
        : {}),
    },
  );
}

async function servingSection() {
  return within(await screen.findByTestId('model-serving'));
}

function bodyRows(container: HTMLElement) {
  return within(container)
    .getAllByRole('row')
    .filter(row => within(row).queryAllByRole('cell').length > 0);
}

describe('the Serving section of a model', () => {
  it('shows where each version serves: predictor, traffic, replicas, state and URL', async () => {
    const api = fakeMlPlatformApi({
      getModelServing: jest.fn(async () =>
        modelServing({ deployments: [canaryDeployment()] }),
      ),
    });
    renderModel(api);

    const section = await servingSection();
    const table = await section.findByTestId('serving-table');
    const rows = bodyRows(table).map(row => within(row));
    expect(rows).toHaveLength(3);
    // the main predictor first, the shadow last
    expect(rows.map(row => row.getAllByRole('cell')[1].textContent)).toEqual([
      'v2main',
      'v3',
      'v1',
    ]);
    expect(
      rows[0].getByText(`${PROJECT_NAMESPACE}/scorer`),
    ).toBeInTheDocument();
    expect(rows[0].getByText('Creating · seldon protocol')).toBeInTheDocument();
    expect(rows[0].getByText('80 %')).toBeInTheDocument();
    expect(rows[0].getByText('2/2')).toBeInTheDocument();
    expect(rows[0].getByText('Ready')).toBeInTheDocument();
    expect(rows[1].getByText('20 %')).toBeInTheDocument();
    expect(rows[2].getByText('shadow')).toBeInTheDocument();
    expect(rows[2].getByText('0/1')).toBeInTheDocument();
    expect(rows[2].getByText('Pending')).toBeInTheDocument();
    expect(
      rows[2].getByText('0/3 nodes are available: 3 Insufficient memory'),
    ).toBeInTheDocument();
    expect(
      rows[0].getByText(
        `${SERVING_GATEWAY_URL}/seldon/${PROJECT_NAMESPACE}/scorer/api/v1.0/predictions`,
      ),
    ).toBeInTheDocument();
    expect(
      rows[0].getByLabelText('Copy the prediction URL of scorer'),
    ).toBeInTheDocument();
    // who may deploy gets the button above the table
    expect(section.getByRole('button', { name: DEPLOY })).toBeInTheDocument();
    expect(api.getModelServing).toHaveBeenCalledWith('fraud-risk-classifier');
  });

  it("links a deployment to its catalog entity when the app has the catalog's pages", async () => {
    renderModel(
      fakeMlPlatformApi({
        getModelServing: jest.fn(async () =>
          modelServing({ deployments: [deployment()] }),
        ),
      }),
      { withCatalog: true },
    );

    const section = await servingSection();
    expect(
      await section.findByRole('link', {
        name: `Deployment ${PROJECT_NAMESPACE}/scorer`,
      }),
    ).toHaveAttribute(
      'href',
      `/catalog/default/component/${PROJECT_NAMESPACE}.scorer`,
    );
  });

  it('says no version serves yet and offers to deploy one, also per version', async () => {
    renderModel();

    const section = await servingSection();
    expect(
      await section.findByText('No version of this model serves yet'),
    ).toBeInTheDocument();
    expect(section.getByRole('button', { name: DEPLOY })).toBeInTheDocument();
    const versions = await screen.findByTestId('model-versions-table');
    expect(
      within(versions).getAllByRole('button', { name: DEPLOY }),
    ).toHaveLength(3);
  });

  it('shows no Deploy button to those who may not deploy, and says why', async () => {
    const reason =
      'Only members of team "fraud-detection" (which owns the model) and platform admins may deploy it';
    renderModel(
      fakeMlPlatformApi({
        getModelServing: jest.fn(async () =>
          modelServing({
            canDeploy: false,
            cannotDeployReason: reason,
            namespaces: [],
          }),
        ),
      }),
    );

    const section = await servingSection();
    expect(
      await section.findByText('No version of this model serves yet'),
    ).toBeInTheDocument();
    expect(section.getByText(reason)).toBeInTheDocument();
    await screen.findByTestId('model-versions-table');
    expect(
      screen.queryByRole('button', { name: DEPLOY }),
    ).not.toBeInTheDocument();
  });

  it('lists the deployments without a Deploy button for those who may not deploy', async () => {
    renderModel(
      fakeMlPlatformApi({
        getModelServing: jest.fn(async () =>
          modelServing({
            canDeploy: false,
            cannotDeployReason: 'Not your team',
            namespaces: [],
            deployments: [deployment()],
          }),
        ),
      }),
    );

    const section = await servingSection();
    expect(await section.findByTestId('serving-table')).toBeInTheDocument();
    expect(section.getByTestId('cannot-deploy-reason')).toHaveTextContent(
      'Not your team',
    );
    expect(
      screen.queryByRole('button', { name: DEPLOY }),
    ).not.toBeInTheDocument();
  });

  it('shows the backend error when where the model serves cannot be read', async () => {
    const down = await responseError(503, 'Cluster local is unreachable');
    renderModel(
      fakeMlPlatformApi({ getModelServing: jest.fn().mockRejectedValue(down) }),
    );

    const section = await servingSection();
    expect(
      await section.findByText(
        /Could not read where model fraud-risk-classifier serves/,
      ),
    ).toBeInTheDocument();
    // the versions are shown all the same
    expect(screen.getByTestId('model-versions-table')).toBeInTheDocument();
  });
});

async function openDeployDialog(from: 'serving' | 'version', index = 0) {
  if (from === 'serving') {
    const section = await servingSection();
    await userEvent.click(await section.findByRole('button', { name: DEPLOY }));
  } else {
    const versions = await screen.findByTestId('model-versions-table');
    await userEvent.click(
      (
        await within(versions).findAllByRole('button', { name: DEPLOY })
      )[index],
    );
  }
  return within(await screen.findByRole('dialog'));
}

describe('the deploy dialog', () => {
  it(
    'starts with the champion and the defaults',
    async () => {
      renderModel();
      const dialog = await openDeployDialog('serving');

      expect(
        dialog.getByText(
          'Deploy fraud-risk-classifier version 2 (alias champion)',
        ),
      ).toBeInTheDocument();
      expect(dialog.getByLabelText('Version or alias')).toHaveValue(
        'alias:champion',
      );
      expect(dialog.getByLabelText('Namespace')).toHaveValue(TEAM);
      expect(
        within(dialog.getByLabelText('Namespace')).getAllByRole('option'),
      ).toHaveLength(2);
      expect(dialog.getByLabelText('Deployment name')).toHaveValue(
        'fraud-risk-classifier',
      );
      expect(dialog.getByLabelText('Protocol')).toHaveValue('seldon');
      expect(dialog.getByLabelText('Replicas')).toHaveValue(1);
      expect(dialog.getByLabelText('CPU')).toHaveValue('500m');
      expect(dialog.getByLabelText('Memory')).toHaveValue('1Gi');
      expect(dialog.getByRole('button', { name: 'Deploy' })).toBeEnabled();
      expect(
        dialog.getByRole('button', { name: 'Check (dry run)' }),
      ).toBeEnabled();
    },
    SLOW_UI_TEST,
  );

  it(
    "starts with a version row's version",
    async () => {
      renderModel();
      // rows newest first: v3, v2, v1
      const dialog = await openDeployDialog('version', 2);
      expect(dialog.getByLabelText('Version or alias')).toHaveValue(
        'version:1',
      );
      expect(
        dialog.getByText('Deploy fraud-risk-classifier version 1'),
      ).toBeInTheDocument();
    },
    SLOW_UI_TEST,
  );

  it(
    'checks with a dry run and shows the notes',
    async () => {
      const api = fakeMlPlatformApi({
        deployModel: jest.fn(async (namespace: string) =>
          deploymentResult(deployment({ namespace }), {
            dryRun: true,
            notes: ['Validated by the apiserver of cluster local (dry run)'],
          }),
        ),
      });
      renderModel(api);
      const dialog = await openDeployDialog('serving');

      await userEvent.click(
        dialog.getByRole('button', { name: 'Check (dry run)' }),
      );
      const result = within(await dialog.findByTestId('dry-run-result'));
      expect(
        result.getByText(
          'Validated by the apiserver of cluster local (dry run)',
        ),
      ).toBeInTheDocument();
      expect(api.deployModel).toHaveBeenCalledWith(TEAM, {
        model: 'fraud-risk-classifier',
        alias: 'champion',
        name: 'fraud-risk-classifier',
        protocol: 'seldon',
        replicas: 1,
        cpu: '500m',
        memory: '1Gi',
        dryRun: true,
      });
      // a dry run changes nothing: the Serving section is not read again
      expect(api.getModelServing).toHaveBeenCalledTimes(1);
    },
    SLOW_UI_TEST,
  );

  it(
    'deploys what the form says, shows how to call it and reads the serving again',
    async () => {
      const api = fakeMlPlatformApi();
      renderModel(api);
      const dialog = await openDeployDialog('serving');

      await userEvent.selectOptions(
        dialog.getByLabelText('Version or alias'),
        'version:3',
      );
      await userEvent.selectOptions(
        dialog.getByLabelText('Namespace'),
        PROJECT_NAMESPACE,
      );
      const name = dialog.getByLabelText('Deployment name');
      await userEvent.clear(name);
      await userEvent.type(name, 'scorer');
      await userEvent.selectOptions(dialog.getByLabelText('Protocol'), 'v2');
      const replicas = dialog.getByLabelText('Replicas');
      await userEvent.clear(replicas);
      await userEvent.type(replicas, '2');
      const cpu = dialog.getByLabelText('CPU');
      await userEvent.clear(cpu);
      await userEvent.type(cpu, '1');
      await userEvent.click(dialog.getByLabelText('Autoscaling'));
      const max = dialog.getByLabelText('Maximum replicas');
      await userEvent.clear(max);
      await userEvent.type(max, '4');
      await userEvent.click(dialog.getByRole('button', { name: 'Deploy' }));

      expect(
        await dialog.findByText(
          `Deployed fraud-risk-classifier version 3 as ${PROJECT_NAMESPACE}/scorer.`,
        ),
      ).toBeInTheDocument();
      expect(api.deployModel).toHaveBeenCalledWith(PROJECT_NAMESPACE, {
        model: 'fraud-risk-classifier',
        version: '3',
        name: 'scorer',
        protocol: 'v2',
        replicas: 2,
        cpu: '1',
        memory: '1Gi',
        autoscaling: { minReplicas: 1, maxReplicas: 4 },
      });
      const howToCall = within(dialog.getByTestId('how-to-call'));
      expect(
        howToCall.getByText(
          `${SERVING_GATEWAY_URL}/seldon/${PROJECT_NAMESPACE}/scorer/api/v1.0/predictions`,
        ),
      ).toBeInTheDocument();
      await waitFor(() =>
        expect(howToCall.getByText(/curl -X POST/)).toBeInTheDocument(),
      );
      expect(
        dialog.queryByRole('button', { name: 'Deploy' }),
      ).not.toBeInTheDocument();
      await waitFor(() => expect(api.getModelServing).toHaveBeenCalledTimes(2));

      await userEvent.click(dialog.getByRole('button', { name: 'Close' }));
      await waitFor(() =>
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
      );
    },
    SLOW_UI_TEST,
  );

  it(
    'shows the backend refusal as it is',
    async () => {
      const refusal =
        'replicas × cpu (2 × 4) exceeds what namespace fraud-detection may still request: requests.cpu 4, 3 used';
      const api = fakeMlPlatformApi({
        deployModel: jest.fn(async () => {
          throw await responseError(400, refusal);
        }),
      });
      renderModel(api);
      const dialog = await openDeployDialog('serving');

      await userEvent.click(dialog.getByRole('button', { name: 'Deploy' }));
      expect(await dialog.findByTestId('backend-error')).toHaveTextContent(
        refusal,
      );
      // still open, to fix and try again
      expect(dialog.getByRole('button', { name: 'Deploy' })).toBeEnabled();
      expect(api.getModelServing).toHaveBeenCalledTimes(1);
    },
    SLOW_UI_TEST,
  );

  it(
    'checks the fields before the backend sees them',
    async () => {
      const api = fakeMlPlatformApi();
      renderModel(api);
      const dialog = await openDeployDialog('serving');

      const name = dialog.getByLabelText('Deployment name');
      await userEvent.clear(name);
      await userEvent.type(name, 'My Scorer');
      expect(
        dialog.getByText(/must consist of lower case letters/),
      ).toBeInTheDocument();
      expect(dialog.getByRole('button', { name: 'Deploy' })).toBeDisabled();
      expect(
        dialog.getByRole('button', { name: 'Check (dry run)' }),
      ).toBeDisabled();
      expect(api.deployModel).not.toHaveBeenCalled();
    },
    SLOW_UI_TEST,
  );
});
