// bench/ is not a workspace package, so `backstage-cli repo lint` skips it:
// lint it with the Backstage CLI's config for a `cli` package (as
// packages/local-platform is), `yarn eslint bench`.
module.exports =
  require('@backstage/cli/config/eslint-factory').createConfigForRole(
    __dirname,
    'cli',
  );
