import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { MlflowProvider } from './provider/MlflowProvider';

export const catalogModuleMlflow = createBackendModule({
  moduleId: 'mlflow-provider',
  pluginId: 'catalog',
  register({ registerInit }) {
    registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        scheduler: coreServices.scheduler,
        processing: catalogProcessingExtensionPoint,
      },
      async init({ logger, scheduler, config, processing }) {
        processing.addEntityProvider(
          MlflowProvider.fromConfig(config, {
            logger,
            scheduler,
          }),
        );
      }
    });
  },
})
