import { ConflictError } from '@backstage/errors';
import type { CoreV1Api, V1ConfigMap } from '@kubernetes/client-node';
import {
  describeIssues,
  parseQuantity,
  TEAM_LABEL,
  type ValidationIssue,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { apiStatusOf, onCluster, unlessNotFound } from '../clusterErrors';
import type { ClusterConnection } from '../connections';
import {
  BUDGET_LEDGER_NAME,
  budgetAllocations,
  budgetLedgerData,
  parseBudgetLedger,
  pruneBudgetLedger,
  type BudgetLedger,
  type ProjectAllocation,
} from './budgetLedger';
import type { QuotaHard } from './teamBudget';

/** How often a request re-reads the ledger after losing a race for it. */
const RESERVE_ATTEMPTS = 40;

type LedgerVersion = { ledger: BudgetLedger; resourceVersion?: string };

/** Conditional reads and writes of a team's ledger. */
type LedgerAccess = Pick<BudgetLedgerStore, 'read' | 'write'>;

/**
 * Reads and writes a team's budget ledger (see {@link BUDGET_LEDGER_NAME})
 * with the backend's identity, each write conditional on the version read.
 */
export class BudgetLedgerStore {
  constructor(
    private readonly core: CoreV1Api,
    private readonly cluster: Pick<ClusterConnection, 'name' | 'url'>,
  ) {}

  async read(team: string): Promise<LedgerVersion> {
    const configMap = await unlessNotFound(
      onCluster(this.cluster, () =>
        this.core.readNamespacedConfigMap({
          name: BUDGET_LEDGER_NAME,
          namespace: team,
        }),
      ),
    );
    return {
      ledger: parseBudgetLedger(configMap?.data),
      resourceVersion: configMap?.metadata?.resourceVersion,
    };
  }

  /** False when someone else wrote the ledger since `read` (the caller reads again). */
  async write(
    team: string,
    ledger: BudgetLedger,
    resourceVersion: string | undefined,
  ): Promise<boolean> {
    const body: V1ConfigMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: BUDGET_LEDGER_NAME,
        namespace: team,
        labels: {
          [TEAM_LABEL]: team,
          'app.kubernetes.io/managed-by': 'ml-platform',
        },
        resourceVersion,
      },
      data: budgetLedgerData(ledger),
    };
    try {
      await onCluster(this.cluster, () =>
        resourceVersion
          ? this.core.replaceNamespacedConfigMap({
              name: BUDGET_LEDGER_NAME,
              namespace: team,
              body,
            })
          : this.core.createNamespacedConfigMap({ namespace: team, body }),
      );
      return true;
    } catch (error) {
      if (apiStatusOf(error) === 409) {
        return false;
      }
      throw error;
    }
  }
}

const pause = () =>
  new Promise(resolve => setTimeout(resolve, 10 + Math.random() * 90));

/**
 * Reserves `hard` for project `namespace` in its team's ledger once the
 * team's other projects (their quotas and live reservations) leave room for
 * it, as `check` decides. Parallel requests serialise on the ledger's
 * resourceVersion: each one that loses the race reads again and checks
 * again, so the budget is never spent twice. Throws 409 with the reasons
 * when it does not fit.
 * @public
 */
export async function reserveTeamBudget(options: {
  store: LedgerAccess;
  team: string;
  namespace: string;
  hard: QuotaHard;
  readQuotas: () => Promise<ProjectAllocation[]>;
  check: (others: QuotaHard[]) => ValidationIssue[];
  now?: () => number;
}): Promise<BudgetReservationHandle> {
  const { store, team, namespace, hard, readQuotas, check } = options;
  const now = options.now ?? Date.now;
  for (let attempt = 0; attempt < RESERVE_ATTEMPTS; attempt++) {
    const [{ ledger, resourceVersion }, quotas] = await Promise.all([
      store.read(team),
      readQuotas(),
    ]);
    const time = now();
    const others = budgetAllocations({
      ledger,
      quotas,
      now: time,
      parseQuantity,
    })
      .filter(allocation => allocation.namespace !== namespace)
      .map(allocation => allocation.hard);
    const issues = check(others);
    if (issues.length > 0) {
      throw new ConflictError(describeIssues(issues));
    }
    const next = {
      ...pruneBudgetLedger(ledger, quotas, time),
      [namespace]: { hard, reservedAt: time },
    };
    if (await store.write(team, next, resourceVersion)) {
      return {
        release: () =>
          releaseReservation(store, team, namespace, time, readQuotas),
      };
    }
    await pause();
  }
  throw new ConflictError(
    `The budget of team "${team}" was changed by ${RESERVE_ATTEMPTS} other requests while this one tried to reserve its share; try again`,
  );
}

/** A reservation made by {@link reserveTeamBudget}. @public */
export type BudgetReservationHandle = {
  /** Gives the share back if its quota was never applied (the apply failed before it). */
  release(): Promise<void>;
};

async function releaseReservation(
  store: LedgerAccess,
  team: string,
  namespace: string,
  reservedAt: number,
  readQuotas: () => Promise<ProjectAllocation[]>,
): Promise<void> {
  for (let attempt = 0; attempt < RESERVE_ATTEMPTS; attempt++) {
    const [{ ledger, resourceVersion }, quotas] = await Promise.all([
      store.read(team),
      readQuotas(),
    ]);
    if (
      ledger[namespace]?.reservedAt !== reservedAt ||
      quotas.some(quota => quota.namespace === namespace)
    ) {
      return;
    }
    const { [namespace]: _released, ...rest } = ledger;
    if (await store.write(team, rest, resourceVersion)) {
      return;
    }
    await pause();
  }
}

/** What a team's projects hold against its budget, reservations included. @public */
export async function readTeamAllocations(
  store: LedgerAccess,
  team: string,
  quotas: ProjectAllocation[],
  now: number = Date.now(),
): Promise<ProjectAllocation[]> {
  const { ledger } = await store.read(team);
  return budgetAllocations({ ledger, quotas, now, parseQuantity });
}
