export * from './quotaUsage';
export * from './workloads';
export * from './warnings';
export * from './readTeamOverview';
