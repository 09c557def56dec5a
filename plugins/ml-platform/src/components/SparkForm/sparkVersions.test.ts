import { sparkOptions } from './testFixtures';
import {
  findVersion,
  normalizeVersion,
  versionHelperText,
  versionIssue,
  versionLabel,
} from './sparkVersions';

const { versions } = sparkOptions();

describe('findVersion', () => {
  it('finds a configured version by its number', () => {
    expect(findVersion(versions, '3.5.7')?.image).toBe(
      'docker.io/library/spark:3.5.7',
    );
    expect(findVersion(versions, '3.5')).toBeUndefined();
    expect(findVersion(versions, undefined)).toBeUndefined();
  });
});

describe('normalizeVersion', () => {
  it('picks the first version when there is none yet', () => {
    expect(normalizeVersion(versions, undefined)).toBe('4.0.1');
    expect(normalizeVersion(versions, '')).toBe('4.0.1');
    expect(normalizeVersion([], undefined)).toBeUndefined();
  });

  it('keeps a value, known or not', () => {
    expect(normalizeVersion(versions, '3.5.7')).toBe('3.5.7');
    expect(normalizeVersion(versions, '2.4.8')).toBe('2.4.8');
  });
});

describe('versionIssue', () => {
  it('takes configured versions and no value', () => {
    expect(versionIssue(versions, '4.0.1')).toBeUndefined();
    expect(versionIssue(versions, undefined)).toBeUndefined();
  });

  it('refuses other versions, naming the configured ones', () => {
    expect(versionIssue(versions, '2.4.8')).toBe(
      '"2.4.8" is not a configured Spark version (4.0.1, 3.5.7)',
    );
    expect(versionIssue([], '4.0.1')).toBe(
      '"4.0.1" is not a configured Spark version (none is configured)',
    );
  });
});

describe('versionLabel and versionHelperText', () => {
  it("show the version's image", () => {
    expect(versionLabel(versions[0])).toBe(
      '4.0.1 (docker.io/library/spark:4.0.1)',
    );
    expect(versionHelperText(versions, '3.5.7')).toEqual({
      text: 'Image docker.io/library/spark:3.5.7',
      error: false,
    });
    expect(versionHelperText(versions, undefined)).toEqual({
      text: 'Pick one of the configured versions',
      error: false,
    });
  });

  it('say what is wrong', () => {
    expect(versionHelperText(versions, '2.4.8')).toEqual({
      text: expect.stringContaining('is not a configured Spark version'),
      error: true,
    });
    expect(versionHelperText([], undefined)).toEqual({
      text: 'The platform offers no Spark version (mlPlatform.spark.versions)',
      error: true,
    });
  });
});
