import { ConfigReader } from '@backstage/config';
import { isPublicModel, ownerOfTags, readMlflowOwnership } from './ownership';

describe('MLflow ownership', () => {
  const defaultOwner = 'group:default/platform-admins';

  it('reads the owner tag and default owner, with defaults', () => {
    expect(readMlflowOwnership(new ConfigReader({}))).toEqual({
      ownerTag: 'ml-platform.io/team',
      defaultOwner,
    });
    expect(
      readMlflowOwnership(
        new ConfigReader({
          mlPlatform: {
            mlflow: { ownerTag: 'team', defaultOwner: 'group:default/ML-Ops' },
          },
        }),
      ),
    ).toEqual({ ownerTag: 'team', defaultOwner: 'group:default/ml-ops' });
  });

  it('owns an object by its team tag, or by the default owner', () => {
    expect(ownerOfTags({ team: 'fraud' }, 'team', defaultOwner)).toEqual({
      ref: 'group:default/fraud',
      team: 'fraud',
    });
    expect(ownerOfTags({}, 'team', defaultOwner)).toEqual({
      ref: defaultOwner,
    });
  });

  it('does not let a tag point at a group outside the teams', () => {
    for (const value of [
      'group:other/fraud',
      'user:default/alice',
      'Not A Team',
    ]) {
      expect(ownerOfTags({ team: value }, 'team', defaultOwner)).toEqual({
        ref: defaultOwner,
      });
    }
  });

  it('treats only visibility=public as public', () => {
    expect(isPublicModel({ 'ml-platform.io/visibility': ' Public ' })).toBe(
      true,
    );
    expect(isPublicModel({ 'ml-platform.io/visibility': 'internal' })).toBe(
      false,
    );
    expect(isPublicModel({})).toBe(false);
  });
});
