import fs from 'node:fs';
import path from 'node:path';
import { loadAllYaml, type V1ClusterRole } from '@kubernetes/client-node';
import { WORKLOAD_SOURCES } from './overview/workloads';

/** The backend's RBAC manifest, the one the README and the local platform apply. */
const manifest = loadAllYaml(
  fs.readFileSync(
    path.resolve(__dirname, '../../../platform/rbac/ml-platform-backend.yaml'),
    'utf8',
  ),
) as Array<V1ClusterRole & { kind: string }>;

function clusterRole(name: string): V1ClusterRole {
  const role = manifest.find(
    object => object.kind === 'ClusterRole' && object.metadata?.name === name,
  );
  if (!role) {
    throw new Error(`no ClusterRole ${name} in the manifest`);
  }
  return role;
}

function grants(role: V1ClusterRole, group: string, resource: string) {
  return (role.rules ?? [])
    .filter(
      rule =>
        rule.apiGroups?.includes(group) && rule.resources?.includes(resource),
    )
    .flatMap(rule => rule.verbs);
}

describe('platform/rbac/ml-platform-backend.yaml', () => {
  it.each(WORKLOAD_SOURCES.map(source => [source.group, source.plural]))(
    'lets the backend list %s %s and gives it to the team edit and view roles',
    (group, plural) => {
      expect(grants(clusterRole('ml-platform-backend'), group, plural)).toEqual(
        expect.arrayContaining(['list']),
      );
      expect(
        grants(clusterRole('ml-platform-workloads-edit'), group, plural),
      ).toEqual(expect.arrayContaining(['create', 'patch', 'delete']));
      expect(
        grants(clusterRole('ml-platform-workloads-view'), group, plural),
      ).toEqual(expect.arrayContaining(['list']));
    },
  );

  it('lets the backend impersonate users and groups but never escalate', () => {
    const backend = clusterRole('ml-platform-backend');
    expect(grants(backend, '', 'users')).toEqual(['impersonate']);
    expect(grants(backend, '', 'groups')).toEqual(['impersonate']);
    expect(grants(backend, '', 'secrets')).toEqual([]);
    // it makes the Spark drivers' account, but never a token of any account
    expect(grants(backend, '', 'serviceaccounts')).not.toContain('delete');
    expect(grants(backend, '', 'serviceaccounts/token')).toEqual([]);
    const bind = (backend.rules ?? []).find(rule =>
      rule.verbs.includes('bind'),
    );
    expect(bind?.resourceNames).toEqual([
      'edit',
      'admin',
      'ml-platform-spark-driver',
    ]);
    // what the Spark drivers may do: their own executors' objects, no secrets, no RBAC
    const driver = clusterRole('ml-platform-spark-driver');
    expect(grants(driver, '', 'pods')).toContain('create');
    expect(grants(driver, '', 'secrets')).toEqual([]);
    expect((driver.rules ?? []).flatMap(rule => rule.apiGroups ?? [])).toEqual([
      '',
    ]);
    expect((backend.rules ?? []).flatMap(rule => rule.verbs)).not.toContain(
      'escalate',
    );
    expect((backend.rules ?? []).flatMap(rule => rule.verbs)).not.toContain(
      '*',
    );
  });
});
