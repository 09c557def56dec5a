import { ConfigReader } from '@backstage/config';
import { DEFAULT_SIZE_PRESETS } from './quota';
import { DEFAULT_NAMESPACE_POLICY } from './renderNamespace';
import { DEFAULT_QUOTA_MAXIMA, readNamespaceSettings } from './settings';

const read = (namespaces?: object) =>
  readNamespaceSettings(
    new ConfigReader(
      namespaces === undefined ? {} : { mlPlatform: { namespaces } },
    ),
  );

describe('readNamespaceSettings', () => {
  it('uses the built-in presets, maxima and policy without the section', () => {
    expect(read()).toEqual({
      sizes: DEFAULT_SIZE_PRESETS,
      maxima: DEFAULT_QUOTA_MAXIMA,
      policy: DEFAULT_NAMESPACE_POLICY,
      kubeflowProfiles: false,
    });
    expect(readNamespaceSettings(new ConfigReader({ mlPlatform: {} }))).toEqual(
      read(),
    );
    expect(read({})).toEqual(read());
  });

  it('replaces the presets with the configured sizes, in their order', () => {
    const { sizes } = read({
      sizes: {
        tiny: {
          cpu: '500m',
          memory: '2Gi',
          storage: '5Gi',
          persistentVolumeClaims: 1,
          pods: 5,
        },
        big: {
          cpu: '16',
          cpuLimit: '24',
          memory: '64Gi',
          memoryLimit: '80Gi',
          gpu: 2,
          storage: '1Ti',
          persistentVolumeClaims: 10,
          pods: 40,
        },
      },
    });
    expect(Object.keys(sizes)).toEqual(['tiny', 'big']);
    expect(sizes.tiny).toEqual({
      cpu: '500m',
      memory: '2Gi',
      gpu: 0,
      storage: '5Gi',
      persistentVolumeClaims: 1,
      pods: 5,
    });
    expect(sizes.tiny.cpuLimit).toBeUndefined();
    expect(sizes.tiny.memoryLimit).toBeUndefined();
    expect(sizes.big).toEqual({
      cpu: '16',
      cpuLimit: '24',
      memory: '64Gi',
      memoryLimit: '80Gi',
      gpu: 2,
      storage: '1Ti',
      persistentVolumeClaims: 10,
      pods: 40,
    });
  });

  it('reads numbers written as numbers or as strings', () => {
    const size = {
      memory: '4Gi',
      storage: '10Gi',
    };
    const { sizes } = read({
      sizes: {
        numbers: {
          ...size,
          cpu: 4,
          cpuLimit: 8,
          gpu: 1,
          persistentVolumeClaims: 3,
          pods: 12,
        },
        strings: {
          ...size,
          cpu: '4',
          cpuLimit: '8',
          gpu: '1',
          persistentVolumeClaims: '3',
          pods: '12',
        },
      },
    });
    expect(sizes.numbers).toEqual(sizes.strings);
    expect(sizes.numbers).toMatchObject({
      cpu: '4',
      cpuLimit: '8',
      gpu: 1,
      persistentVolumeClaims: 3,
      pods: 12,
    });
    expect(
      read({
        sizes: { a: { ...size, cpu: 0.5, pods: 1, persistentVolumeClaims: 0 } },
      }).sizes.a.cpu,
    ).toBe('0.5');
  });

  it('throws naming the key a size is missing', () => {
    const complete = {
      cpu: '1',
      memory: '2Gi',
      storage: '5Gi',
      persistentVolumeClaims: 1,
      pods: 5,
    };
    for (const key of Object.keys(complete)) {
      const { [key as keyof typeof complete]: _omitted, ...incomplete } =
        complete;
      expect(() => read({ sizes: { tiny: incomplete } })).toThrow(
        `Missing required config value at 'mlPlatform.namespaces.sizes.tiny.${key}'`,
      );
    }
  });

  it('fills maxima that are not configured with the defaults', () => {
    expect(read({ maxima: { cpu: 128, gpu: '16' } }).maxima).toEqual({
      ...DEFAULT_QUOTA_MAXIMA,
      cpu: '128',
      gpu: 16,
    });
    expect(
      read({
        maxima: {
          cpu: '32',
          memory: '64Gi',
          gpu: 0,
          storage: '1Ti',
          persistentVolumeClaims: 5,
          pods: '50',
        },
      }).maxima,
    ).toEqual({
      cpu: '32',
      memory: '64Gi',
      gpu: 0,
      storage: '1Ti',
      persistentVolumeClaims: 5,
      pods: 50,
    });
  });

  it('reads the Kubernetes groups of teams and admins', () => {
    const { policy } = read({
      kubernetesGroups: {
        teamPattern: 'oidc:team-{team}',
        admins: ['oidc:platform', 'oidc:sre'],
      },
    });
    expect(policy.teamGroupPattern).toBe('oidc:team-{team}');
    expect(policy.adminGroups).toEqual(['oidc:platform', 'oidc:sre']);
    expect(
      read({ kubernetesGroups: { admins: ['root'] } }).policy.teamGroupPattern,
    ).toBe(DEFAULT_NAMESPACE_POLICY.teamGroupPattern);
  });

  it('reads the namespaces allowed in, including none', () => {
    expect(
      read({ ingressFromNamespaces: ['istio-system'] }).policy
        .ingressFromNamespaces,
    ).toEqual(['istio-system']);
    expect(
      read({ ingressFromNamespaces: [] }).policy.ingressFromNamespaces,
    ).toEqual([]);
  });

  it('reads container defaults, CPU as a number or a string', () => {
    expect(
      read({ containerDefaults: { cpuRequest: 0.25, memoryLimit: '2Gi' } })
        .policy.containerDefaults,
    ).toEqual({
      ...DEFAULT_NAMESPACE_POLICY.containerDefaults,
      cpuRequest: '0.25',
      memoryLimit: '2Gi',
    });
    expect(
      read({
        containerDefaults: {
          cpuRequest: '200m',
          cpuLimit: 2,
          memoryRequest: '512Mi',
          memoryLimit: '4Gi',
        },
      }).policy.containerDefaults,
    ).toEqual({
      cpuRequest: '200m',
      cpuLimit: '2',
      memoryRequest: '512Mi',
      memoryLimit: '4Gi',
    });
  });

  it('reads whether to render Kubeflow profiles', () => {
    expect(read({ kubeflowProfiles: true }).kubeflowProfiles).toBe(true);
    expect(read({ kubeflowProfiles: false }).kubeflowProfiles).toBe(false);
  });

  it('rejects a preset or maximum that is not a quantity, naming the key', () => {
    expect(() =>
      readNamespaceSettings(
        new ConfigReader({
          mlPlatform: {
            namespaces: {
              sizes: {
                tiny: {
                  cpu: 'one',
                  memory: '1Gi',
                  storage: '1Gi',
                  persistentVolumeClaims: 1,
                  pods: 1,
                },
              },
              maxima: { memory: 'lots' },
            },
          },
        }),
      ),
    ).toThrow(
      'mlPlatform.namespaces.sizes.tiny.cpu "one" is not a Kubernetes quantity (examples: 500m, 2, 4Gi); mlPlatform.namespaces.maxima.memory "lots" is not a Kubernetes quantity',
    );
  });
});
