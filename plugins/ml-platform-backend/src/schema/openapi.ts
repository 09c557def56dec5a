/**
 * The OpenAPI document of the ml-platform backend. Requests are validated
 * against it by `createValidatedOpenApiRouter`, and it is served at
 * `/api/ml-platform/openapi.json`.
 */
import { mlflowPaths, mlflowSchemas } from './mlflowSchemas';
import { sparkPaths } from './sparkSchemas';
import { servingPaths } from './servingSchemas';
import { workloadPaths } from './workloadSchemas';

const teamParameter = {
  name: 'team',
  in: 'path',
  required: true,
  description:
    "The team's group: its name in the catalog's default namespace (fraud-detection) or its entity ref (group:default/fraud-detection)",
  schema: { type: 'string', minLength: 1, maxLength: 253 },
} as const;

const errorResponse = (description: string) =>
  ({
    description,
    content: {
      'application/json': { schema: { $ref: '#/components/schemas/Error' } },
    },
  } as const);

const provisionResponses = {
  '200': {
    description: 'What was applied, or validated on a dry-run',
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/ProvisionResult' },
      },
    },
  },
  '400': errorResponse('Bad input: names the field and the reason'),
  '401': errorResponse('Not signed in'),
  '403': errorResponse('Not allowed: says which permission is missing'),
  '503': errorResponse('The cluster is unreachable or not configured'),
} as const;

export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'ml-platform',
    version: '1',
    description:
      "The ML platform backend: platform status, team resource overviews, provisioning of team and project namespaces, and the MLflow experiments, runs and models a user's teams own.",
  },
  servers: [{ url: '/' }],
  components: {
    schemas: {
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              message: { type: 'string' },
            },
            required: ['name', 'message'],
          },
          request: { type: 'object' },
          response: { type: 'object' },
        },
        required: ['error'],
      },
      QuotaOverrides: {
        type: 'object',
        description:
          "Explicit quota values; each overrides the size preset's value.",
        additionalProperties: false,
        properties: {
          cpu: { type: ['string', 'number'] },
          cpuLimit: { type: ['string', 'number'] },
          memory: { type: 'string' },
          memoryLimit: { type: 'string' },
          gpu: { type: ['integer', 'string'] },
          storage: { type: 'string' },
          persistentVolumeClaims: { type: ['integer', 'string'] },
          pods: { type: ['integer', 'string'] },
        },
      },
      TeamNamespaceRequest: {
        type: 'object',
        additionalProperties: false,
        properties: {
          size: {
            type: 'string',
            description: 'A size preset: small, medium, large',
          },
          quota: { $ref: '#/components/schemas/QuotaOverrides' },
          dryRun: { type: 'boolean' },
        },
      },
      ProjectNamespaceRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: {
            type: 'string',
            description: 'The project name (DNS-1123 label)',
          },
          description: { type: 'string' },
          sourceLocation: { type: 'string' },
          mlflowExperiment: {
            type: 'string',
            description: "Name of the project's MLflow experiment",
          },
          size: { type: 'string' },
          quota: { $ref: '#/components/schemas/QuotaOverrides' },
          dryRun: { type: 'boolean' },
        },
      },
      ProvisionResult: {
        type: 'object',
        required: [
          'cluster',
          'namespace',
          'teamRef',
          'dryRun',
          'manifests',
          'applied',
          'notes',
        ],
        properties: {
          cluster: { type: 'string' },
          namespace: { type: 'string' },
          teamRef: { type: 'string' },
          project: { type: 'string' },
          dryRun: { type: 'boolean' },
          manifests: { type: 'array', items: { type: 'object' } },
          applied: {
            type: 'array',
            items: {
              type: 'object',
              required: ['object'],
              properties: {
                object: { type: 'string' },
                resourceVersion: { type: 'string' },
              },
            },
          },
          notes: { type: 'array', items: { type: 'string' } },
        },
      },
      QuotaUsage: {
        type: 'object',
        required: [
          'resource',
          'key',
          'used',
          'hard',
          'usedText',
          'hardText',
          'ratio',
          'level',
        ],
        properties: {
          resource: {
            type: 'string',
            enum: ['cpu', 'memory', 'gpu', 'storage', 'pods'],
          },
          key: { type: 'string', description: 'e.g. requests.cpu' },
          used: { type: 'number', description: 'cores, bytes or a count' },
          hard: { type: 'number' },
          usedText: { type: 'string' },
          hardText: { type: 'string' },
          ratio: { type: 'number' },
          level: {
            type: 'string',
            enum: ['ok', 'warning', 'exceeded'],
            description: 'warning from 80 % of hard, exceeded at 100 %',
          },
        },
      },
      WorkloadSummary: {
        type: 'object',
        required: ['kind', 'total', 'states'],
        properties: {
          kind: {
            type: 'string',
            enum: [
              'Pod',
              'Notebook',
              'SparkApplication',
              'ScheduledSparkApplication',
              'SparkConnect',
              'SparkCluster',
              'SeldonDeployment',
            ],
          },
          total: { type: 'integer' },
          states: {
            type: 'object',
            additionalProperties: { type: 'integer' },
          },
        },
      },
      WarningEvent: {
        type: 'object',
        required: [
          'namespace',
          'reason',
          'summary',
          'message',
          'object',
          'count',
        ],
        properties: {
          namespace: { type: 'string' },
          reason: { type: 'string' },
          summary: { type: 'string', description: 'What happened, for people' },
          message: { type: 'string', description: "Kubernetes' own message" },
          object: { type: 'string', description: 'Kind/name' },
          count: { type: 'integer' },
          lastSeen: { type: 'string', format: 'date-time' },
        },
      },
      NamespaceOverview: {
        type: 'object',
        required: ['name', 'quotas', 'workloads', 'warnings'],
        properties: {
          name: { type: 'string' },
          project: { type: 'string' },
          description: { type: 'string' },
          quotas: {
            type: 'array',
            items: { $ref: '#/components/schemas/QuotaUsage' },
          },
          workloads: {
            type: 'array',
            items: { $ref: '#/components/schemas/WorkloadSummary' },
          },
          warnings: {
            type: 'array',
            items: { $ref: '#/components/schemas/WarningEvent' },
          },
        },
      },
      TeamOverview: {
        type: 'object',
        required: ['teamRef', 'team', 'cluster', 'namespaces'],
        properties: {
          teamRef: { type: 'string' },
          team: { type: 'string' },
          cluster: { type: 'string' },
          namespaces: {
            type: 'array',
            description: 'The team namespace first, then projects by name',
            items: { $ref: '#/components/schemas/NamespaceOverview' },
          },
        },
      },
      ...mlflowSchemas,
      PlatformStatus: {
        type: 'object',
        required: ['environmentName', 'connections'],
        properties: {
          environmentName: { type: 'string' },
          connections: { type: 'array', items: { type: 'object' } },
        },
      },
    },
  },
  paths: {
    '/status': {
      get: {
        operationId: 'getStatus',
        description: 'Whether the cluster, MLflow and Prometheus answer.',
        responses: {
          '200': {
            description: 'The status of each connection',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/PlatformStatus' },
              },
            },
          },
          '403': errorResponse('Not allowed'),
        },
      },
    },
    '/teams/{team}/overview': {
      get: {
        operationId: 'getTeamOverview',
        description:
          "The team's namespaces with quota use, workloads by kind and state, and recent warnings.",
        parameters: [teamParameter],
        responses: {
          '200': {
            description: 'The overview',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/TeamOverview' },
              },
            },
          },
          '400': errorResponse('The team is not a valid group reference'),
          '403': errorResponse('The user is not a member of the team'),
          '404': errorResponse('No such team in the catalog'),
          '503': errorResponse('The cluster is unreachable or not configured'),
        },
      },
    },
    '/teams/{team}/namespace': {
      put: {
        operationId: 'applyTeamNamespace',
        description:
          "Creates or updates the team's own namespace; its quota is the team's budget for projects. Platform admins only.",
        parameters: [teamParameter],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/TeamNamespaceRequest' },
            },
          },
        },
        responses: provisionResponses,
      },
    },
    '/teams/{team}/projects': {
      post: {
        operationId: 'applyProjectNamespace',
        description:
          "Creates or updates the project namespace <team>-<name> within the team's budget. Members of the team only.",
        parameters: [teamParameter],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/ProjectNamespaceRequest' },
            },
          },
        },
        responses: provisionResponses,
      },
    },
    ...mlflowPaths,
    ...workloadPaths,
    ...sparkPaths,
    ...servingPaths,
  },
} as const;
