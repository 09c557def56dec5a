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
      /**
       * Per-request timeout of every Kubernetes API call of the suite, in
       * milliseconds; reads (GET) are retried twice after a network error
       * other than a timeout or a 502/503/504, writes never. Default 10000.
       */
      timeoutMs?: number;
      /**
       * Send the reads and writes made inside team namespaces for a signed-in
       * user as that user (`Impersonate-User`: the user's entity ref;
       * `Impersonate-Group`: the Kubernetes group of each of their teams, and
       * the admins' groups for platform admins), so that Kubernetes RBAC and
       * the RoleBindings of the namespaces decide too. The backend's
       * identity then needs the `impersonate` verb on users and groups
       * (platform/rbac/ml-platform-backend.yaml). Default true.
       */
      impersonation?: boolean;
      /**
       * Seconds for which the team overview shares what it read between
       * requests: the team's namespaces, each workload kind's list, and each
       * namespace's quotas, pods and warnings. A shared answer is fresh this
       * long, is served for as long again while one read refreshes it, and a
       * namespace the portal applies is read again at once. 0 reads the
       * cluster on every request. Default 5.
       */
      cacheSeconds?: number;
      /**
       * Seconds for which a user's own read of a namespace, which Kubernetes
       * allowed (impersonating them), lets them be served that namespace's
       * shared reads; past half of it a read as the user renews it in the
       * background, and a refusal ends it at once. So a RoleBinding removed
       * outside the portal stops a user's overview within this time (the
       * apiserver's own webhook authorizer keeps allowed answers 300 s by
       * default). 0 reads as each user on every request. Default 300.
       */
      accessCacheSeconds?: number;
    };
    mlflow?: {
      /**
       * Base URL of the MLflow tracking server, e.g. http://127.0.0.1:15000.
       * A user:password part (http://user:secret@mlflow:5000) is the
       * backend's basic auth when `auth` is not configured; it is never
       * shown (status, logs, links, catalog entities, error messages).
       * @visibility secret
       */
      baseUrl: string;
      /**
       * URL users open in their browser for MLflow links; defaults to baseUrl.
       * Links never carry its user info, and show query parameters that look
       * like credentials (token, key, secret, pass, sig, auth) as ***.
       */
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
       * Seconds for which the experiments, runs, run searches and models the
       * portal read from MLflow are shared between requests (metric
       * histories are not); whether a user may see one is decided on every
       * request. Fresh this long, served for as long again while one read
       * refreshes it. 0 asks MLflow on every request. Default 5.
       */
      cacheSeconds?: number;
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
      /**
       * Base URL of the Prometheus server, e.g. http://127.0.0.1:19090. A
       * user:password part is sent as basic auth and never shown.
       * @visibility secret
       */
      baseUrl: string;
      /** Per-request timeout of the calls to Prometheus in milliseconds. Default 10000. */
      timeoutMs?: number;
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
      /**
       * The service account Spark drivers and Spark Connect servers run as;
       * every namespace gets it, bound to ClusterRole ml-platform-spark-driver.
       * Default: spark (default-editor with kubeflowProfiles)
       */
      sparkServiceAccount?: string;
    };
    /** Notebook servers (Kubeflow Notebooks). */
    notebooks?: {
      /** The images users pick from. Default: Kubeflow 1.10's example servers */
      images?: Array<{ name: string; image: string }>;
      /** Whether users may give an image of their own, and from which registries. Default: not allowed */
      customImages?: { allowed?: boolean; registries?: string[] };
      /** Limit = request times this, unless given. Default: cpu 2, memory 1 */
      limitFactors?: { cpu?: number; memory?: number };
      /** GPU vendors: the extended resource and the tolerations of its nodes. Default: nvidia.com/gpu */
      gpus?: Array<{
        vendor: string;
        resourceName: string;
        tolerations?: Array<{
          key?: string;
          operator?: string;
          value?: string;
          effect?: string;
        }>;
      }>;
      /** Admin-defined placements users may pick ("GPU nodes"). */
      schedulingGroups?: Array<{
        id: string;
        title: string;
        tolerations?: Array<{
          key?: string;
          operator?: string;
          value?: string;
          effect?: string;
        }>;
        affinity?: object;
      }>;
      /** Notebooks open at <gatewayUrl>/notebook/<namespace>/<name>/. */
      gatewayUrl?: string;
      workspace?: {
        /** Default: 10Gi */
        defaultSize?: string;
        /** Default: /home/jovyan */
        mountPath?: string;
        storageClass?: string;
      };
      /** The notebook-controller's culling, as configured there (shown to users). */
      culling?: { enabled?: boolean; idleMinutes?: number };
    };
    /** Spark clusters, jobs and schedules. */
    spark?: {
      /** kubeflow: Kubeflow's Spark operator (SparkConnect); apache: Apache's (SparkCluster). Default: kubeflow */
      backend?: 'kubeflow' | 'apache';
      /** The Spark versions users pick, with their images. Default: 4.0.1 (docker.io/library/spark:4.0.1) */
      versions?: Array<{ version: string; image: string }>;
      /** Where main application files may be. Default: [local:///opt/spark/, local:///opt/spark-apps/] */
      applicationFilePrefixes?: string[];
      /** Spark conf keys users may set. Default: tuning keys (shuffle partitions, AQE, serializer, ...) */
      allowedConfKeys?: string[];
      /** The gateway in front of the cluster, for the Spark UI and Spark Connect links. */
      gatewayUrl?: string;
      /** The driver UI while it runs. Default: {gateway}/spark/{namespace}/{name}/ */
      uiUrlPattern?: string;
      /** Spark Connect through the gateway, e.g. sc://spark.example.com:443/;use_ssl=true;x-name={name} */
      connectUrlPattern?: string;
      /** The Spark history server: finished runs link <url>/history/<application id>/. */
      historyServerUrl?: string;
      /** The most one job or cluster may ask for. */
      limits?: {
        /** Default: 20 */
        maxExecutors?: number;
        /** Per pod. Default: 16 */
        maxCores?: number;
        /** Per pod, in MiB. Default: 65536 */
        maxMemoryMiB?: number;
      };
      /** Finished applications go after this long unless a job says otherwise (0 keeps them). Default: 604800 (7 days) */
      defaultTimeToLiveSeconds?: number;
    };
    /** Model serving with Seldon Core 1.17 (the model pages, the model-deployment template). */
    serving?: {
      /** The gateway in front of Seldon's services (Istio or Ambassador), for prediction URLs. */
      gatewayUrl?: string;
      /** Prediction URLs by protocol, with {gateway}, {namespace} and {name}. */
      predictionUrlPatterns?: {
        /** Default: {gateway}/seldon/{namespace}/{name}/api/v1.0/predictions */
        seldon?: string;
        /** Default: {gateway}/seldon/{namespace}/{name}/v2/models/classifier/infer */
        v2?: string;
      };
      /**
       * Where MLflow's proxied locations are in the artifact store, for
       * Seldon's storage initializer (which cannot read mlflow-artifacts:).
       */
      artifactStores?: Array<{
        /** A prefix of MLflow's locations, e.g. mlflow-artifacts:/ */
        prefix: string;
        /** What it stands for, e.g. s3://mlflow/ */
        uri: string;
        /** The Secret in each team namespace with the store's rclone credentials (Seldon's envSecretRefName). */
        envSecretRefName?: string;
      }>;
      /** URI schemes (rclone remotes) the storage initializer reads. Default: [s3, gs, azureblob] */
      storageSchemes?: string[];
      /** Whether a team may deploy another team's public model into its own namespaces. Default: false */
      allowPublicModels?: boolean;
      /** What Seldon's executor asks beside each model server (its chart's executor.resources). Default: 500m / 512Mi, request and limit */
      executor?: {
        cpuRequest?: string;
        memoryRequest?: string;
        cpuLimit?: string;
        memoryLimit?: string;
      };
      /** The storage initializer (an init container). Default: 100m / 100Mi requests, 1 / 1Gi limits */
      storageInitializer?: {
        cpuRequest?: string;
        memoryRequest?: string;
        cpuLimit?: string;
        memoryLimit?: string;
      };
      /** The most one deployment may ask for. */
      limits?: {
        /** Per predictor. Default: 10 */
        maxReplicas?: number;
        /** Of the model server, per replica. Default: 8 */
        maxCpu?: number;
        /** Of the model server, per replica, in MiB. Default: 32768 */
        maxMemoryMiB?: number;
      };
      /** Defaults of a new deployment. */
      defaults?: {
        /** Default: 500m */
        cpu?: string;
        /** Default: 1Gi */
        memory?: string;
        /** Default: 1 */
        replicas?: number;
      };
    };
    permissions?: {
      /**
       * Groups whose members are platform admins (entity refs, compared
       * case-insensitively), read by readAdminGroups: the permission policy
       * and the Kubernetes backend module use them.
       * Default: [group:default/platform-admins]
       */
      adminGroups?: string[];
      /**
       * Services that may act on the platform. Only users act by default:
       * Backstage allows a service principal (a static token, another
       * plugin) every permission without asking the policy, so the suite's
       * actions and routes refuse one unless it is listed here with a role.
       * `platform-admin` lets it do what a platform admin may.
       */
      servicePrincipals?: Array<{
        /** The principal's subject, e.g. external:ci-bot for a static token of that subject. */
        subject: string;
        role: 'platform-admin';
      }>;
    };
    /**
     * Where the connections come from, shown to users and logged at start,
     * e.g. "local platform" or "production".
     */
    environmentName?: string;
  };
}
