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
    gpu: string;
    storage: string;
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
    // room for the demo project transaction-risk (demoWorkloads.ts) and
    // three small projects beside it
    quota: {
      requestsCpu: '12',
      requestsMemory: '32Gi',
      limitsCpu: '24',
      limitsMemory: '64Gi',
      gpu: '1',
      storage: '100Gi',
      pods: '80',
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
      gpu: '2',
      storage: '200Gi',
      pods: '80',
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
      gpu: '0',
      storage: '50Gi',
      pods: '30',
    },
  },
];

/** The admin group: bound to cluster-admin. */
export const ADMIN_GROUP = 'platform-admins';

export type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: Record<string, any>;
  [key: string]: any;
};

/** The team's group may edit in the namespace (Kubernetes' aggregated `edit` role). Pure. */
export function teamEditBinding(
  namespace: string,
  team: string,
  labels: Record<string, string>,
): Manifest {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'ml-platform-team-edit', namespace, labels },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'edit',
    },
    subjects: [
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: team },
    ],
  };
}

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
      // Named as the suite names them, so the team namespace's quota is the
      // team's budget for projects made with the ml-project template.
      {
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: { name: 'ml-platform-quota', namespace: team, labels },
        spec: {
          hard: {
            'requests.cpu': quota.requestsCpu,
            'requests.memory': quota.requestsMemory,
            'limits.cpu': quota.limitsCpu,
            'limits.memory': quota.limitsMemory,
            'requests.nvidia.com/gpu': quota.gpu,
            'requests.storage': quota.storage,
            persistentvolumeclaims: '20',
            pods: quota.pods,
          },
        },
      },
      {
        apiVersion: 'v1',
        kind: 'LimitRange',
        metadata: { name: 'ml-platform-defaults', namespace: team, labels },
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
      teamEditBinding(team, team, labels),
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
