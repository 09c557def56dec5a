import { ConflictError } from '@backstage/errors';
import type { BudgetLedger } from './budgetLedger';
import { reserveTeamBudget } from './budgetReservation';
import { checkTeamBudget, type QuotaHard } from './teamBudget';

/** A ledger with a version, refusing writes against an old one, as the apiserver does. */
function versionedLedger() {
  let ledger: BudgetLedger = {};
  let version = 0;
  return {
    get ledger() {
      return ledger;
    },
    async read() {
      await new Promise(resolve => setImmediate(resolve));
      return {
        ledger,
        resourceVersion: version ? String(version) : undefined,
      };
    },
    async write(_team: string, next: BudgetLedger, resourceVersion?: string) {
      await new Promise(resolve => setImmediate(resolve));
      if ((resourceVersion ?? '') !== (version ? String(version) : '')) {
        return false;
      }
      ledger = next;
      version++;
      return true;
    },
  };
}

const oneCpu: QuotaHard = { 'requests.cpu': '1' };
const check = (others: QuotaHard[]) =>
  checkTeamBudget({
    team: 'fraud',
    budget: { 'requests.cpu': '5' },
    others,
    requested: oneCpu,
    field: 'quota',
  });

describe('reserveTeamBudget', () => {
  it('lets exactly as many parallel requests through as the budget fits', async () => {
    const store = versionedLedger();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, index) =>
        reserveTeamBudget({
          store,
          team: 'fraud',
          namespace: `fraud-p${index}`,
          hard: oneCpu,
          readQuotas: async () => [],
          check,
        }),
      ),
    );
    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(5);
    const refusals = results.filter(
      (r): r is PromiseRejectedResult => r.status === 'rejected',
    );
    expect(refusals).toHaveLength(15);
    for (const refusal of refusals) {
      expect(refusal.reason).toBeInstanceOf(ConflictError);
      expect(refusal.reason.message).toContain(
        "would get 6 CPU in total, more than the team's budget of 5",
      );
    }
    expect(Object.keys(store.ledger)).toHaveLength(5);
  });

  it('counts a project once, however often it is re-run', async () => {
    const store = versionedLedger();
    for (let run = 0; run < 8; run++) {
      await reserveTeamBudget({
        store,
        team: 'fraud',
        namespace: 'fraud-scoring',
        hard: oneCpu,
        readQuotas: async () => [],
        check,
      });
    }
    expect(Object.keys(store.ledger)).toEqual(['fraud-scoring']);
  });

  it('gives an unapplied share back on release, and keeps an applied one', async () => {
    const store = versionedLedger();
    const applied: Array<{ namespace: string; hard: QuotaHard }> = [];
    const reserve = (namespace: string) =>
      reserveTeamBudget({
        store,
        team: 'fraud',
        namespace,
        hard: oneCpu,
        readQuotas: async () => applied,
        check,
      });
    const failed = await reserve('fraud-a');
    await failed.release();
    expect(store.ledger['fraud-a']).toBeUndefined();

    const done = await reserve('fraud-b');
    applied.push({ namespace: 'fraud-b', hard: oneCpu });
    await done.release();
    expect(store.ledger['fraud-b']).toBeDefined();
  });

  it('stops counting a reservation whose quota never came, after its time', async () => {
    const store = versionedLedger();
    let now = 1_000_000;
    const reserve = (namespace: string) =>
      reserveTeamBudget({
        store,
        team: 'fraud',
        namespace,
        hard: { 'requests.cpu': '5' },
        readQuotas: async () => [],
        check: others =>
          checkTeamBudget({
            team: 'fraud',
            budget: { 'requests.cpu': '5' },
            others,
            requested: { 'requests.cpu': '5' },
            field: 'quota',
          }),
        now: () => now,
      });
    await reserve('fraud-a');
    await expect(reserve('fraud-b')).rejects.toBeInstanceOf(ConflictError);
    now += 5 * 60_000;
    await expect(reserve('fraud-b')).resolves.toBeDefined();
    expect(Object.keys(store.ledger)).toEqual(['fraud-b']);
  });
});
