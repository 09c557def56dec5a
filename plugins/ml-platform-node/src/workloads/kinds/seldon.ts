import {
  SELDON_DEPLOYMENT_ID_LABEL,
  SELDON_DEPLOYMENT_RESOURCE,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import type { z as zod } from 'zod/v3';
import type { ServingSettings } from '../servingSettings';
import type { WorkloadKind } from '../WorkloadKind';
import {
  checkSeldonInput,
  seldonInputSchema,
  type SeldonInput,
} from './seldon/input';
import {
  renderSeldonDeployment,
  seldonNodeRequests,
  seldonQuotaRequests,
} from './seldon/render';
import { seldonStatus } from './seldon/status';

export * from './seldon/input';
export * from './seldon/render';
export * from './seldon/status';

/** Model deployments: Seldon Core's SeldonDeployment of MLflow model versions. @public */
export const seldonDeploymentKind: WorkloadKind<SeldonInput, ServingSettings> =
  {
    resource: SELDON_DEPLOYMENT_RESOURCE,
    noun: 'model deployment',
    schema: z => seldonInputSchema(z) as unknown as zod.ZodType<SeldonInput>,
    check: checkSeldonInput,
    requests: seldonQuotaRequests,
    podRequests: seldonNodeRequests,
    requires: input =>
      input.envSecretRefName
        ? [
            {
              apiVersion: 'v1',
              kind: 'Secret',
              name: input.envSecretRefName,
              why: "the storage initializer reads the artifact store's credentials from it: ask a platform admin to create it in this namespace",
            },
          ]
        : [],
    render: (input, target) => renderSeldonDeployment(input, target),
    status: seldonStatus,
    podSelector: name => `${SELDON_DEPLOYMENT_ID_LABEL}=${name}`,
    // the operator's Deployments and ReplicaSets, `<name>-v<version>-...`
    ownsEvent: (name, objectName) =>
      objectName.startsWith(`${name}-`) &&
      /^v\d+-/.test(objectName.slice(name.length + 1)),
  };
