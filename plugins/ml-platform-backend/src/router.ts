import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  platformStatusReadPermission,
  type PlatformStatus,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import {
  probeConnections,
  type PlatformConnections,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import express from 'express';
import Router from 'express-promise-router';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  connections: PlatformConnections;
};

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, connections } = options;
  const router = Router();
  router.use(express.json());

  router.get('/status', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const [decision] = await permissions.authorize(
      [{ permission: platformStatusReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not read the platform status (${platformStatusReadPermission.name})`,
      );
    }
    const status: PlatformStatus = {
      environmentName: connections.environmentName,
      connections: await probeConnections(connections),
    };
    res.json(status);
  });

  return router;
}
