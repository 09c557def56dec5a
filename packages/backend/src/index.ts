import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Scaffolder, with the ML platform's actions
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
backend.add(
  import('@ml-platform/backstage-plugin-scaffolder-backend-module-ml-platform'),
);

backend.add(import('@backstage/plugin-techdocs-backend'));

// Auth: demo sign-in when auth.providers.demo is configured (local
// development only), OIDC when auth.providers.oidc is (production).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(
  import('@ml-platform/backstage-plugin-auth-backend-module-demo-provider'),
);
backend.add(import('@backstage/plugin-auth-backend-module-oidc-provider'));

// Events: in-process events between plugins, and the HTTP ingress that
// receives MLflow's signed model registry webhooks
// (POST /api/events/http/mlflow.model-registry, when
// catalog.providers.mlflow.webhook.secret is set)
backend.add(import('@backstage/plugin-events-backend'));
backend.add(
  import('@ml-platform/backstage-plugin-catalog-backend-module-mlflow/events'),
);

// Catalog, with MLflow registered models and ML project namespaces as entities
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(
  import('@ml-platform/backstage-plugin-catalog-backend-module-mlflow'),
);
backend.add(
  import('@ml-platform/backstage-plugin-catalog-backend-module-ml-projects'),
);

// Permissions, decided by the ML platform's policy
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import(
    '@ml-platform/backstage-plugin-permission-backend-module-ml-platform-policy'
  ),
);

backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

// Kubernetes: an entity's objects only from namespaces of the caller's teams
backend.add(import('@backstage/plugin-kubernetes-backend'));
backend.add(
  import('@ml-platform/backstage-plugin-kubernetes-backend-module-ml-platform'),
);
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.add(import('@ml-platform/backstage-plugin-ml-platform-backend'));

backend.start();
