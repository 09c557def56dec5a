import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { MlflowClient } from './MlflowClient';
import { mlflowErrorCodeOf } from './errors';
import { collectMlflowPages } from './pagination';

const BASE = 'http://mlflow.test:5000';

type Call = {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: any;
};

type Answer = { status?: number; body?: unknown } | Error | 'hang';

/** A fake fetch answering from a queue and recording each call. */
function fakeFetch(...answers: Answer[]) {
  const calls: Call[] = [];
  const fetch = (async (input: URL | string, init: RequestInit = {}) => {
    calls.push({
      method: init.method ?? 'GET',
      url: new URL(String(input)),
      headers: init.headers as Record<string, string>,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    });
    const answer = answers.length > 1 ? answers.shift()! : answers[0];
    if (answer === 'hang') {
      return new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () =>
          reject(init.signal!.reason),
        );
      });
    }
    if (answer instanceof Error) {
      throw answer;
    }
    const body =
      typeof answer.body === 'string'
        ? answer.body
        : JSON.stringify(answer.body ?? {});
    return new Response(body, { status: answer.status ?? 200 });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function connectionRefused(): Error {
  return Object.assign(new TypeError('fetch failed'), {
    cause: Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:5000'), {
      code: 'ECONNREFUSED',
    }),
  });
}

function client(fetch: typeof globalThis.fetch, extra = {}) {
  return new MlflowClient({ baseUrl: BASE, fetch, retryDelayMs: 1, ...extra });
}

const EXPERIMENT = { experiment_id: '7', name: 'churn' };

describe('MlflowClient', () => {
  describe('auth', () => {
    it('sends no Authorization header without auth', async () => {
      const { fetch, calls } = fakeFetch({ body: { experiment: EXPERIMENT } });
      await expect(client(fetch).getExperiment('7')).resolves.toEqual(
        EXPERIMENT,
      );
      expect(calls[0].headers.Authorization).toBeUndefined();
      expect(calls[0].url.toString()).toBe(
        `${BASE}/api/2.0/mlflow/experiments/get?experiment_id=7`,
      );
    });

    it('sends basic credentials', async () => {
      const { fetch, calls } = fakeFetch({ body: { experiment: EXPERIMENT } });
      await client(fetch, {
        auth: { type: 'basic', username: 'backstage', password: 's3cr:et' },
      }).getExperiment('7');
      expect(calls[0].headers.Authorization).toBe(
        `Basic ${Buffer.from('backstage:s3cr:et').toString('base64')}`,
      );
    });

    it('turns credentials in the URL into basic auth and keeps them out of the URL', async () => {
      const { fetch, calls } = fakeFetch({ body: { experiment: EXPERIMENT } });
      const withUser = new MlflowClient({
        baseUrl: 'http://bob:hunter2@mlflow.test:5000/',
        fetch,
      });
      await withUser.getExperiment('7');
      expect(withUser.baseUrl).toBe(BASE);
      expect(calls[0].url.username).toBe('');
      expect(calls[0].headers.Authorization).toBe(
        `Basic ${Buffer.from('bob:hunter2').toString('base64')}`,
      );
      expect(JSON.stringify(withUser)).not.toContain('hunter2');
    });

    it('sends a bearer token', async () => {
      const { fetch, calls } = fakeFetch({ body: { experiment: EXPERIMENT } });
      await client(fetch, {
        auth: { type: 'bearer', token: 'tok-123' },
      }).getExperiment('7');
      expect(calls[0].headers.Authorization).toBe('Bearer tok-123');
    });

    it('says MLflow refused the credentials without showing them', async () => {
      const { fetch } = fakeFetch({
        status: 401,
        body: 'You are not authenticated. Please see ...',
      });
      const error = await client(fetch, {
        auth: { type: 'basic', username: 'backstage', password: 'hunter2' },
      })
        .getExperiment('7')
        .catch(e => e);
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error.message).toBe(
        `MLflow at ${BASE} requires authentication and the configured basic credentials were refused (HTTP 401); check mlPlatform.mlflow.auth`,
      );
      expect(error.message).not.toMatch(/hunter2|backstage/);
    });
  });

  describe('timeouts and retries', () => {
    it('reports a timeout as MLflow being unreachable', async () => {
      const { fetch, calls } = fakeFetch('hang');
      const error = await client(fetch, { timeoutMs: 50 })
        .getExperiment('7')
        .catch(e => e);
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error.message).toBe(
        `MLflow at ${BASE} is unreachable: no answer within 50 ms`,
      );
      expect(calls).toHaveLength(1);
    });

    it('reports a refused connection after the retries', async () => {
      const { fetch, calls } = fakeFetch(connectionRefused());
      const error = await client(fetch)
        .getExperiment('7')
        .catch(e => e);
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error.message).toBe(
        `MLflow at ${BASE} is unreachable: connection refused: nothing listens there (is the server running?)`,
      );
      expect(calls).toHaveLength(3);
    });

    it('retries a GET after 503 and 502 and returns the answer', async () => {
      const { fetch, calls } = fakeFetch(
        { status: 503, body: 'Service Unavailable' },
        { status: 502, body: 'Bad Gateway' },
        { body: { experiment: EXPERIMENT } },
      );
      await expect(client(fetch).getExperiment('7')).resolves.toEqual(
        EXPERIMENT,
      );
      expect(calls).toHaveLength(3);
    });

    it('gives up after the configured retries', async () => {
      const { fetch, calls } = fakeFetch({ status: 504, body: 'timeout' });
      const error = await client(fetch, { retries: 1 })
        .getExperiment('7')
        .catch(e => e);
      expect(calls).toHaveLength(2);
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error.message).toContain('HTTP 504');
    });

    it('never retries creating an experiment', async () => {
      const { fetch, calls } = fakeFetch(
        { status: 503, body: 'Service Unavailable' },
        { body: { experiment_id: '8' } },
      );
      await expect(
        client(fetch).createExperiment('churn', { team: 'ml' }),
      ).rejects.toBeInstanceOf(ServiceUnavailableError);
      expect(calls).toHaveLength(1);
      expect(calls[0].method).toBe('POST');
      expect(calls[0].body).toEqual({
        name: 'churn',
        tags: [{ key: 'team', value: 'ml' }],
      });
    });

    it('never retries a POST after a network error', async () => {
      const { fetch, calls } = fakeFetch(connectionRefused());
      await expect(
        client(fetch).setExperimentTag('7', 'k', 'v'),
      ).rejects.toBeInstanceOf(ServiceUnavailableError);
      expect(calls).toHaveLength(1);
    });
  });

  describe('errors', () => {
    it("explains MLflow's host check and how to fix it", async () => {
      const { fetch, calls } = fakeFetch({
        status: 403,
        body: 'Invalid Host header - possible DNS rebinding attack detected',
      });
      const error = await client(fetch)
        .getExperiment('7')
        .catch(e => e);
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error.message).toContain(
        `MLflow at ${BASE} refused the Host header "mlflow.test:5000"`,
      );
      expect(error.message).toContain(
        `Add "mlflow.test:5000" to the MLflow server's --allowed-hosts`,
      );
      expect(calls).toHaveLength(1);
    });

    it('maps RESOURCE_DOES_NOT_EXIST to NotFoundError with MLflow’s message', async () => {
      const { fetch } = fakeFetch({
        status: 404,
        body: {
          error_code: 'RESOURCE_DOES_NOT_EXIST',
          message: 'Registered Model with name=nope not found',
        },
      });
      const error = await client(fetch)
        .getRegisteredModel('nope')
        .catch(e => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.message).toBe(
        `MLflow at ${BASE}: Registered Model with name=nope not found`,
      );
      expect(mlflowErrorCodeOf(error)).toBe('RESOURCE_DOES_NOT_EXIST');
    });

    it('maps a 404 without MLflow error to NotFoundError naming the path', async () => {
      const { fetch } = fakeFetch({ status: 404, body: '<html>nope</html>' });
      const error = await client(fetch)
        .getRegisteredModel('x')
        .catch(e => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.message).toContain(
        'has no /api/2.0/mlflow/registered-models/get (HTTP 404)',
      );
    });

    it('returns undefined for an experiment name that does not exist', async () => {
      const { fetch, calls } = fakeFetch({
        status: 404,
        body: {
          error_code: 'RESOURCE_DOES_NOT_EXIST',
          message: "Could not find experiment with name 'x'",
        },
      });
      await expect(
        client(fetch).getExperimentByName('x'),
      ).resolves.toBeUndefined();
      expect(calls[0].url.searchParams.get('experiment_name')).toBe('x');
    });

    it('maps INVALID_PARAMETER_VALUE to InputError with MLflow’s message', async () => {
      const { fetch } = fakeFetch({
        status: 400,
        body: {
          error_code: 'INVALID_PARAMETER_VALUE',
          message: "Invalid filter 'metrics.accuracy >>> 1'",
        },
      });
      const error = await client(fetch)
        .searchRuns({ experimentIds: ['7'], filter: 'metrics.accuracy >>> 1' })
        .catch(e => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toBe(
        `MLflow at ${BASE} rejected the search with filter "metrics.accuracy >>> 1": Invalid filter 'metrics.accuracy >>> 1'`,
      );
    });
  });

  describe('answers that are not MLflow', () => {
    it('says so when a 200 answer is not JSON', async () => {
      const { fetch } = fakeFetch({ body: '<html>Sign in</html>' });
      const error = await client(fetch)
        .getExperiment('7')
        .catch(e => e);
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error.message).toContain('not JSON');
    });

    it('maps a 500 to ServiceUnavailableError with MLflow’s message', async () => {
      const { fetch, calls } = fakeFetch({
        status: 500,
        body: { error_code: 'INTERNAL_ERROR', message: 'database is locked' },
      });
      const error = await client(fetch)
        .getExperiment('7')
        .catch(e => e);
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error.message).toBe(
        `MLflow at ${BASE} failed on GET /api/2.0/mlflow/experiments/get (HTTP 500): database is locked`,
      );
      expect(calls).toHaveLength(1);
    });
  });

  describe('requests and pagination', () => {
    it('sends run searches as POST with the MLflow field names', async () => {
      const { fetch, calls } = fakeFetch({
        body: { runs: [{ info: { run_id: 'r1' }, data: {} }] },
      });
      const result = await client(fetch).searchRuns({
        experimentIds: ['1', '2'],
        filter: 'metrics.accuracy > 0.5',
        orderBy: ['metrics.accuracy DESC'],
        maxResults: 10,
        pageToken: 'abc',
      });
      expect(result).toEqual({
        items: [{ info: { run_id: 'r1' }, data: {} }],
        nextPageToken: undefined,
      });
      expect(calls[0].url.pathname).toBe('/api/2.0/mlflow/runs/search');
      expect(calls[0].body).toEqual({
        experiment_ids: ['1', '2'],
        filter: 'metrics.accuracy > 0.5',
        order_by: ['metrics.accuracy DESC'],
        max_results: 10,
        page_token: 'abc',
      });
    });

    it('asks for 1000 results when no page size is given to a POST search', async () => {
      const { fetch, calls } = fakeFetch({ body: {} });
      await client(fetch).searchExperiments();
      expect(calls[0].body).toEqual({ max_results: 1000 });
    });

    it('sends registered model searches as GET with repeated order_by', async () => {
      const { fetch, calls } = fakeFetch({ body: {} });
      await expect(
        client(fetch).searchRegisteredModels({
          filter: "name LIKE 'churn%'",
          orderBy: ['name ASC', 'last_updated_timestamp DESC'],
          maxResults: 5,
        }),
      ).resolves.toEqual({ items: [], nextPageToken: undefined });
      const params = calls[0].url.searchParams;
      expect(calls[0].method).toBe('GET');
      expect(params.get('filter')).toBe("name LIKE 'churn%'");
      expect(params.getAll('order_by')).toEqual([
        'name ASC',
        'last_updated_timestamp DESC',
      ]);
      expect(params.get('max_results')).toBe('5');
      expect(params.has('page_token')).toBe(false);
    });

    it('follows next_page_token through every page', async () => {
      const { fetch, calls } = fakeFetch(
        { body: { registered_models: [{ name: 'a' }], next_page_token: 't1' } },
        { body: { registered_models: [{ name: 'b' }], next_page_token: 't2' } },
        { body: { registered_models: [{ name: 'c' }] } },
      );
      const mlflow = client(fetch);
      const pages = [];
      for await (const items of mlflow.iterate(mlflow.searchRegisteredModels, {
        maxResults: 1,
      })) {
        pages.push(items.map(model => model.name));
      }
      expect(pages).toEqual([['a'], ['b'], ['c']]);
      expect(calls.map(c => c.url.searchParams.get('page_token'))).toEqual([
        null,
        't1',
        't2',
      ]);
      expect(
        calls.every(c => c.url.searchParams.get('max_results') === '1'),
      ).toBe(true);
    });

    it('reads a metric history across pages', async () => {
      const { fetch, calls } = fakeFetch(
        {
          body: {
            metrics: [{ key: 'loss', value: 1, timestamp: 1, step: 0 }],
            next_page_token: 'p2',
          },
        },
        {
          body: {
            metrics: [{ key: 'loss', value: 0.5, timestamp: 2, step: 1 }],
          },
        },
      );
      const history = await client(fetch).getMetricHistory('run-1', 'loss');
      expect(history.map(m => [m.step, m.value])).toEqual([
        [0, 1],
        [1, 0.5],
      ]);
      expect(calls[1].url.searchParams.get('run_id')).toBe('run-1');
      expect(calls[1].url.searchParams.get('metric_key')).toBe('loss');
      expect(calls[1].url.searchParams.get('page_token')).toBe('p2');
    });

    it('stops when a server repeats the same page token', async () => {
      let calls = 0;
      const items = await collectMlflowPages(async () => {
        calls += 1;
        return { items: [calls], nextPageToken: 'same' };
      });
      expect(items).toEqual([1, 2]);
    });

    it('reads a model version by alias', async () => {
      const { fetch, calls } = fakeFetch({
        body: { model_version: { name: 'churn', version: '3' } },
      });
      await expect(
        client(fetch).getModelVersionByAlias('churn', 'champion'),
      ).resolves.toEqual({ name: 'churn', version: '3' });
      expect(calls[0].url.toString()).toBe(
        `${BASE}/api/2.0/mlflow/registered-models/alias?name=churn&alias=champion`,
      );
    });
  });
});
