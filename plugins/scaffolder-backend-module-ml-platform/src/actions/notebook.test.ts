import { formInput } from './notebook';

describe('formInput', () => {
  it('drops fields left empty', () => {
    const result = formInput({
      name: 'train',
      image: 'JupyterLab (SciPy)',
      cpu: '1',
      cpuLimit: '',
      memory: '4Gi',
      memoryLimit: '',
      schedulingGroup: null,
    });
    expect(result).toStrictEqual({
      name: 'train',
      image: 'JupyterLab (SciPy)',
      cpu: '1',
      memory: '4Gi',
    });
    expect(result).not.toHaveProperty('cpuLimit');
    expect(result).not.toHaveProperty('schedulingGroup');
  });

  it('drops empty fields of nested objects, keeping the objects', () => {
    expect(
      formInput({
        name: 'train',
        gpu: { count: 1, vendor: '' },
        workspace: { size: '', existingClaim: '' },
      }),
    ).toStrictEqual({
      name: 'train',
      gpu: { count: 1 },
      workspace: {},
    });
    expect(
      formInput({ outer: { inner: { value: '', kept: 'x' } } }),
    ).toStrictEqual({ outer: { inner: { kept: 'x' } } });
  });

  it('uses an existing workspace claim instead of a new size', () => {
    expect(
      formInput({
        name: 'train',
        workspace: { size: '20Gi', existingClaim: 'shared-workspace' },
      }),
    ).toStrictEqual({
      name: 'train',
      workspace: { existingClaim: 'shared-workspace' },
    });
    expect(
      formInput({ name: 'train', workspace: { size: '20Gi' } }),
    ).toStrictEqual({ name: 'train', workspace: { size: '20Gi' } });
    expect(
      formInput({
        name: 'train',
        workspace: { size: '20Gi', existingClaim: '' },
      }),
    ).toStrictEqual({ name: 'train', workspace: { size: '20Gi' } });
  });

  it('keeps numbers and booleans, zero and false included', () => {
    expect(
      formInput({
        name: 'train',
        cpu: 2,
        cpuLimit: 0,
        gpu: { count: 0 },
        sharedMemory: false,
      }),
    ).toStrictEqual({
      name: 'train',
      cpu: 2,
      cpuLimit: 0,
      gpu: { count: 0 },
      sharedMemory: false,
    });
    expect(formInput({ name: 'train', sharedMemory: true })).toStrictEqual({
      name: 'train',
      sharedMemory: true,
    });
  });

  it('leaves its input as it was', () => {
    const input = {
      name: 'train',
      image: '',
      workspace: { size: '20Gi', existingClaim: 'shared-workspace' },
    };
    formInput(input);
    expect(input).toStrictEqual({
      name: 'train',
      image: '',
      workspace: { size: '20Gi', existingClaim: 'shared-workspace' },
    });
  });
});
