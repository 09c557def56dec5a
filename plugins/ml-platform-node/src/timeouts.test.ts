import { ConfigReader } from '@backstage/config';
import { readPlatformTimeouts } from './timeouts';

describe('readPlatformTimeouts', () => {
  it('defaults every timeout to 10 s', () => {
    expect(readPlatformTimeouts(new ConfigReader({}))).toEqual({
      kubernetesMs: 10_000,
      prometheusMs: 10_000,
    });
  });

  it('reads the configured timeouts', () => {
    expect(
      readPlatformTimeouts(
        new ConfigReader({
          mlPlatform: {
            kubernetes: { timeoutMs: 2500 },
            prometheus: { baseUrl: 'http://p', timeoutMs: 800 },
          },
        }),
      ),
    ).toEqual({ kubernetesMs: 2500, prometheusMs: 800 });
  });

  it('refuses a timeout that is not positive, naming the key', () => {
    expect(() =>
      readPlatformTimeouts(
        new ConfigReader({ mlPlatform: { kubernetes: { timeoutMs: 0 } } }),
      ),
    ).toThrow(
      'mlPlatform.kubernetes.timeoutMs must be a positive number of milliseconds, not 0',
    );
  });
});
