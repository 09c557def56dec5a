import { notebook } from '../../testUtils/notebookFixtures';
import { creatorName, formatResources, shortImage } from './formatNotebook';

describe('shortImage', () => {
  it('keeps what follows the last slash', () => {
    expect(
      shortImage(
        'ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.9.2',
      ),
    ).toBe('jupyter-scipy:v1.9.2');
    expect(shortImage('jupyter:latest')).toBe('jupyter:latest');
  });
});

describe('formatResources', () => {
  it('says CPU, memory and GPUs in one line', () => {
    expect(
      formatResources(
        notebook({
          cpu: '2',
          memory: '4Gi',
          gpu: { count: 1, vendor: 'nvidia' },
        }),
      ),
    ).toBe('2 CPU · 4Gi · 1 nvidia GPU');
    expect(
      formatResources(
        notebook({
          cpu: '1500m',
          memory: '8Gi',
          gpu: { count: 2, vendor: 'amd' },
        }),
      ),
    ).toBe('1.5 CPU · 8Gi · 2 amd GPUs');
  });

  it('leaves out what is not requested', () => {
    expect(formatResources(notebook({ cpu: '500m', memory: undefined }))).toBe(
      '0.5 CPU',
    );
    expect(
      formatResources(
        notebook({
          cpu: undefined,
          memory: undefined,
          gpu: { count: 0, vendor: 'nvidia' },
        }),
      ),
    ).toBeUndefined();
  });
});

describe('creatorName', () => {
  it('shows the name of a user entity ref', () => {
    expect(creatorName('user:default/alice')).toBe('alice');
    expect(creatorName('bob')).toBe('bob');
    expect(creatorName(undefined)).toBeUndefined();
  });
});
