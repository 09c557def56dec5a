import { notebookOptions } from '../../testUtils/notebookFixtures';
import {
  customImagesHint,
  findImage,
  imageHelperText,
  imageIssue,
  normalizeImage,
  registryOf,
} from './notebookImages';

const SCIPY =
  'ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0';
const fixed = notebookOptions();
const anyRegistry = notebookOptions({
  customImages: { allowed: true, registries: [] },
});
const someRegistries = notebookOptions({
  customImages: {
    allowed: true,
    registries: ['registry.example.com', 'ghcr.io'],
  },
});

describe('registryOf', () => {
  it('reads the registry as the backend does', () => {
    expect(registryOf('registry.example.com/team/nb:1')).toBe(
      'registry.example.com',
    );
    expect(registryOf('localhost:5000/nb')).toBe('localhost:5000');
    expect(registryOf('localhost/nb')).toBe('localhost');
    expect(registryOf('jupyter/scipy-notebook')).toBe('docker.io');
    expect(registryOf('python:3.12')).toBe('docker.io');
  });
});

describe('findImage', () => {
  it('finds a configured image by name or by reference', () => {
    expect(findImage(fixed.images, 'JupyterLab (SciPy)')?.image).toBe(SCIPY);
    expect(findImage(fixed.images, SCIPY)?.name).toBe('JupyterLab (SciPy)');
    expect(findImage(fixed.images, 'jupyter-scipy')).toBeUndefined();
    expect(findImage(fixed.images, undefined)).toBeUndefined();
  });
});

describe('normalizeImage', () => {
  it('keeps a configured name and turns a reference into its name', () => {
    expect(normalizeImage(fixed, 'JupyterLab (PyTorch)')).toBe(
      'JupyterLab (PyTorch)',
    );
    expect(normalizeImage(fixed, SCIPY)).toBe('JupyterLab (SciPy)');
  });

  it('picks the first image when there is no value yet', () => {
    expect(normalizeImage(fixed, undefined)).toBe('JupyterLab (SciPy)');
    expect(normalizeImage(fixed, '')).toBe('JupyterLab (SciPy)');
    expect(normalizeImage({ ...fixed, images: [] }, undefined)).toBeUndefined();
  });

  it('leaves other values alone, for the field to explain', () => {
    expect(normalizeImage(anyRegistry, 'python:3.12')).toBe('python:3.12');
    expect(normalizeImage(fixed, 'Old image')).toBe('Old image');
  });
});

describe('customImagesHint', () => {
  it('says which registries custom images may come from', () => {
    expect(customImagesHint(fixed.customImages)).toBeUndefined();
    expect(customImagesHint(anyRegistry.customImages)).toBe(
      'You may also type an image reference from any registry',
    );
    expect(customImagesHint(someRegistries.customImages)).toBe(
      'You may also type an image reference from registry.example.com, ghcr.io',
    );
  });
});

describe('imageIssue', () => {
  it('takes configured images and no value', () => {
    expect(imageIssue(fixed, 'JupyterLab (SciPy)')).toBeUndefined();
    expect(imageIssue(fixed, SCIPY)).toBeUndefined();
    expect(imageIssue(fixed, undefined)).toBeUndefined();
  });

  it('refuses other images when custom images are not allowed', () => {
    expect(imageIssue(fixed, 'python:3.12')).toBe(
      '"python:3.12" is not one of the configured images (JupyterLab (SciPy), JupyterLab (PyTorch), JupyterLab (PyTorch, CUDA), VS Code (code-server, Python)), and custom images are not allowed',
    );
  });

  it('checks the registry of custom images', () => {
    expect(imageIssue(anyRegistry, 'python:3.12')).toBeUndefined();
    expect(
      imageIssue(someRegistries, 'registry.example.com/team/nb:1'),
    ).toBeUndefined();
    expect(imageIssue(someRegistries, 'python:3.12')).toBe(
      '"python:3.12" comes from registry docker.io; custom images may only come from registry.example.com, ghcr.io',
    );
    expect(imageIssue(anyRegistry, 'my image')).toBe(
      '"my image" is not an image reference',
    );
  });
});

describe('imageHelperText', () => {
  it("shows the chosen image's reference", () => {
    expect(imageHelperText(fixed, 'JupyterLab (SciPy)')).toEqual({
      text: SCIPY,
      error: false,
    });
  });

  it('adds where custom images may come from', () => {
    expect(imageHelperText(someRegistries, 'JupyterLab (SciPy)')).toEqual({
      text: `${SCIPY}. You may also type an image reference from registry.example.com, ghcr.io.`,
      error: false,
    });
    expect(imageHelperText(anyRegistry, 'python:3.12')).toEqual({
      text: 'A custom image from docker.io. You may also type an image reference from any registry.',
      error: false,
    });
    expect(imageHelperText(fixed, undefined)).toEqual({
      text: 'Pick one of the configured images',
      error: false,
    });
  });

  it('says what is wrong with an image the backend would refuse', () => {
    expect(imageHelperText(someRegistries, 'python:3.12')).toEqual({
      text: expect.stringContaining('custom images may only come from'),
      error: true,
    });
  });
});
