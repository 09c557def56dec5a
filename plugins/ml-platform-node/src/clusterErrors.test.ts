import { ServiceUnavailableError } from '@backstage/errors';
import { ApiException } from '@kubernetes/client-node';
import {
  apiMessageOf,
  apiStatusOf,
  clusterUnreachable,
  isNotFound,
  onCluster,
  unlessNotFound,
} from './clusterErrors';

const cluster = { name: 'local', url: 'https://127.0.0.1:16443' };

/** What fetch throws when nothing listens: a TypeError whose cause has the code. */
function fetchFailed(code: string) {
  return Object.assign(new TypeError('fetch failed'), {
    cause: Object.assign(new Error(`connect ${code} 127.0.0.1:16443`), {
      code,
    }),
  });
}

describe('apiStatusOf', () => {
  it('reads the HTTP status of an apiserver answer', () => {
    expect(apiStatusOf(new ApiException(403, 'forbidden', '{}', {}))).toBe(403);
    expect(apiStatusOf({ code: 409 })).toBe(409);
  });

  it('has none for network errors and other values', () => {
    expect(
      apiStatusOf(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })),
    ).toBeUndefined();
    expect(apiStatusOf(fetchFailed('ECONNREFUSED'))).toBeUndefined();
    expect(apiStatusOf(new Error('x'))).toBeUndefined();
    expect(apiStatusOf(undefined)).toBeUndefined();
    expect(apiStatusOf(null)).toBeUndefined();
    expect(apiStatusOf('404')).toBeUndefined();
  });
});

describe('isNotFound', () => {
  it('is true only for a 404 answer', () => {
    expect(isNotFound(new ApiException(404, 'not found', '{}', {}))).toBe(true);
    expect(isNotFound({ code: 404 })).toBe(true);
    expect(isNotFound({ code: 403 })).toBe(false);
    expect(isNotFound({ code: '404' })).toBe(false);
    expect(isNotFound(new Error('404'))).toBe(false);
    expect(isNotFound(undefined)).toBe(false);
  });
});

describe('apiMessageOf', () => {
  it("gives the Status message of the apiserver's JSON body", () => {
    const body = JSON.stringify({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      message: 'namespaces "team-a" not found',
      reason: 'NotFound',
      code: 404,
    });
    expect(
      apiMessageOf(new ApiException(404, 'Unknown API Status Code!', body, {})),
    ).toBe('namespaces "team-a" not found');
  });

  it('gives a body that is not JSON as it is', () => {
    expect(apiMessageOf({ code: 502, body: 'Bad Gateway' })).toBe(
      'Bad Gateway',
    );
  });

  it("falls back to the error's message", () => {
    expect(
      apiMessageOf(
        Object.assign(new Error('HTTP-Code: 500'), {
          body: JSON.stringify({ kind: 'Status' }),
        }),
      ),
    ).toBe('HTTP-Code: 500');
    expect(
      apiMessageOf(Object.assign(new Error('boom'), { body: { a: 1 } })),
    ).toBe('boom');
    expect(apiMessageOf(new Error('plain'))).toBe('plain');
    expect(apiMessageOf('a string')).toBe('a string');
  });
});

describe('onCluster', () => {
  it('gives the result of the call', async () => {
    await expect(onCluster(cluster, async () => 42)).resolves.toBe(42);
  });

  it('turns a refused connection (fetch error with a cause) into ServiceUnavailableError', async () => {
    const promise = onCluster(cluster, async () => {
      throw fetchFailed('ECONNREFUSED');
    });
    await expect(promise).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(promise).rejects.toThrow(
      'Kubernetes cluster "local" at https://127.0.0.1:16443 is unreachable: ECONNREFUSED',
    );
  });

  it('reads the code of a network error that carries it itself', async () => {
    const error = await onCluster(cluster, async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND x'), {
        code: 'ENOTFOUND',
      });
    }).catch(e => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.message).toBe(
      'Kubernetes cluster "local" at https://127.0.0.1:16443 is unreachable: ENOTFOUND',
    );
  });

  it('uses the message of a failure without a code', async () => {
    await expect(
      onCluster(cluster, async () => {
        throw new Error('self-signed certificate');
      }),
    ).rejects.toThrow(
      'Kubernetes cluster "local" at https://127.0.0.1:16443 is unreachable: self-signed certificate',
    );
  });

  it('never shows credentials of the cluster URL or of URLs in the reason', async () => {
    const error = await onCluster(
      { name: 'local', url: 'https://admin:s3cret@127.0.0.1:16443?token=t0k' },
      async () => {
        throw new Error(
          'request to https://admin:s3cret@127.0.0.1:16443/api failed, reason: socket hang up',
        );
      },
    ).catch(e => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).not.toContain('s3cret');
    expect(error.message).not.toContain('t0k');
    expect(error.message).toContain(
      'Kubernetes cluster "local" at https://127.0.0.1:16443',
    );
  });

  it('rethrows an apiserver answer unchanged', async () => {
    const answer = new ApiException(
      403,
      'forbidden',
      JSON.stringify({ message: 'namespaces is forbidden' }),
      {},
    );
    await expect(
      onCluster(cluster, async () => {
        throw answer;
      }),
    ).rejects.toBe(answer);
    const plain = { code: 404, body: '{}' };
    await expect(
      onCluster(cluster, async () => {
        throw plain;
      }),
    ).rejects.toBe(plain);
  });
});

describe('clusterUnreachable', () => {
  it('prefers the code of the cause', () => {
    expect(clusterUnreachable(cluster, fetchFailed('ETIMEDOUT')).message).toBe(
      'Kubernetes cluster "local" at https://127.0.0.1:16443 is unreachable: ETIMEDOUT',
    );
  });
});

describe('unlessNotFound', () => {
  it('turns a 404 into undefined and rethrows anything else', async () => {
    expect(await unlessNotFound(Promise.resolve(1))).toBe(1);
    expect(
      await unlessNotFound(Promise.reject({ code: 404, body: '{}' })),
    ).toBeUndefined();
    const forbidden = { code: 403, body: '{}' };
    await expect(unlessNotFound(Promise.reject(forbidden))).rejects.toBe(
      forbidden,
    );
  });
});
