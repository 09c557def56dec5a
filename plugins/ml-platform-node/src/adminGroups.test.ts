import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_ADMIN_GROUP,
  isPlatformAdmin,
  readAdminGroups,
} from './adminGroups';

describe('readAdminGroups', () => {
  it('defaults to group:default/platform-admins', () => {
    expect(readAdminGroups(new ConfigReader({}))).toEqual([
      'group:default/platform-admins',
    ]);
    expect(DEFAULT_ADMIN_GROUP).toBe('group:default/platform-admins');
  });

  it('reads the configured groups in lower case', () => {
    expect(
      readAdminGroups(
        new ConfigReader({
          mlPlatform: {
            permissions: { adminGroups: ['group:default/Ops', 'group:sre/x'] },
          },
        }),
      ),
    ).toEqual(['group:default/ops', 'group:sre/x']);
  });
});

describe('isPlatformAdmin', () => {
  const admins = ['group:default/platform-admins'];

  it('is true when one of the ownership refs is an admin group, in any case', () => {
    expect(
      isPlatformAdmin(
        ['user:default/erin', 'group:default/Platform-Admins'],
        admins,
      ),
    ).toBe(true);
    expect(isPlatformAdmin(['group:default/ops'], ['group:default/OPS'])).toBe(
      true,
    );
  });

  it('is false for members of other groups and for a user named like the group', () => {
    expect(
      isPlatformAdmin(
        ['user:default/bob', 'group:default/recommendations'],
        admins,
      ),
    ).toBe(false);
    expect(isPlatformAdmin(['user:default/platform-admins'], admins)).toBe(
      false,
    );
    expect(isPlatformAdmin([], admins)).toBe(false);
  });
});
