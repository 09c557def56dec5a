import type { WorkloadState } from '@ml-platform/backstage-plugin-ml-platform-common';
import { notebook } from '../../testUtils/notebookFixtures';
import {
  canStart,
  canStop,
  compareStates,
  countByState,
  cullingNotice,
} from './notebookStates';

describe('countByState', () => {
  it('counts the states present, in the order of WORKLOAD_STATES', () => {
    const states: WorkloadState[] = [
      'Stopped',
      'Running',
      'Culled',
      'Running',
      'Failed',
    ];
    expect(countByState(states.map(state => notebook({ state })))).toEqual([
      { state: 'Running', count: 2 },
      { state: 'Failed', count: 1 },
      { state: 'Stopped', count: 1 },
      { state: 'Culled', count: 1 },
    ]);
    expect(countByState([])).toEqual([]);
  });
});

describe('compareStates', () => {
  it('puts running notebooks before stopped ones', () => {
    const states: WorkloadState[] = ['Culled', 'Pending', 'Running'];
    expect([...states].sort(compareStates)).toEqual([
      'Running',
      'Pending',
      'Culled',
    ]);
  });
});

describe('which actions a state allows', () => {
  it.each<[WorkloadState, boolean, boolean]>([
    ['Running', true, false],
    ['Starting', true, false],
    ['Pending', true, false],
    ['Stopping', false, false],
    ['Stopped', false, true],
    ['Culled', false, true],
    ['Failed', false, false],
  ])('%s: stop %s, start %s', (state, stop, start) => {
    expect(canStop(state)).toBe(stop);
    expect(canStart(state)).toBe(start);
  });
});

describe('cullingNotice', () => {
  it('says after how long idle notebooks are stopped', () => {
    expect(cullingNotice({ enabled: true, idleMinutes: 60 })).toBe(
      'Idle notebooks are stopped after 60 minutes without kernel activity',
    );
    expect(cullingNotice({ enabled: true, idleMinutes: 1 })).toBe(
      'Idle notebooks are stopped after 1 minute without kernel activity',
    );
    expect(cullingNotice({ enabled: true })).toBe(
      'Idle notebooks are stopped after a while without kernel activity',
    );
  });

  it('says nothing when culling is off', () => {
    expect(cullingNotice({ enabled: false, idleMinutes: 60 })).toBeUndefined();
  });
});
