export interface Config {
  auth?: {
    providers?: {
      /**
       * Demo sign-in for local development: anyone may sign in as any catalog
       * user, picked from a list or named in the `x-ml-platform-demo-user`
       * header. Never enable it in production: with NODE_ENV=production the
       * backend refuses to start while this key is present (set it to null in
       * a production config loaded last to remove it).
       */
      demo?: {};
    };
  };
}
