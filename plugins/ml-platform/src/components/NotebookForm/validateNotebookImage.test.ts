import type { ApiHolder, ApiRef } from '@backstage/frontend-plugin-api';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { notebookOptions } from '../../testUtils/notebookFixtures';
import {
  fakeMlPlatformApi,
  responseError,
} from '../../testUtils/overviewFixtures';
import { validateNotebookImage } from './validateNotebookImage';

function holder(api?: object): ApiHolder {
  return {
    get: <T>(ref: ApiRef<T>) =>
      (ref.id === mlPlatformApiRef.id ? api : undefined) as T | undefined,
  };
}

async function errorsOf(value: string, apiHolder: ApiHolder) {
  const addError = jest.fn();
  await validateNotebookImage(value, { addError } as any, {
    apiHolder,
    formData: {},
    schema: {},
  });
  return addError.mock.calls.map(call => call[0]);
}

describe('validateNotebookImage', () => {
  it('takes a configured image', async () => {
    const api = fakeMlPlatformApi();
    expect(await errorsOf('JupyterLab (SciPy)', holder(api))).toEqual([]);
    expect(api.getNotebookOptions).toHaveBeenCalled();
  });

  it('refuses what the backend would refuse', async () => {
    const api = fakeMlPlatformApi({
      getNotebookOptions: jest.fn(async () =>
        notebookOptions({
          customImages: { allowed: true, registries: ['registry.example.com'] },
        }),
      ),
    });
    expect(await errorsOf('python:3.12', holder(api))).toEqual([
      '"python:3.12" comes from registry docker.io; custom images may only come from registry.example.com',
    ]);
    expect(
      await errorsOf('registry.example.com/team/nb:1', holder(api)),
    ).toEqual([]);
  });

  it('lets the value through when the options cannot be read', async () => {
    const api = fakeMlPlatformApi({
      getNotebookOptions: jest.fn(async () => {
        throw await responseError(503, 'Cluster local is unreachable');
      }),
    });
    expect(await errorsOf('anything', holder(api))).toEqual([]);
    expect(await errorsOf('anything', holder())).toEqual([]);
  });
});
