import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createPermission } from '@backstage/plugin-permission-common';
import {
  readServicePrincipalRoles,
  requireActingUser,
  userOnlyPermissions,
} from './actingUser';

const permission = createPermission({ name: 'test.do', attributes: {} });

describe('only users act', () => {
  const roles = readServicePrincipalRoles(
    new ConfigReader({
      mlPlatform: {
        permissions: {
          servicePrincipals: [
            { subject: 'external:ci-bot', role: 'platform-admin' },
          ],
        },
      },
    }),
  );

  it('lets users through', () => {
    expect(() =>
      requireActingUser(mockCredentials.user('user:default/alice'), roles),
    ).not.toThrow();
  });

  it('refuses a service without a role, saying how to call as a user', () => {
    const call = () =>
      requireActingUser(mockCredentials.service('external:mcp-client'), roles);
    expect(call).toThrow(NotAllowedError);
    expect(call).toThrow(
      'The ML platform acts only for signed-in users, and this call comes from the service "external:mcp-client". Call it with a user\'s Backstage token',
    );
    expect(() => requireActingUser(mockCredentials.none(), roles)).toThrow(
      'this call comes from a caller without a sign-in',
    );
  });

  it('lets a service through that config gives a role', () => {
    expect(() =>
      requireActingUser(mockCredentials.service('external:ci-bot'), roles),
    ).not.toThrow();
  });

  it('refuses roles it does not know', () => {
    expect(() =>
      readServicePrincipalRoles(
        new ConfigReader({
          mlPlatform: {
            permissions: {
              servicePrincipals: [{ subject: 'external:x', role: 'root' }],
            },
          },
        }),
      ),
    ).toThrow(
      'mlPlatform.permissions.servicePrincipals: role "root" of external:x is not one of platform-admin',
    );
  });

  it('guards the permissions service before any decision is asked for', async () => {
    const inner = mockServices.permissions.mock({
      authorize: jest.fn(async () => [{ result: AuthorizeResult.ALLOW }]),
    } as any);
    const guarded = userOnlyPermissions(inner, roles);
    await expect(
      guarded.authorize([{ permission }], {
        credentials: mockCredentials.service('plugin:catalog'),
      }),
    ).rejects.toThrow(NotAllowedError);
    expect(inner.authorize).not.toHaveBeenCalled();
    await expect(
      guarded.authorize([{ permission }], {
        credentials: mockCredentials.user(),
      }),
    ).resolves.toEqual([{ result: AuthorizeResult.ALLOW }]);
  });
});
