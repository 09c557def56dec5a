import { parseQuantity } from '@ml-platform/backstage-plugin-ml-platform-common';
import {
  budgetAllocations,
  budgetLedgerData,
  parseBudgetLedger,
  pruneBudgetLedger,
} from './budgetLedger';

describe('the budget ledger', () => {
  it('round-trips through ConfigMap data and drops entries that do not parse', () => {
    const ledger = {
      'fraud-a': { hard: { 'requests.cpu': '1' }, reservedAt: 5 },
    };
    const data = budgetLedgerData(ledger);
    expect(parseBudgetLedger(data)).toEqual(ledger);
    expect(
      parseBudgetLedger({
        ...data,
        'fraud-b': 'not json',
        'fraud-c': '{"hard": {"requests.cpu": 1}, "reservedAt": 1}',
        'fraud-d': '{"hard": null, "reservedAt": 1}',
      }),
    ).toEqual(ledger);
  });

  it('counts the larger of quota and reservation per resource, and young reservations without a quota', () => {
    const allocations = budgetAllocations({
      ledger: {
        'fraud-a': {
          hard: { 'requests.cpu': '2', 'requests.memory': '1Gi' },
          reservedAt: 0,
        },
        'fraud-new': { hard: { 'requests.cpu': '1' }, reservedAt: 290_000 },
        'fraud-dead': { hard: { 'requests.cpu': '9' }, reservedAt: 0 },
      },
      quotas: [
        {
          namespace: 'fraud-a',
          hard: { 'requests.cpu': '1', 'requests.memory': '2Gi' },
        },
        { namespace: 'fraud-b', hard: { 'requests.cpu': '500m' } },
      ],
      now: 300_000,
      parseQuantity,
    });
    expect(allocations).toEqual([
      {
        namespace: 'fraud-a',
        hard: { 'requests.cpu': '2', 'requests.memory': '2Gi' },
      },
      { namespace: 'fraud-b', hard: { 'requests.cpu': '500m' } },
      { namespace: 'fraud-new', hard: { 'requests.cpu': '1' } },
    ]);
  });

  it('prunes only reservations that no longer count', () => {
    const ledger = {
      applied: { hard: {}, reservedAt: 0 },
      young: { hard: {}, reservedAt: 299_999 },
      dead: { hard: {}, reservedAt: 0 },
    };
    expect(
      Object.keys(
        pruneBudgetLedger(
          ledger,
          [{ namespace: 'applied', hard: {} }],
          300_000,
        ),
      ),
    ).toEqual(['applied', 'young']);
  });
});
