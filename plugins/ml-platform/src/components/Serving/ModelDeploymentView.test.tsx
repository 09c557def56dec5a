import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { PROJECT_NAMESPACE } from '../../testUtils/notebookFixtures';
import {
  fakeMlPlatformApi,
  responseError,
} from '../../testUtils/overviewFixtures';
import {
  canaryDeployment,
  deployment,
  deploymentResult,
  predictor,
  SERVING_GATEWAY_URL,
} from '../../testUtils/servingFixtures';
import { entityPageRouteRef } from './EntityLink';
import { ModelDeploymentView } from './ModelDeploymentView';

const SLOW_UI_TEST = 20_000;

function renderDeployment(api = fakeMlPlatformApi()) {
  return renderInTestApp(
    <ModelDeploymentView namespace={PROJECT_NAMESPACE} name="scorer" />,
    { apis: [[mlPlatformApiRef, api]] },
  );
}

function withDeployment(summary = canaryDeployment()) {
  return fakeMlPlatformApi({ getDeployment: jest.fn(async () => summary) });
}

async function predictorRow(name: string) {
  const table = await screen.findByTestId('predictors-table');
  const cell = within(table)
    .getAllByRole('cell')
    .find(c => c.textContent?.startsWith(name));
  return within(cell!.closest('tr')!);
}

describe('ModelDeploymentView', () => {
  it('shows progress while the deployment loads', async () => {
    const api = fakeMlPlatformApi({
      getDeployment: jest.fn(() => new Promise(() => {})),
    });
    renderDeployment(api);
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    expect(api.getDeployment).toHaveBeenCalledWith(PROJECT_NAMESPACE, 'scorer');
  });

  it('shows the facts, the predictors, how to call it and the history', async () => {
    renderDeployment(withDeployment());

    const facts = within(await screen.findByTestId('deployment-facts'));
    expect(facts.getByText('fraud-risk-classifier')).toBeInTheDocument();
    expect(facts.getByText('Creating')).toBeInTheDocument();
    expect(
      facts.getByText('Waiting for predictor v1 to be ready'),
    ).toBeInTheDocument();
    expect(
      facts.getByText(
        `${SERVING_GATEWAY_URL}/seldon/${PROJECT_NAMESPACE}/scorer/api/v1.0/predictions`,
      ),
    ).toBeInTheDocument();
    expect(
      facts.getByText(
        `http://scorer-default.${PROJECT_NAMESPACE}.svc.cluster.local:8000`,
      ),
    ).toBeInTheDocument();
    expect(
      facts.getByText('500m CPU · 1Gi memory per replica'),
    ).toBeInTheDocument();
    expect(facts.getByText('2 to 5 replicas')).toBeInTheDocument();

    const main = await predictorRow('v2');
    expect(main.getByText('main')).toBeInTheDocument();
    expect(main.getByText('80 %')).toBeInTheDocument();
    expect(main.getByText('2/2')).toBeInTheDocument();
    expect(
      main.queryByRole('button', { name: /^Promote/ }),
    ).not.toBeInTheDocument();
    const canary = await predictorRow('v3');
    expect(canary.getByText('20 %')).toBeInTheDocument();
    expect(
      canary.getByRole('button', { name: 'Promote v3' }),
    ).toBeInTheDocument();
    const shadow = await predictorRow('v1');
    expect(shadow.getByText('shadow')).toBeInTheDocument();
    expect(shadow.getByText('Pending')).toBeInTheDocument();
    expect(
      shadow.getByText('0/3 nodes are available: 3 Insufficient memory'),
    ).toBeInTheDocument();

    await waitFor(() =>
      expect(screen.getByTestId('how-to-call')).toHaveTextContent(
        'curl -X POST',
      ),
    );

    const history = within(screen.getByTestId('serving-history'));
    const items = history.getAllByRole('listitem');
    expect(items.map(item => item.firstChild?.textContent)).toEqual([
      'added version 1 as a shadow',
      'added version 3 at 20 % (version 2 at 80 %)',
      'deployed version 2 of fraud-risk-classifier',
    ]);
    expect(within(items[0]).getByText('bob')).toBeInTheDocument();
    expect(within(items[2]).getByText('alice')).toBeInTheDocument();

    // a canary and a shadow already: nothing more to add; rollback offered
    expect(screen.getByRole('button', { name: 'Add canary' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Set traffic' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Roll back' })).toBeEnabled();
  });

  it("links the model to its catalog entity when the app has the catalog's pages", async () => {
    renderInTestApp(
      <ModelDeploymentView namespace={PROJECT_NAMESPACE} name="scorer" />,
      {
        apis: [[mlPlatformApiRef, withDeployment()]],
        mountedRoutes: {
          '/catalog/:namespace/:kind/:name': entityPageRouteRef,
        },
      },
    );
    expect(
      await screen.findByRole('link', { name: 'Model fraud-risk-classifier' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/fraud-risk-classifier',
    );
    // each predictor's version opens the model's versions
    const versionLinks = screen.getAllByRole('link', {
      name: /^Version \d+ of fraud-risk-classifier$/,
    });
    expect(versionLinks.length).toBeGreaterThan(0);
    for (const link of versionLinks) {
      expect(link).toHaveAttribute(
        'href',
        '/catalog/default/resource/fraud-risk-classifier/model',
      );
    }
  });

  it('offers no roll back with a single predictor', async () => {
    renderDeployment(withDeployment(deployment()));
    expect(
      await screen.findByRole('button', { name: 'Add canary' }),
    ).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Set traffic' })).toBeDisabled();
    expect(
      screen.queryByRole('button', { name: 'Roll back' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Delete deployment' }),
    ).toBeEnabled();
  });

  it(
    'checks that the shares add up to 100 before setting the traffic',
    async () => {
      const api = withDeployment();
      renderDeployment(api);

      await userEvent.click(
        await screen.findByRole('button', { name: 'Set traffic' }),
      );
      const dialog = within(await screen.findByRole('dialog'));
      // one field per predictor that takes traffic, none for the shadow
      expect(dialog.getByLabelText('Traffic to v2')).toHaveValue(80);
      expect(dialog.getByLabelText('Traffic to v3')).toHaveValue(20);
      expect(dialog.queryByLabelText('Traffic to v1')).not.toBeInTheDocument();

      const v3 = dialog.getByLabelText('Traffic to v3');
      await userEvent.clear(v3);
      await userEvent.type(v3, '30');
      expect(dialog.getByTestId('traffic-issue')).toHaveTextContent(
        'The shares add up to 110 %: they must add up to 100 %.',
      );
      expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();

      const v2 = dialog.getByLabelText('Traffic to v2');
      await userEvent.clear(v2);
      await userEvent.type(v2, '70');
      expect(dialog.queryByTestId('traffic-issue')).not.toBeInTheDocument();
      await userEvent.click(dialog.getByRole('button', { name: 'Save' }));

      expect(
        await screen.findByText('Set the traffic of scorer: v2 70 %, v3 30 %.'),
      ).toBeInTheDocument();
      expect(api.setTraffic).toHaveBeenCalledWith(PROJECT_NAMESPACE, 'scorer', {
        v2: 70,
        v3: 30,
      });
      await waitFor(() => expect(api.getDeployment).toHaveBeenCalledTimes(2));
    },
    SLOW_UI_TEST,
  );

  it(
    'shows the backend refusal of a traffic change in the dialog',
    async () => {
      const api = fakeMlPlatformApi({
        getDeployment: jest.fn(async () => canaryDeployment()),
        setTraffic: jest.fn(async () => {
          throw await responseError(
            409,
            'Deployment "scorer" changed meanwhile: reload it',
          );
        }),
      });
      renderDeployment(api);

      await userEvent.click(
        await screen.findByRole('button', { name: 'Set traffic' }),
      );
      const dialog = within(await screen.findByRole('dialog'));
      await userEvent.click(dialog.getByRole('button', { name: 'Save' }));
      expect(await dialog.findByTestId('backend-error')).toHaveTextContent(
        'Deployment "scorer" changed meanwhile: reload it',
      );
    },
    SLOW_UI_TEST,
  );

  it(
    'promotes a predictor after asking, and reloads',
    async () => {
      const api = withDeployment();
      api.promotePredictor.mockResolvedValue(
        deploymentResult(
          deployment({ predictors: [predictor({ version: '3' })] }),
          { notes: ['The pods of v2 and v1 go.'] },
        ),
      );
      renderDeployment(api);

      await userEvent.click(
        (await predictorRow('v3')).getByRole('button', { name: 'Promote v3' }),
      );
      const dialog = within(await screen.findByRole('dialog'));
      expect(dialog.getByText('Promote v3?')).toBeInTheDocument();
      expect(
        dialog.getByText(
          'v3 (version 3) takes all the traffic and becomes the main predictor; v2, v1 are removed.',
        ),
      ).toBeInTheDocument();
      await userEvent.click(dialog.getByRole('button', { name: 'Promote' }));

      expect(
        await screen.findByText(
          'Promoted v3: it takes all the traffic now. The pods of v2 and v1 go.',
        ),
      ).toBeInTheDocument();
      expect(api.promotePredictor).toHaveBeenCalledWith(
        PROJECT_NAMESPACE,
        'scorer',
        'v3',
      );
      await waitFor(() => expect(api.getDeployment).toHaveBeenCalledTimes(2));
    },
    SLOW_UI_TEST,
  );

  it(
    'rolls back after asking, and shows a refusal in the backend words',
    async () => {
      const api = withDeployment();
      api.rollbackDeployment
        .mockRejectedValueOnce(
          await responseError(
            409,
            'Deployment "scorer" serves only version 2: there is nothing to roll back',
          ),
        )
        .mockResolvedValueOnce(deploymentResult(deployment()));
      renderDeployment(api);

      const rollBack = async () => {
        await userEvent.click(
          await screen.findByRole('button', { name: 'Roll back' }),
        );
        const dialog = within(await screen.findByRole('dialog'));
        expect(dialog.getByText('Roll back scorer to v2?')).toBeInTheDocument();
        await userEvent.click(
          dialog.getByRole('button', { name: 'Roll back' }),
        );
      };

      await rollBack();
      expect(
        await screen.findByText(
          'Could not roll back deployment scorer: Deployment "scorer" serves only version 2: there is nothing to roll back',
        ),
      ).toBeInTheDocument();
      expect(api.getDeployment).toHaveBeenCalledTimes(1);

      await rollBack();
      expect(
        await screen.findByText(
          'Rolled back to v2: it takes all the traffic again.',
        ),
      ).toBeInTheDocument();
      expect(api.rollbackDeployment).toHaveBeenCalledWith(
        PROJECT_NAMESPACE,
        'scorer',
      );
      await waitFor(() => expect(api.getDeployment).toHaveBeenCalledTimes(2));
    },
    SLOW_UI_TEST,
  );

  it(
    'adds a canary of a version the deployment does not serve yet',
    async () => {
      const api = withDeployment(deployment());
      renderDeployment(api);

      await userEvent.click(
        await screen.findByRole('button', { name: 'Add canary' }),
      );
      const dialog = within(await screen.findByRole('dialog'));
      const select = await dialog.findByLabelText('Version or alias');
      // v2 serves already: neither it nor the champion alias is offered
      expect(
        within(select)
          .getAllByRole('option')
          .map(o => o.textContent),
      ).toEqual(['v3', 'v1 (challenger)', 'alias challenger → v1']);
      expect(select).toHaveValue('version:3');
      expect(api.getModel).toHaveBeenCalledWith('fraud-risk-classifier');

      const traffic = dialog.getByLabelText('Traffic to the canary');
      await userEvent.clear(traffic);
      await userEvent.type(traffic, '100');
      expect(
        dialog.getByText(
          'The canary takes a whole percent of the traffic from 1 to 99.',
        ),
      ).toBeInTheDocument();
      expect(dialog.getByRole('button', { name: 'Add' })).toBeDisabled();
      await userEvent.clear(traffic);
      await userEvent.type(traffic, '25');
      await userEvent.click(dialog.getByRole('button', { name: 'Add' }));

      expect(
        await screen.findByText('Added v3 to scorer at 25 % of the traffic.'),
      ).toBeInTheDocument();
      expect(api.addPredictor).toHaveBeenCalledWith(
        PROJECT_NAMESPACE,
        'scorer',
        { version: '3', traffic: 25 },
      );
      await waitFor(() => expect(api.getDeployment).toHaveBeenCalledTimes(2));
    },
    SLOW_UI_TEST,
  );

  it(
    'adds a shadow',
    async () => {
      const api = withDeployment(deployment());
      renderDeployment(api);

      await userEvent.click(
        await screen.findByRole('button', { name: 'Add canary' }),
      );
      const dialog = within(await screen.findByRole('dialog'));
      await userEvent.selectOptions(
        await dialog.findByLabelText('Version or alias'),
        'alias:challenger',
      );
      await userEvent.click(dialog.getByLabelText(/^Shadow/));
      expect(
        dialog.queryByLabelText('Traffic to the canary'),
      ).not.toBeInTheDocument();
      await userEvent.click(dialog.getByRole('button', { name: 'Add' }));

      expect(
        await screen.findByText('Added v1 as a shadow of scorer.'),
      ).toBeInTheDocument();
      expect(api.addPredictor).toHaveBeenCalledWith(
        PROJECT_NAMESPACE,
        'scorer',
        { alias: 'challenger', shadow: true },
      );
    },
    SLOW_UI_TEST,
  );

  it(
    'deletes the deployment after asking',
    async () => {
      const api = withDeployment(deployment());
      renderDeployment(api);

      await userEvent.click(
        await screen.findByRole('button', { name: 'Delete deployment' }),
      );
      const dialog = within(await screen.findByRole('dialog'));
      expect(dialog.getByText('Delete deployment scorer?')).toBeInTheDocument();
      await userEvent.click(dialog.getByRole('button', { name: 'Delete' }));

      expect(
        await screen.findByText('Deployment scorer is deleted'),
      ).toBeInTheDocument();
      expect(
        screen.getByText('Deleted deployment scorer.'),
      ).toBeInTheDocument();
      expect(api.deleteDeployment).toHaveBeenCalledWith(
        PROJECT_NAMESPACE,
        'scorer',
      );
      expect(api.getDeployment).toHaveBeenCalledTimes(1);
    },
    SLOW_UI_TEST,
  );

  it('tells a user outside the team that the deployment is not theirs', async () => {
    renderDeployment(
      fakeMlPlatformApi({
        getDeployment: jest
          .fn()
          .mockRejectedValue(
            await responseError(
              403,
              'You are not a member of team fraud-detection',
            ),
          ),
      }),
    );
    expect(
      await screen.findByText(
        'Warning: You are not a member of the team that owns this deployment',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('You are not a member of team fraud-detection'),
    ).toBeInTheDocument();
  });

  it('says when the deployment is gone', async () => {
    renderDeployment(
      fakeMlPlatformApi({
        getDeployment: jest
          .fn()
          .mockRejectedValue(
            await responseError(404, 'No SeldonDeployment scorer'),
          ),
      }),
    );
    expect(
      await screen.findByText(
        `No deployment scorer in namespace ${PROJECT_NAMESPACE}`,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/No SeldonDeployment scorer/)).toBeInTheDocument();
  });

  it('shows other errors and tries again', async () => {
    const api = fakeMlPlatformApi({
      getDeployment: jest
        .fn()
        .mockRejectedValueOnce(
          await responseError(503, 'Cluster local is unreachable'),
        )
        .mockResolvedValueOnce(deployment()),
    });
    renderDeployment(api);
    expect(
      await screen.findByText(
        /Could not read deployment fraud-detection-transaction-risk\/scorer/,
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('predictors-table')).toBeInTheDocument();
  });
});
