import type { QuotaHard } from './teamBudget';

/**
 * The ConfigMap in a team's own namespace that records what each project was
 * given from the team's budget. Writes to it carry its resourceVersion, so
 * two requests that read the same ledger cannot both spend the same budget:
 * the second write is refused (409) and that request checks again.
 * @public
 */
export const BUDGET_LEDGER_NAME = 'ml-platform-budget';

/**
 * How long a reservation counts without the quota it reserved for: long
 * enough for the apply that follows it, short enough that a request which
 * died between reserving and applying frees its share soon.
 */
export const UNAPPLIED_RESERVATION_TTL_MS = 5 * 60_000;

/** A project's share of its team's budget. @public */
export type BudgetReservation = { hard: QuotaHard; reservedAt: number };

/** Reservations by project namespace. @public */
export type BudgetLedger = Record<string, BudgetReservation>;

/** A project namespace and the quota it holds (or reserved). @public */
export type ProjectAllocation = { namespace: string; hard: QuotaHard };

function isReservation(value: unknown): value is BudgetReservation {
  const candidate = value as BudgetReservation;
  return (
    typeof candidate?.reservedAt === 'number' &&
    typeof candidate.hard === 'object' &&
    candidate.hard !== null &&
    Object.values(candidate.hard).every(v => typeof v === 'string')
  );
}

/** The ledger a ConfigMap's data holds; entries that do not parse are dropped. @public */
export function parseBudgetLedger(
  data: Record<string, string> | undefined,
): BudgetLedger {
  const ledger: BudgetLedger = {};
  for (const [namespace, text] of Object.entries(data ?? {})) {
    try {
      const reservation = JSON.parse(text);
      if (isReservation(reservation)) {
        ledger[namespace] = reservation;
      }
    } catch {
      // a hand-edited entry; the quota of the namespace still counts
    }
  }
  return ledger;
}

/** ConfigMap data for a ledger. @public */
export function budgetLedgerData(ledger: BudgetLedger): Record<string, string> {
  return Object.fromEntries(
    Object.entries(ledger).map(([namespace, reservation]) => [
      namespace,
      JSON.stringify(reservation),
    ]),
  );
}

/** Per key, the larger of two quotas (missing keys count as absent, not 0). */
function largerOf(a: QuotaHard, b: QuotaHard, parse: ParseQuantity): QuotaHard {
  const merged: QuotaHard = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const current = merged[key];
    if (current === undefined || (parse(value) ?? 0) > (parse(current) ?? 0)) {
      merged[key] = value;
    }
  }
  return merged;
}

type ParseQuantity = (value: string) => number | undefined;

/**
 * What each project of a team holds against the budget: for a namespace with
 * both a quota and a reservation, the larger per resource (a resize in flight
 * counts at its larger size); a reservation whose namespace has no quota yet
 * counts until {@link UNAPPLIED_RESERVATION_TTL_MS} has passed.
 * @public
 */
export function budgetAllocations(options: {
  ledger: BudgetLedger;
  quotas: ProjectAllocation[];
  now: number;
  parseQuantity: ParseQuantity;
}): ProjectAllocation[] {
  const { ledger, quotas, now, parseQuantity } = options;
  const byNamespace = new Map<string, QuotaHard>(
    quotas.map(quota => [quota.namespace, quota.hard]),
  );
  for (const [namespace, reservation] of Object.entries(ledger)) {
    const quota = byNamespace.get(namespace);
    if (quota) {
      byNamespace.set(
        namespace,
        largerOf(quota, reservation.hard, parseQuantity),
      );
    } else if (now - reservation.reservedAt < UNAPPLIED_RESERVATION_TTL_MS) {
      byNamespace.set(namespace, reservation.hard);
    }
  }
  return [...byNamespace].map(([namespace, hard]) => ({ namespace, hard }));
}

/** The ledger without reservations that no longer count (see {@link budgetAllocations}). @public */
export function pruneBudgetLedger(
  ledger: BudgetLedger,
  quotas: ProjectAllocation[],
  now: number,
): BudgetLedger {
  const withQuota = new Set(quotas.map(quota => quota.namespace));
  return Object.fromEntries(
    Object.entries(ledger).filter(
      ([namespace, reservation]) =>
        withQuota.has(namespace) ||
        now - reservation.reservedAt < UNAPPLIED_RESERVATION_TTL_MS,
    ),
  );
}
