import {
  WORKLOAD_STATES,
  type NotebookList,
  type NotebookSummary,
  type WorkloadState,
} from '@ml-platform/backstage-plugin-ml-platform-common';

export type StateCount = { state: WorkloadState; count: number };

/** How many notebooks are in each state, in the order of WORKLOAD_STATES; none of zero. */
export function countByState(notebooks: NotebookSummary[]): StateCount[] {
  return WORKLOAD_STATES.map(state => ({
    state,
    count: notebooks.filter(notebook => notebook.state === state).length,
  })).filter(({ count }) => count > 0);
}

/** Sorts states as WORKLOAD_STATES lists them: the running ones first. */
export function compareStates(a: WorkloadState, b: WorkloadState): number {
  return WORKLOAD_STATES.indexOf(a) - WORKLOAD_STATES.indexOf(b);
}

const STOPPABLE: readonly WorkloadState[] = ['Running', 'Starting', 'Pending'];
const STARTABLE: readonly WorkloadState[] = ['Stopped', 'Culled'];

export function canStop(state: WorkloadState): boolean {
  return STOPPABLE.includes(state);
}

export function canStart(state: WorkloadState): boolean {
  return STARTABLE.includes(state);
}

/** What the culler does, in a sentence; undefined when it is off. */
export function cullingNotice(
  culling: NotebookList['culling'],
): string | undefined {
  if (!culling.enabled) {
    return undefined;
  }
  const after =
    culling.idleMinutes === undefined
      ? 'a while'
      : `${culling.idleMinutes} ${
          culling.idleMinutes === 1 ? 'minute' : 'minutes'
        }`;
  return `Idle notebooks are stopped after ${after} without kernel activity`;
}
