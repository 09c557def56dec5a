import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let transformRegistered = false;

/**
 * Loads a workspace package whose `main` is TypeScript source written for the
 * Backstage build (`"main": "src/index.ts"`, no `"type"`, imports without file
 * extensions, e.g. the plugins). Node's own type stripping runs the benchmark
 * files and `@ml-platform/local-platform` (ES modules with `.ts` imports) but
 * cannot resolve such extensionless imports, so this registers the on-the-fly
 * SWC transform that `backstage-cli package start` runs the backend with
 * (`@backstage/cli/config/nodeTransform.cjs`) and loads the package with
 * `require`, as the backend does. Import only its types statically
 * (`typeof import('...')`).
 */
export function requireWorkspacePackage<T>(name: string): T {
  if (!transformRegistered) {
    require('@backstage/cli/config/nodeTransform.cjs');
    transformRegistered = true;
  }
  return require(name) as T;
}
