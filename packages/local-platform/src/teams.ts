/**
 * The demo organisation: catalog Groups and what the seed creates for them.
 * Namespaces are named after the team.
 */
export type DemoTeam = {
  team: string;
  project: string;
  /** What the MLflow seed creates: one experiment and one registered model trained on a bundled scikit-learn data set. */
  mlflow: {
    experiment: string;
    registeredModel: string;
    dataset: 'iris' | 'wine' | 'diabetes';
  };
  quota: {
    requestsCpu: string;
    requestsMemory: string;
    limitsCpu: string;
    limitsMemory: string;
    pods: string;
  };
};

export const TEAM_LABEL = 'ml-platform.io/team';
export const PROJECT_LABEL = 'ml-platform.io/project';

export const DEMO_TEAMS: readonly DemoTeam[] = [
  {
    team: 'fraud-detection',
    project: 'transaction-risk',
    mlflow: {
      experiment: 'fraud-detection/transaction-risk',
      registeredModel: 'fraud-risk-classifier',
      dataset: 'wine',
    },
    quota: {
      requestsCpu: '8',
      requestsMemory: '16Gi',
      limitsCpu: '16',
      limitsMemory: '32Gi',
      pods: '20',
    },
  },
  {
    team: 'recommendations',
    project: 'product-affinity',
    mlflow: {
      experiment: 'recommendations/product-affinity',
      registeredModel: 'product-affinity-classifier',
      dataset: 'iris',
    },
    quota: {
      requestsCpu: '16',
      requestsMemory: '32Gi',
      limitsCpu: '32',
      limitsMemory: '64Gi',
      pods: '40',
    },
  },
  {
    team: 'forecasting',
    project: 'demand-forecast',
    mlflow: {
      experiment: 'forecasting/demand-forecast',
      registeredModel: 'demand-forecast-regressor',
      dataset: 'diabetes',
    },
    quota: {
      requestsCpu: '4',
      requestsMemory: '8Gi',
      limitsCpu: '8',
      limitsMemory: '16Gi',
      pods: '10',
    },
  },
];

/** The admin group: bound to cluster-admin. */
export const ADMIN_GROUP = 'platform-admins';

type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: Record<string, any>;
  [key: string]: any;
};

/** Everything the seed applies to Kubernetes, in apply order. Pure. */
export function renderTeamObjects(
  teams: readonly DemoTeam[] = DEMO_TEAMS,
): Manifest[] {
  const objects: Manifest[] = [];
  for (const { team, quota } of teams) {
    const labels = {
      [TEAM_LABEL]: team,
      'app.kubernetes.io/managed-by': 'ml-platform',
    };
    objects.push(
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: team, labels } },
      {
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: { name: 'team-quota', namespace: team, labels },
        spec: {
          hard: {
            'requests.cpu': quota.requestsCpu,
            'requests.memory': quota.requestsMemory,
            'limits.cpu': quota.limitsCpu,
            'limits.memory': quota.limitsMemory,
            pods: quota.pods,
          },
        },
      },
      {
        apiVersion: 'v1',
        kind: 'LimitRange',
        metadata: { name: 'team-defaults', namespace: team, labels },
        spec: {
          limits: [
            {
              type: 'Container',
              defaultRequest: { cpu: '250m', memory: '512Mi' },
              default: { cpu: '1', memory: '2Gi' },
              max: { cpu: '8', memory: '32Gi' },
            },
          ],
        },
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'team-edit', namespace: team, labels },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: 'edit',
        },
        subjects: [
          { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: team },
        ],
      },
    );
  }
  objects.push({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: {
      name: 'ml-platform-admins',
      labels: { 'app.kubernetes.io/managed-by': 'ml-platform' },
    },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'cluster-admin',
    },
    subjects: [
      {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Group',
        name: ADMIN_GROUP,
      },
    ],
  });
  return objects;
}
