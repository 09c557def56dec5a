import type { KubeConfig } from '@kubernetes/client-node';
import type { UserClusterAccess } from '../access/userClusterAccess';
import {
  SharedNamespaceReads,
  type NamespaceReads,
} from './sharedNamespaceReads';

const user = (name: string): UserClusterAccess => ({
  kubeConfig: {} as KubeConfig,
  actingAs: name,
  identityKey: name,
});
const alice = user('alice');
const bob = user('bob');

/** What a namespace holds; `pods` counts the reads, so answers differ. */
const readsNumber = (n: number): NamespaceReads => ({
  quotas: [],
  pods: Array.from({ length: n }, () => ({})),
  warnings: [],
});

const forbidden = () =>
  Object.assign(new Error('HTTP-Code: 403'), { code: 403 });

/** Kubernetes as the tests set it up: who may read which namespace. */
function cluster(allowed: Record<string, string[]>) {
  let reads = 0;
  const readAs = jest.fn(
    async (namespace: string, asUser: UserClusterAccess) => {
      if (!allowed[asUser.identityKey]?.includes(namespace)) {
        throw forbidden();
      }
      return readsNumber(++reads);
    },
  );
  return { readAs, allowed };
}

function clock() {
  let ms = 1_000;
  return { now: () => ms, advance: (by: number) => (ms += by) };
}

const settle = () => new Promise(resolve => setImmediate(resolve));

describe('SharedNamespaceReads', () => {
  const options = { freshMs: 5_000, accessMs: 60_000 };

  it("reads as each user first, then serves the namespace's shared reads", async () => {
    const kube = cluster({ alice: ['fraud'], bob: ['fraud'] });
    const shared = new SharedNamespaceReads(kube.readAs, options);
    expect((await shared.read('fraud', alice)).pods).toHaveLength(1);
    expect((await shared.read('fraud', alice)).pods).toHaveLength(1);
    expect((await shared.read('fraud', bob)).pods).toHaveLength(2);
    expect((await shared.read('fraud', alice)).pods).toHaveLength(2);
    expect(kube.readAs.mock.calls.map(([ns, as]) => [ns, as.actingAs])).toEqual(
      [
        ['fraud', 'alice'],
        ['fraud', 'bob'],
      ],
    );
  });

  it('never serves a user whom Kubernetes refused, however warm the shared reads', async () => {
    const kube = cluster({ alice: ['fraud'] });
    const shared = new SharedNamespaceReads(kube.readAs, options);
    await shared.read('fraud', alice);
    await expect(shared.read('fraud', bob)).rejects.toMatchObject({
      code: 403,
    });
    await expect(shared.read('fraud', bob)).rejects.toMatchObject({
      code: 403,
    });
    expect(kube.readAs).toHaveBeenCalledTimes(3);
  });

  it('renews an allowance past half its time in the background, and a refusal then ends it', async () => {
    const time = clock();
    const kube = cluster({ alice: ['fraud'] });
    const shared = new SharedNamespaceReads(kube.readAs, {
      ...options,
      freshMs: 120_000,
      now: time.now,
    });
    await shared.read('fraud', alice);
    time.advance(31_000);
    kube.allowed.alice = []; // the RoleBinding is gone
    // still served (the allowance is 31 s old), and a read as alice goes out
    expect((await shared.read('fraud', alice)).pods).toHaveLength(1);
    expect(kube.readAs).toHaveBeenCalledTimes(2);
    await settle();
    await expect(shared.read('fraud', alice)).rejects.toMatchObject({
      code: 403,
    });
  });

  it('reads as the user again once the allowance has expired', async () => {
    const time = clock();
    const kube = cluster({ alice: ['fraud'] });
    const shared = new SharedNamespaceReads(kube.readAs, {
      ...options,
      freshMs: 600_000,
      now: time.now,
    });
    await shared.read('fraud', alice);
    time.advance(60_001);
    kube.allowed.alice = [];
    await expect(shared.read('fraud', alice)).rejects.toMatchObject({
      code: 403,
    });
  });

  it('refreshes stale shared reads as the asking user, and reads again after forget', async () => {
    const time = clock();
    const kube = cluster({ alice: ['fraud'] });
    const shared = new SharedNamespaceReads(kube.readAs, {
      ...options,
      now: time.now,
    });
    await shared.read('fraud', alice);
    shared.forget(['fraud']);
    expect((await shared.read('fraud', alice)).pods).toHaveLength(2);
    time.advance(6_000);
    expect((await shared.read('fraud', alice)).pods).toHaveLength(2);
    await settle();
    expect((await shared.read('fraud', alice)).pods).toHaveLength(3);
    expect(kube.readAs.mock.calls.every(([, as]) => as === alice)).toBe(true);
  });

  it('makes one read as a user at a time per namespace', async () => {
    const kube = cluster({ alice: ['fraud'] });
    const shared = new SharedNamespaceReads(kube.readAs, options);
    await Promise.all([
      shared.read('fraud', alice),
      shared.read('fraud', alice),
    ]);
    expect(kube.readAs).toHaveBeenCalledTimes(1);
  });

  it('reads as the user every time when sharing is off', async () => {
    const kube = cluster({ alice: ['fraud'] });
    const shared = new SharedNamespaceReads(kube.readAs, {
      freshMs: 0,
      accessMs: 60_000,
    });
    await shared.read('fraud', alice);
    await shared.read('fraud', alice);
    expect(kube.readAs).toHaveBeenCalledTimes(2);
  });
});
