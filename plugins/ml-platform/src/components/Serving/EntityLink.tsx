import { Link } from '@backstage/core-components';
import {
  type RouteRef,
  routeResolutionApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { ReactNode } from 'react';
import { useMemo } from 'react';

/**
 * The catalog's entity page route. A route ref of core-plugin-api, which the
 * new frontend system's route resolution takes as well.
 */
export const entityPageRouteRef = entityRouteRef as unknown as RouteRef<{
  namespace: string;
  kind: string;
  name: string;
}>;

/** The path of an entity's page, or undefined when the app has no catalog entity pages. */
export function useEntityPath(
  entityRef: string | undefined,
): string | undefined {
  const routes = useApi(routeResolutionApiRef);
  return useMemo(() => {
    if (!entityRef) {
      return undefined;
    }
    try {
      return routes.resolve(entityPageRouteRef)?.(
        entityRouteParams(entityRef, { encodeParams: true }),
      );
    } catch {
      return undefined;
    }
  }, [routes, entityRef]);
}

/** A link to an entity's page when there is one, else the text alone. */
export function EntityLinkOrText(props: {
  entityRef: string | undefined;
  children: ReactNode;
  'aria-label'?: string;
}) {
  const path = useEntityPath(props.entityRef);
  if (!path) {
    return <>{props.children}</>;
  }
  return (
    <Link to={path} aria-label={props['aria-label']}>
      {props.children}
    </Link>
  );
}
