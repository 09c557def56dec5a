export interface Config {
  /** Configuration of the ML platform suite. */
  mlPlatform?: {
    kubernetes?: {
      /**
       * Name of the cluster to provision into, as listed under
       * `kubernetes.clusterLocatorMethods[].clusters[]` (type `config`).
       * Defaults to the first cluster listed there.
       */
      cluster?: string;
    };
    mlflow?: {
      /** Base URL of the MLflow tracking server, e.g. http://127.0.0.1:15000 */
      baseUrl: string;
      /** URL users open in their browser for MLflow links; defaults to baseUrl. */
      externalUrl?: string;
    };
    prometheus?: {
      /** Base URL of the Prometheus server, e.g. http://127.0.0.1:19090 */
      baseUrl: string;
    };
    /**
     * Where the connections come from, shown to users and logged at start,
     * e.g. "local platform" or "production".
     */
    environmentName?: string;
  };
}
