import { InputError } from '@backstage/errors';
import {
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';

/** The header naming the demo user to sign in as. @public */
export const DEMO_USER_HEADER = 'x-ml-platform-demo-user';

const USER_NAME = /^[a-zA-Z0-9][-a-zA-Z0-9_.]{0,62}$/;

/** What the demo authenticator hands to the sign-in resolver. */
export type DemoAuthResult = { userName: string };

/** Reads the demo user's name from the request header. */
export function readDemoUser(header: string | string[] | undefined): string {
  if (typeof header !== 'string' || header.length === 0) {
    throw new InputError(
      `Demo sign-in needs the header ${DEMO_USER_HEADER} naming a catalog user`,
    );
  }
  if (!USER_NAME.test(header)) {
    throw new InputError(
      `${DEMO_USER_HEADER} must be a catalog user name, got "${header.slice(
        0,
        80,
      )}"`,
    );
  }
  return header;
}

export const demoAuthenticator = createProxyAuthenticator<
  void,
  DemoAuthResult,
  undefined
>({
  defaultProfileTransform: async result => ({
    profile: { displayName: result.userName },
  }),
  initialize() {},
  async authenticate({ req }) {
    return {
      result: { userName: readDemoUser(req.headers[DEMO_USER_HEADER]) },
    };
  },
});

/**
 * The demo provider: the user named in the header is signed in when the
 * catalog holds a User entity of that name; the token carries that user's
 * group memberships like any other sign-in.
 */
export const demoAuthProviderFactory =
  createProxyAuthProviderFactory<DemoAuthResult>({
    authenticator: demoAuthenticator,
    signInResolver: async ({ result }, ctx) =>
      ctx.signInWithCatalogUser({ entityRef: { name: result.userName } }),
  });
