export interface Config {
  auth?: {
    providers?: {
      /**
       * Demo sign-in for local development: anyone may sign in as any catalog
       * user, picked from a list or named in the `x-ml-platform-demo-user`
       * header. Never enable it in production.
       */
      demo?: {};
    };
  };
}
