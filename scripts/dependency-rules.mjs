#!/usr/bin/env node
// Checks the rule of dependencies between the suite's packages
// (plugins/README.md): common <- node <- backend plugin and modules;
// common <- frontend; no module imports another. Reads every plugin's
// package.json and the imports of its source; exits 1 naming each breach.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const COMMON = '@ml-platform/backstage-plugin-ml-platform-common';
const NODE = '@ml-platform/backstage-plugin-ml-platform-node';
const FRONTEND = '@ml-platform/backstage-plugin-ml-platform';

/** The suite's packages a package may depend on, by its name. */
export function allowedDependencies(name) {
  if (name === COMMON) return new Set();
  if (name === NODE || name === FRONTEND) return new Set([COMMON]);
  return new Set([COMMON, NODE]);
}

function sourceFiles(dir) {
  return readdirSync(dir).flatMap(entry => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry) ? [path] : [];
  });
}

/** Tests and their helpers may use any package (as devDependencies). */
const isTestCode = path =>
  /\.test\.tsx?$|[\\/](__testUtils__|testUtils)[\\/]|setupTests\.ts$/.test(
    path,
  );

/** The suite's package names a source text imports. */
export function suiteImports(text) {
  const names = new Set();
  for (const match of text.matchAll(
    /(?:from|import|require\()\s*['"](@ml-platform\/[\w.-]+)/g,
  )) {
    names.add(match[1]);
  }
  return names;
}

export function breaches(root = REPO_ROOT) {
  const found = [];
  const pluginsDir = join(root, 'plugins');
  for (const folder of readdirSync(pluginsDir)) {
    const dir = join(pluginsDir, folder);
    let pkg;
    try {
      pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    const allowed = allowedDependencies(pkg.name);
    for (const dep of Object.keys({
      ...pkg.dependencies,
      ...pkg.peerDependencies,
    })) {
      if (dep.startsWith('@ml-platform/') && !allowed.has(dep)) {
        found.push(`${pkg.name} depends on ${dep} (package.json dependencies)`);
      }
    }
    for (const file of sourceFiles(join(dir, 'src')).filter(
      f => !isTestCode(f),
    )) {
      for (const name of suiteImports(readFileSync(file, 'utf8'))) {
        if (name === pkg.name || allowed.has(name)) continue;
        found.push(`${relative(root, file)} imports ${name}`);
      }
    }
  }
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const found = breaches();
  for (const line of found) console.error(`dependency rule broken: ${line}`);
  console.log(
    found.length === 0
      ? 'Dependency rules hold (plugins/README.md)'
      : `${found.length} breach(es) of the dependency rules (plugins/README.md)`,
  );
  process.exitCode = found.length === 0 ? 0 : 1;
}
