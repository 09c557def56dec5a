import {
  type DeployModelRequest,
  type ModelDetails,
  type ModelServing,
  SERVING_PROTOCOLS,
  type ServingProtocol,
  validateDnsLabel,
  validateQuantity,
  type ValidationIssue,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { compareVersionNumbers } from '../Model/modelVersions';

/** Seldon names Deployments `<name>-<predictor>-0-classifier`: 40 leaves room in 63. */
export const DEPLOYMENT_NAME_MAX_LENGTH = 40;

/** The alias the Serving section's Deploy button starts with, when the model has it. */
export const CHAMPION_ALIAS = 'champion';

/**
 * What to deploy, as the value of one select: `version:<number>` or
 * `alias:<alias>`.
 */
export type VersionChoice = string;

export type VersionChoiceOption = {
  value: VersionChoice;
  label: string;
  /** The version it deploys (an alias's version as MLflow says now). */
  version: string;
  alias?: string;
};

export const versionChoice = (version: string): VersionChoice =>
  `version:${version}`;
export const aliasChoice = (alias: string): VersionChoice => `alias:${alias}`;

/** The versions newest first ("v2 (champion)"), then the aliases ("alias champion → v2"). */
export function versionChoices(model: ModelDetails): VersionChoiceOption[] {
  const versions = [...model.versions]
    .sort((a, b) => compareVersionNumbers(b.version, a.version))
    .map(v => ({
      value: versionChoice(v.version),
      label:
        v.aliases.length > 0
          ? `v${v.version} (${v.aliases.join(', ')})`
          : `v${v.version}`,
      version: v.version,
    }));
  const aliases = model.aliases.map(({ alias, version }) => ({
    value: aliasChoice(alias),
    label: `alias ${alias} → v${version}`,
    version,
    alias,
  }));
  return [...versions, ...aliases];
}

/**
 * The choice a dialog starts with: the given version; else the champion
 * alias when the model has one; else its newest version.
 */
export function defaultChoice(
  model: ModelDetails,
  version?: string,
): VersionChoice | undefined {
  if (version !== undefined) {
    return versionChoice(version);
  }
  if (model.aliases.some(a => a.alias === CHAMPION_ALIAS)) {
    return aliasChoice(CHAMPION_ALIAS);
  }
  const newest = [...model.versions].sort((a, b) =>
    compareVersionNumbers(b.version, a.version),
  )[0];
  return newest ? versionChoice(newest.version) : undefined;
}

/** The `version` or `alias` of a request, from a choice. */
export function requestOfChoice(choice: VersionChoice): {
  version?: string;
  alias?: string;
} {
  if (choice.startsWith('alias:')) {
    return { alias: choice.slice('alias:'.length) };
  }
  if (choice.startsWith('version:')) {
    return { version: choice.slice('version:'.length) };
  }
  return { version: choice };
}

/**
 * "version 2", or "version 2 (alias champion)": what a choice deploys, for
 * titles.
 */
export function describeChoice(
  model: ModelDetails,
  choice: VersionChoice | undefined,
): string {
  if (!choice) {
    return '';
  }
  const { version, alias } = requestOfChoice(choice);
  if (alias) {
    const aliased = model.aliases.find(a => a.alias === alias);
    return aliased
      ? `version ${aliased.version} (alias ${alias})`
      : `alias ${alias}`;
  }
  return `version ${version}`;
}

/**
 * A model's name made a deployment name: lower case, runs of other
 * characters as one "-", at most 40 characters, starting with a letter.
 */
export function defaultDeploymentName(model: string): string {
  let name = model
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '');
  if (/^[0-9]/.test(name)) {
    name = `m-${name}`;
  }
  name = name.slice(0, DEPLOYMENT_NAME_MAX_LENGTH).replace(/-+$/, '');
  return name || 'model';
}

/** The deploy dialog's fields, as typed (numbers as text). */
export type DeployForm = {
  choice: VersionChoice;
  namespace: string;
  name: string;
  protocol: ServingProtocol;
  replicas: string;
  cpu: string;
  memory: string;
  autoscaling: boolean;
  minReplicas: string;
  maxReplicas: string;
};

export const DEFAULT_CPU = '500m';
export const DEFAULT_MEMORY = '1Gi';

/** The dialog's starting values: the choice given, the first namespace, the model's name. */
export function initialDeployForm(
  model: ModelDetails,
  serving: Pick<ModelServing, 'namespaces' | 'protocols'>,
  choice?: VersionChoice,
): DeployForm {
  const protocols = servingProtocols(serving);
  return {
    choice: choice ?? defaultChoice(model) ?? '',
    namespace: serving.namespaces[0] ?? '',
    name: defaultDeploymentName(model.name),
    protocol: protocols[0] ?? 'seldon',
    replicas: '1',
    cpu: DEFAULT_CPU,
    memory: DEFAULT_MEMORY,
    autoscaling: false,
    minReplicas: '1',
    maxReplicas: '3',
  };
}

/** The protocols the backend offers, else every one the suite knows. */
export function servingProtocols(
  serving: Pick<ModelServing, 'protocols'>,
): readonly ServingProtocol[] {
  return serving.protocols?.length ? serving.protocols : SERVING_PROTOCOLS;
}

/** A whole number of at least `min`, from text; undefined otherwise. */
export function parseCount(text: string, min = 1): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) {
    return undefined;
  }
  const value = Number(trimmed);
  return Number.isSafeInteger(value) && value >= min ? value : undefined;
}

/** What is wrong with the form, by field (its key in DeployForm). */
export function deployFormIssues(form: DeployForm): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!form.choice) {
    issues.push({ field: 'choice', reason: 'is required' });
  }
  if (!form.namespace) {
    issues.push({ field: 'namespace', reason: 'is required' });
  }
  issues.push(
    ...validateDnsLabel('name', form.name, DEPLOYMENT_NAME_MAX_LENGTH),
  );
  if (parseCount(form.replicas) === undefined) {
    issues.push({ field: 'replicas', reason: 'must be a whole number ≥ 1' });
  }
  issues.push(...validateQuantity('cpu', form.cpu.trim()));
  issues.push(...validateQuantity('memory', form.memory.trim()));
  if (form.autoscaling) {
    const min = parseCount(form.minReplicas);
    const max = parseCount(form.maxReplicas);
    if (min === undefined) {
      issues.push({
        field: 'minReplicas',
        reason: 'must be a whole number ≥ 1',
      });
    }
    if (max === undefined) {
      issues.push({
        field: 'maxReplicas',
        reason: 'must be a whole number ≥ 1',
      });
    } else if (min !== undefined && max < min) {
      issues.push({
        field: 'maxReplicas',
        reason: 'must be at least the minimum',
      });
    }
  }
  return issues;
}

/** The request the form makes (valid forms only). */
export function deployRequest(
  model: string,
  form: DeployForm,
  dryRun: boolean,
): DeployModelRequest {
  const request: DeployModelRequest = {
    model,
    ...requestOfChoice(form.choice),
    name: form.name.trim(),
    protocol: form.protocol,
    replicas: parseCount(form.replicas) ?? 1,
    cpu: form.cpu.trim(),
    memory: form.memory.trim(),
  };
  if (form.autoscaling) {
    request.autoscaling = {
      minReplicas: parseCount(form.minReplicas) ?? 1,
      maxReplicas: parseCount(form.maxReplicas) ?? 1,
    };
  }
  if (dryRun) {
    request.dryRun = true;
  }
  return request;
}

/** The first issue of a field, for its helper text. */
export function issueOf(
  issues: ValidationIssue[],
  field: string,
): string | undefined {
  const issue = issues.find(i => i.field === field);
  return issue ? issue.reason : undefined;
}

const PROTOCOL_LABELS: Record<ServingProtocol, string> = {
  seldon: 'Seldon protocol',
  v2: 'V2 inference protocol (MLServer)',
};

/** A protocol in words. */
export function protocolLabel(protocol: string): string {
  return PROTOCOL_LABELS[protocol as ServingProtocol] ?? protocol;
}
