import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  parseEntityRef,
  type Entity,
  type UserEntity,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';

/** A user a person may sign in as on the demo sign-in page. @public */
export type DemoUser = {
  name: string;
  displayName: string;
  email?: string;
  groups: string[];
};

export function toDemoUser(entity: Entity): DemoUser {
  const user = entity as UserEntity;
  return {
    name: user.metadata.name,
    displayName: user.spec?.profile?.displayName ?? user.metadata.name,
    email: user.spec?.profile?.email,
    groups: (user.spec?.memberOf ?? []).map(
      ref => parseEntityRef(ref, { defaultKind: 'group' }).name,
    ),
  };
}

/** Lists the catalog's users for the demo sign-in page (local development only). */
export function createDemoUsersRouter(options: {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
}): express.Router {
  const { catalog, auth } = options;
  const router = Router();
  router.get('/demo-users', async (_req, res) => {
    const { items } = await catalog.getEntities(
      {
        filter: { kind: 'User' },
        fields: ['metadata.name', 'spec.profile', 'spec.memberOf'],
        order: { field: 'metadata.name', order: 'asc' },
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    res.json({ users: items.map(toDemoUser) });
  });
  return router;
}
