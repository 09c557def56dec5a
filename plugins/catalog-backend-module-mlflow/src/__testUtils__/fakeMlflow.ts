import type { MlflowRegisteredModel } from '@ml-platform/backstage-plugin-ml-platform-node';

type Model = Required<
  Pick<
    MlflowRegisteredModel,
    'name' | 'creation_timestamp' | 'last_updated_timestamp' | 'tags'
  >
> &
  MlflowRegisteredModel;

/**
 * An in-memory MLflow model registry behind a `fetch`, answering the two
 * calls the provider makes as MLflow 3 does: the registered model search
 * (ordered by name, or by `last_updated_timestamp DESC` then name; at most
 * 1000 per page; page tokens are offsets, as MLflow's are) and the get by
 * name (404 RESOURCE_DOES_NOT_EXIST when missing). Records every call.
 */
export class FakeMlflowRegistry {
  readonly models = new Map<string, Model>();
  readonly calls: URL[] = [];
  /** Runs before a search page is answered (e.g. to change the registry mid-sync). */
  beforeSearchPage?: (offset: number) => void;
  /** Make every call fail with this HTTP status. */
  failWith?: number;
  #clock = Date.UTC(2026, 0, 1);

  /** MLflow's clock: every call moves it on by a second. */
  now(): number {
    this.#clock += 1000;
    return this.#clock;
  }

  put(name: string, tags: Record<string, string> = {}): Model {
    const existing = this.models.get(name);
    const now = this.now();
    const model: Model = {
      name,
      creation_timestamp: existing?.creation_timestamp ?? now,
      last_updated_timestamp: now,
      tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
      latest_versions: existing?.latest_versions,
    };
    this.models.set(name, model);
    return model;
  }

  /** A new version: MLflow bumps the model's last_updated_timestamp. */
  addVersion(name: string): void {
    const model = this.models.get(name);
    if (!model) {
      throw new Error(`no model ${name}`);
    }
    const version = String((model.latest_versions?.length ?? 0) + 1);
    model.last_updated_timestamp = this.now();
    model.latest_versions = [
      ...(model.latest_versions ?? []),
      { name, version },
    ];
  }

  delete(name: string): void {
    this.models.delete(name);
  }

  searchCalls(): URL[] {
    return this.calls.filter(url => url.pathname.endsWith('/search'));
  }

  getCalls(): URL[] {
    return this.calls.filter(url => url.pathname.endsWith('/get'));
  }

  readonly fetch = (async (input: URL | string) => {
    const url = new URL(String(input));
    this.calls.push(url);
    if (this.failWith) {
      return json(this.failWith, {
        error_code: 'INTERNAL_ERROR',
        message: 'boom',
      });
    }
    if (url.pathname === '/api/2.0/mlflow/registered-models/search') {
      return this.#search(url);
    }
    if (url.pathname === '/api/2.0/mlflow/registered-models/get') {
      const model = this.models.get(url.searchParams.get('name') ?? '');
      return model
        ? json(200, { registered_model: structuredClone(model) })
        : json(404, {
            error_code: 'RESOURCE_DOES_NOT_EXIST',
            message: `Registered Model with name=${url.searchParams.get(
              'name',
            )} not found`,
          });
    }
    return json(404, { error_code: 'ENDPOINT_NOT_FOUND', message: 'no' });
  }) as typeof fetch;

  #search(url: URL): Response {
    const maxResults = Number(url.searchParams.get('max_results') ?? 100);
    if (maxResults > 1000) {
      return json(400, {
        error_code: 'INVALID_PARAMETER_VALUE',
        message: `Invalid value for request parameter max_results. It must be at most 1000, but got value ${maxResults}`,
      });
    }
    const offset = Number(url.searchParams.get('page_token') ?? 0);
    this.beforeSearchPage?.(offset);
    const byUpdate =
      url.searchParams.get('order_by') === 'last_updated_timestamp DESC';
    const sorted = [...this.models.values()].sort((a, b) =>
      byUpdate && a.last_updated_timestamp !== b.last_updated_timestamp
        ? b.last_updated_timestamp - a.last_updated_timestamp
        : a.name.localeCompare(b.name),
    );
    const page = sorted.slice(offset, offset + maxResults);
    const next = offset + maxResults < sorted.length;
    return json(200, {
      registered_models: page.map(model => structuredClone(model)),
      ...(next ? { next_page_token: String(offset + maxResults) } : {}),
    });
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}
