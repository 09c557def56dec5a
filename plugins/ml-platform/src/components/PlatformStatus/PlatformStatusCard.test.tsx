import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { MlPlatformClient, mlPlatformApiRef } from '../../api/MlPlatformClient';
import { PlatformStatusCard } from './PlatformStatusCard';

const baseUrl = 'http://localhost:7007/api/ml-platform';
const client = new MlPlatformClient({
  discoveryApi: { getBaseUrl: async () => baseUrl },
  fetchApi: { fetch: (input, init) => fetch(input, init) },
});

describe('PlatformStatusCard', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('shows each system with its state and what to do when one is down', async () => {
    server.use(
      http.get(`${baseUrl}/status`, () =>
        HttpResponse.json({
          environmentName: 'local platform',
          connections: [
            {
              component: 'kubernetes',
              endpoint: 'https://127.0.0.1:16443',
              state: 'ok',
              detail: 'Kubernetes v1.34.4',
              latencyMs: 12,
            },
            {
              component: 'mlflow',
              endpoint: 'http://127.0.0.1:15000',
              state: 'down',
              detail:
                'connection refused: nothing listens there (is the server running?)',
            },
            {
              component: 'prometheus',
              state: 'not-configured',
              detail: 'not configured in app-config',
            },
          ],
        }),
      ),
    );

    await renderInTestApp(<PlatformStatusCard />, {
      apis: [[mlPlatformApiRef, client]],
    });

    expect(
      await screen.findByText('Platform connections (local platform)'),
    ).toBeInTheDocument();
    expect(screen.getByText('Kubernetes v1.34.4')).toBeInTheDocument();
    expect(screen.getByText('12 ms')).toBeInTheDocument();
    expect(screen.getByText('Reachable')).toBeInTheDocument();
    expect(screen.getByText('Unreachable')).toBeInTheDocument();
    expect(screen.getByText('Not configured')).toBeInTheDocument();
    expect(
      screen.getByText(
        'MLflow unreachable: check that the server runs and the URL in app-config is right.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the backend error when the status cannot be read', async () => {
    server.use(
      http.get(`${baseUrl}/status`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'You may not read the platform status',
            },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );

    await renderInTestApp(<PlatformStatusCard />, {
      apis: [[mlPlatformApiRef, client]],
    });

    expect(
      await screen.findByText('Error: Could not read the platform status'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/You may not read the platform status/).length,
    ).toBeGreaterThan(0);
  });
});
