#!/usr/bin/env node
// Part of ./scripts/install-into-new-app.sh: adds the suite to a fresh
// create-app tree using only what the packages' READMEs document: the
// dependencies, the `backend.add(...)` lines, the permission policy in place
// of allow-all, and app-config.local.yaml with the documented config.
//
//   node scripts/new-app-setup.mjs <app dir> <packs dir> <this repository>
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [appDir, packsDir, repoRoot] = process.argv.slice(2);
const readJson = path => JSON.parse(readFileSync(path, 'utf8'));
const writeJson = (path, value) =>
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);

/** The suite's packages: name, version, role and tarball. */
const suite = readdirSync(join(repoRoot, 'plugins'), { withFileTypes: true })
  .filter(entry => entry.isDirectory())
  .map(entry => {
    const pkg = readJson(join(repoRoot, 'plugins', entry.name, 'package.json'));
    return {
      name: pkg.name,
      version: pkg.version,
      role: pkg.backstage.role,
      tarball: join(packsDir, `${entry.name}.tgz`),
    };
  });
const isFrontend = pkg => pkg.role === 'frontend-plugin';
const isBackend = pkg =>
  ['backend-plugin', 'backend-plugin-module'].includes(pkg.role);
/** Development only: not for an app that others sign in to. */
const NOT_INSTALLED = new Set([
  '@ml-platform/backstage-plugin-auth-backend-module-demo-provider',
]);

// 1. Root package.json: the tarballs stand in for the npm registry (every
// suite package, so their dependencies on each other resolve to them too),
// and this machine's registry pins (see ../README: the partial npm mirror).
const rootPath = join(appDir, 'package.json');
const root = readJson(rootPath);
root.resolutions = {
  ...readJson(join(repoRoot, 'package.json')).resolutions,
  ...root.resolutions,
  ...Object.fromEntries(suite.map(pkg => [pkg.name, `file:${pkg.tarball}`])),
};
writeJson(rootPath, root);

// 2. Dependencies, as `yarn --cwd packages/<x> add <package>` would add them.
const ourBackend = readJson(join(repoRoot, 'packages/backend/package.json'));
function addDependencies(workspace, packages, extra = {}) {
  const path = join(appDir, 'packages', workspace, 'package.json');
  const pkg = readJson(path);
  pkg.dependencies = {
    ...pkg.dependencies,
    ...extra,
    ...Object.fromEntries(packages.map(p => [p.name, `^${p.version}`])),
  };
  writeJson(path, pkg);
}
addDependencies(
  'backend',
  suite.filter(p => isBackend(p) && !NOT_INSTALLED.has(p.name)),
  {
    '@backstage/plugin-events-backend':
      ourBackend.dependencies['@backstage/plugin-events-backend'],
  },
);
// The frontend plugin: feature discovery (`app.packages: all`) picks it up.
addDependencies('app', suite.filter(isFrontend));

// 3. packages/backend/src/index.ts: the documented lines.
const indexPath = join(appDir, 'packages/backend/src/index.ts');
let index = readFileSync(indexPath, 'utf8');
function insertAfter(anchor, lines) {
  if (!index.includes(anchor)) {
    throw new Error(`packages/backend/src/index.ts has no line ${anchor}`);
  }
  index = index.replace(anchor, `${anchor}\n${lines.join('\n')}`);
}
const add = name => `backend.add(import('${name}'));`;
insertAfter(add('@backstage/plugin-scaffolder-backend'), [
  add('@ml-platform/backstage-plugin-scaffolder-backend-module-ml-platform'),
]);
insertAfter(add('@backstage/plugin-catalog-backend'), [
  add('@backstage/plugin-events-backend'),
  add('@ml-platform/backstage-plugin-catalog-backend-module-mlflow/events'),
  add('@ml-platform/backstage-plugin-catalog-backend-module-mlflow'),
  add('@ml-platform/backstage-plugin-catalog-backend-module-ml-projects'),
]);
const allowAll =
  /backend\.add\(\s*import\('@backstage\/plugin-permission-backend-module-allow-all-policy'\),?\s*\);/;
if (!allowAll.test(index)) {
  throw new Error(
    'packages/backend/src/index.ts has no allow-all policy to replace',
  );
}
index = index.replace(
  allowAll,
  add(
    '@ml-platform/backstage-plugin-permission-backend-module-ml-platform-policy',
  ),
);
insertAfter(add('@backstage/plugin-permission-backend'), [
  add('@ml-platform/backstage-plugin-ml-platform-backend'),
]);
insertAfter(add('@backstage/plugin-kubernetes-backend'), [
  add('@ml-platform/backstage-plugin-kubernetes-backend-module-ml-platform'),
]);
writeFileSync(indexPath, index);

// 4. app-config.local.yaml: the documented config, the local platform's
// connections from `platform env`, the templates and the demo organisation.
const file = relative => join(repoRoot, relative);
writeFileSync(
  join(appDir, 'app-config.local.yaml'),
  `# Written by scripts/new-app-setup.mjs: the config the suite's READMEs document.
app:
  baseUrl: http://localhost:3100
backend:
  baseUrl: http://localhost:7107
  listen:
    port: 7107
    host: 127.0.0.1
  cors:
    origin: http://localhost:3100
  actions:
    pluginSources: [catalog, scaffolder, ml-platform]
permission:
  enabled: true
kubernetes:
  serviceLocatorMethod:
    type: multiTenant
  clusterLocatorMethods:
    - type: config
      clusters:
        - name: local
          url: \${K8S_URL}
          authProvider: serviceAccount
          serviceAccountToken: \${K8S_TOKEN}
          caData: \${K8S_CA_DATA}
mlPlatform:
  environmentName: new app on the local platform
  kubernetes:
    cluster: local
  mlflow:
    baseUrl: \${MLFLOW_TRACKING_URI}
  prometheus:
    baseUrl: \${PROMETHEUS_URL}
  permissions:
    adminGroups: [group:default/platform-admins]
catalog:
  rules:
    - allow: [Component, System, API, Resource, Location, Template, User, Group]
  locations:
    - type: file
      target: ${file('examples/org.yaml')}
    - type: file
      target: ${file('templates/team-namespace/template.yaml')}
    - type: file
      target: ${file('templates/ml-project/template.yaml')}
  providers:
    mlflow:
      schedule:
        frequency: { minutes: 1 }
        timeout: { minutes: 5 }
    mlPlatformProjects:
      schedule:
        frequency: { minutes: 1 }
        timeout: { minutes: 1 }
`,
);
console.log(
  `Added ${
    suite.filter(p => !NOT_INSTALLED.has(p.name)).length
  } packages to ${appDir}`,
);
