import { dumpYaml } from '@kubernetes/client-node';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ProvisionResult } from '@ml-platform/backstage-plugin-ml-platform-node';

/**
 * Logs what a provisioning step did; on a dry-run, the exact objects and the
 * apiserver's verdict, so the template's dry-run shows both.
 */
export function reportResult(
  logger: LoggerService,
  result: Pick<
    ProvisionResult,
    'dryRun' | 'manifests' | 'cluster' | 'applied' | 'notes'
  >,
) {
  if (result.dryRun) {
    for (const manifest of result.manifests) {
      logger.info(`Would apply:\n${dumpYaml(manifest)}`);
    }
    logger.info(
      `Dry-run accepted by the apiserver of cluster "${
        result.cluster
      }": ${result.applied.map(applied => applied.object).join(', ')}`,
    );
  } else {
    logger.info(
      `Applied on cluster "${
        result.cluster
      }" (server-side apply): ${result.applied
        .map(applied => `${applied.object}@${applied.resourceVersion}`)
        .join(', ')}`,
    );
  }
  for (const note of result.notes) {
    logger.info(note);
  }
}
