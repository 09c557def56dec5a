/**
 * The MLflow part of the OpenAPI document: schemas of
 * `@ml-platform/backstage-plugin-ml-platform-common`'s mlflow.ts, and paths.
 */

const stringRecord = {
  type: 'object',
  additionalProperties: { type: 'string' },
} as const;

const numberRecord = {
  type: 'object',
  additionalProperties: { type: 'number' },
} as const;

const dateTime = { type: 'string', format: 'date-time' } as const;

const json = (ref: string, description: string) =>
  ({
    description,
    content: {
      'application/json': { schema: { $ref: `#/components/schemas/${ref}` } },
    },
  } as const);

const errorResponse = (description: string) => json('Error', description);

const readErrors = {
  '400': errorResponse('Bad input: names the field and the reason'),
  '401': errorResponse('Not signed in'),
  '403': errorResponse(
    "Another team's object (and, for models, not tagged public): says whose",
  ),
  '404': errorResponse('MLflow has no such object'),
  '503': errorResponse(
    'MLflow is unreachable, not configured or refused the backend: the message names the MLflow URL and the reason',
  ),
} as const;

export const mlflowSchemas = {
  ExperimentSummary: {
    type: 'object',
    required: ['id', 'name', 'lifecycleStage', 'mlflowUrl'],
    properties: {
      id: { type: 'string' },
      name: { type: 'string' },
      team: { type: 'string' },
      project: { type: 'string' },
      description: { type: 'string' },
      lifecycleStage: { type: 'string', enum: ['active', 'deleted'] },
      createdAt: dateTime,
      updatedAt: dateTime,
      mlflowUrl: { type: 'string' },
    },
  },
  ExperimentList: {
    type: 'object',
    required: ['experiments'],
    properties: {
      experiments: {
        type: 'array',
        items: { $ref: '#/components/schemas/ExperimentSummary' },
      },
    },
  },
  RunSummary: {
    type: 'object',
    required: [
      'id',
      'name',
      'experimentId',
      'status',
      'metrics',
      'params',
      'tags',
      'mlflowUrl',
    ],
    properties: {
      id: { type: 'string' },
      name: { type: 'string' },
      experimentId: { type: 'string' },
      status: { type: 'string' },
      user: { type: 'string' },
      startTime: dateTime,
      endTime: dateTime,
      durationMs: { type: 'number' },
      metrics: numberRecord,
      params: stringRecord,
      tags: stringRecord,
      mlflowUrl: { type: 'string' },
    },
  },
  RunSearchRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['experimentIds'],
    properties: {
      experimentIds: {
        type: 'array',
        minItems: 1,
        maxItems: 20,
        items: { type: 'string', minLength: 1, maxLength: 64 },
      },
      filter: {
        type: 'string',
        maxLength: 2000,
        description:
          "MLflow's search syntax, e.g. metrics.val_accuracy > 0.9 and params.model_type = 'random-forest'",
      },
      orderBy: {
        type: 'array',
        maxItems: 5,
        items: { type: 'string', minLength: 1, maxLength: 300 },
      },
      maxResults: { type: 'integer', minimum: 1, maximum: 1000 },
      pageToken: { type: 'string', maxLength: 4000 },
    },
  },
  RunSearchResponse: {
    type: 'object',
    required: ['runs', 'metricKeys', 'paramKeys'],
    properties: {
      runs: {
        type: 'array',
        items: { $ref: '#/components/schemas/RunSummary' },
      },
      nextPageToken: { type: 'string' },
      metricKeys: { type: 'array', items: { type: 'string' } },
      paramKeys: { type: 'array', items: { type: 'string' } },
    },
  },
  MetricHistoryResponse: {
    type: 'object',
    required: ['runId', 'metrics'],
    properties: {
      runId: { type: 'string' },
      metrics: {
        type: 'object',
        additionalProperties: {
          type: 'array',
          items: {
            type: 'object',
            required: ['step', 'value', 'timestamp'],
            properties: {
              step: { type: 'number' },
              value: { type: 'number' },
              timestamp: dateTime,
            },
          },
        },
      },
    },
  },
  SourceRun: {
    type: 'object',
    required: [
      'id',
      'name',
      'status',
      'experimentId',
      'metrics',
      'params',
      'mlflowUrl',
      'experimentUrl',
    ],
    properties: {
      id: { type: 'string' },
      name: { type: 'string' },
      status: { type: 'string' },
      experimentId: { type: 'string' },
      experimentName: { type: 'string' },
      metrics: numberRecord,
      params: stringRecord,
      mlflowUrl: { type: 'string' },
      experimentUrl: { type: 'string' },
    },
  },
  ModelVersionSummary: {
    type: 'object',
    required: ['version', 'aliases', 'status', 'tags', 'mlflowUrl'],
    properties: {
      version: { type: 'string' },
      aliases: { type: 'array', items: { type: 'string' } },
      stage: {
        type: 'string',
        description: 'Legacy stage; absent when "None"',
      },
      status: { type: 'string' },
      statusMessage: { type: 'string' },
      createdAt: dateTime,
      updatedAt: dateTime,
      description: { type: 'string' },
      source: { type: 'string' },
      tags: stringRecord,
      mlflowUrl: { type: 'string' },
      run: { $ref: '#/components/schemas/SourceRun' },
      runUnavailable: {
        type: 'string',
        description: 'Why the source run is not shown',
      },
    },
  },
  ModelDetails: {
    type: 'object',
    required: [
      'name',
      'public',
      'tags',
      'aliases',
      'mlflowUrl',
      'versions',
      'metricKeys',
    ],
    properties: {
      name: { type: 'string' },
      description: { type: 'string' },
      team: { type: 'string' },
      project: { type: 'string' },
      public: { type: 'boolean' },
      tags: stringRecord,
      aliases: {
        type: 'array',
        items: {
          type: 'object',
          required: ['alias', 'version'],
          properties: {
            alias: { type: 'string' },
            version: { type: 'string' },
          },
        },
      },
      createdAt: dateTime,
      updatedAt: dateTime,
      mlflowUrl: { type: 'string' },
      versions: {
        type: 'array',
        description: 'Newest first',
        items: { $ref: '#/components/schemas/ModelVersionSummary' },
      },
      metricKeys: { type: 'array', items: { type: 'string' } },
    },
  },
} as const;

export const mlflowPaths = {
  '/teams/{team}/experiments': {
    get: {
      operationId: 'listTeamExperiments',
      description:
        "The team's active MLflow experiments (tagged ml-platform.io/team), by name. Members of the team only.",
      parameters: [
        {
          name: 'team',
          in: 'path',
          required: true,
          schema: { type: 'string', minLength: 1, maxLength: 253 },
        },
      ],
      responses: {
        '200': json('ExperimentList', 'The experiments'),
        ...readErrors,
      },
    },
  },
  '/experiments': {
    get: {
      operationId: 'findExperimentByName',
      description:
        'The experiment of that name: an empty list when MLflow has none, 403 when it is not one of your teams.',
      parameters: [
        {
          name: 'name',
          in: 'query',
          required: true,
          schema: { type: 'string', minLength: 1, maxLength: 500 },
        },
      ],
      responses: {
        '200': json('ExperimentList', 'Zero or one experiment'),
        ...readErrors,
      },
    },
  },
  '/runs/search': {
    post: {
      operationId: 'searchRuns',
      description:
        "One page of the runs of experiments the user may read, filtered and sorted in MLflow's syntax. A filter MLflow rejects is a 400 saying why.",
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/RunSearchRequest' },
          },
        },
      },
      responses: {
        '200': json('RunSearchResponse', 'The runs'),
        ...readErrors,
      },
    },
  },
  '/runs/{runId}/metric-history': {
    get: {
      operationId: 'getMetricHistory',
      description: 'Every logged value of the named metrics of a run, by step.',
      parameters: [
        {
          name: 'runId',
          in: 'path',
          required: true,
          schema: { type: 'string', minLength: 1, maxLength: 64 },
        },
        {
          name: 'keys',
          in: 'query',
          required: true,
          style: 'form',
          explode: true,
          schema: {
            type: 'array',
            minItems: 1,
            maxItems: 10,
            items: { type: 'string', minLength: 1, maxLength: 250 },
          },
        },
      ],
      responses: {
        '200': json('MetricHistoryResponse', 'The metric histories'),
        ...readErrors,
      },
    },
  },
  '/models/{name}': {
    get: {
      operationId: 'getModel',
      description:
        'A registered model with its versions, their aliases, stages, statuses and source runs (lineage). Members of its team, or everyone when it is tagged public.',
      parameters: [
        {
          name: 'name',
          in: 'path',
          required: true,
          schema: { type: 'string', minLength: 1, maxLength: 500 },
        },
      ],
      responses: {
        '200': json('ModelDetails', 'The model'),
        ...readErrors,
      },
    },
  },
} as const;
