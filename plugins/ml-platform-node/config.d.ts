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
      /**
       * How the backend authenticates to MLflow. Default: no credentials.
       */
      auth?:
        | { type: 'none' }
        | {
            type: 'basic';
            username: string;
            /** @visibility secret */
            password: string;
          }
        | {
            type: 'bearer';
            /** @visibility secret */
            token: string;
          };
      /** Per-request timeout of the MLflow client in milliseconds. Default 10000. */
      timeoutMs?: number;
      /**
       * MLflow tag of a registered model naming its team (a group in the
       * catalog's default namespace). Experiments always use
       * ml-platform.io/team. Default: ml-platform.io/team
       */
      ownerTag?: string;
      /**
       * Owner of experiments and models without a (valid) team tag: only this
       * group's members see them, and it owns their catalog entities.
       * Default: group:default/platform-admins
       */
      defaultOwner?: string;
    };
    prometheus?: {
      /** Base URL of the Prometheus server, e.g. http://127.0.0.1:19090 */
      baseUrl: string;
    };
    /** Team and project namespaces; everything has a default. */
    namespaces?: {
      /**
       * Size presets offered by the templates (replace the built-in small,
       * medium and large). Quantities are Kubernetes quantities.
       */
      sizes?: {
        [size: string]: {
          cpu: string | number;
          /** Defaults to twice cpu. */
          cpuLimit?: string | number;
          memory: string;
          /** Defaults to memory. */
          memoryLimit?: string;
          gpu?: number;
          storage: string;
          persistentVolumeClaims: number;
          pods: number;
        };
      };
      /** The most one namespace may be given. */
      maxima?: {
        cpu?: string | number;
        memory?: string;
        gpu?: number;
        storage?: string;
        persistentVolumeClaims?: number;
        pods?: number;
      };
      kubernetesGroups?: {
        /** Kubernetes group of a team's members; {team} is the Backstage group's name. Default: {team} */
        teamPattern?: string;
        /** Kubernetes groups bound to the admin role in every namespace. Default: [platform-admins] */
        admins?: string[];
      };
      /**
       * Namespaces whose pods may reach into every team namespace (ingress
       * controller, monitoring, the notebook culler).
       * Default: [ingress-nginx, monitoring, kubeflow]
       */
      ingressFromNamespaces?: string[];
      /** Requests and limits of a container that sets none. */
      containerDefaults?: {
        cpuRequest?: string | number;
        cpuLimit?: string | number;
        memoryRequest?: string;
        memoryLimit?: string;
      };
      /** Create a Kubeflow Profile per namespace instead of the raw objects. Default: false */
      kubeflowProfiles?: boolean;
    };
    /**
     * Where the connections come from, shown to users and logged at start,
     * e.g. "local platform" or "production".
     */
    environmentName?: string;
  };
}
