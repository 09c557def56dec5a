import { modelDetails } from '../../testUtils/mlflowFixtures';
import { modelServing } from '../../testUtils/servingFixtures';
import {
  aliasChoice,
  defaultChoice,
  defaultDeploymentName,
  deployFormIssues,
  deployRequest,
  describeChoice,
  initialDeployForm,
  issueOf,
  parseCount,
  protocolLabel,
  requestOfChoice,
  servingProtocols,
  versionChoice,
  versionChoices,
} from './deployForm';

describe('deployForm', () => {
  const model = modelDetails();

  it('offers the versions newest first, then the aliases', () => {
    expect(versionChoices(model)).toEqual([
      { value: 'version:3', label: 'v3', version: '3' },
      { value: 'version:2', label: 'v2 (champion)', version: '2' },
      { value: 'version:1', label: 'v1 (challenger)', version: '1' },
      {
        value: 'alias:champion',
        label: 'alias champion → v2',
        version: '2',
        alias: 'champion',
      },
      {
        value: 'alias:challenger',
        label: 'alias challenger → v1',
        version: '1',
        alias: 'challenger',
      },
    ]);
  });

  it('starts with the given version, else the champion, else the newest version', () => {
    expect(defaultChoice(model, '1')).toBe('version:1');
    expect(defaultChoice(model)).toBe('alias:champion');
    expect(defaultChoice({ ...model, aliases: [] })).toBe('version:3');
    expect(defaultChoice({ ...model, aliases: [], versions: [] })).toBe(
      undefined,
    );
  });

  it('turns a choice into the version or alias of a request, and words', () => {
    expect(requestOfChoice(versionChoice('2'))).toEqual({ version: '2' });
    expect(requestOfChoice(aliasChoice('champion'))).toEqual({
      alias: 'champion',
    });
    expect(describeChoice(model, 'version:3')).toBe('version 3');
    expect(describeChoice(model, 'alias:champion')).toBe(
      'version 2 (alias champion)',
    );
    expect(describeChoice(model, 'alias:gone')).toBe('alias gone');
    expect(describeChoice(model, undefined)).toBe('');
  });

  it('makes a DNS label of at most 40 characters of the model name', () => {
    expect(defaultDeploymentName('fraud-risk-classifier')).toBe(
      'fraud-risk-classifier',
    );
    expect(defaultDeploymentName('Fraud Risk / Classifier_v2')).toBe(
      'fraud-risk-classifier-v2',
    );
    expect(defaultDeploymentName('2024 model')).toBe('m-2024-model');
    const long = defaultDeploymentName(`${'a'.repeat(39)}-bbbb`);
    expect(long).toBe('a'.repeat(39));
    expect(defaultDeploymentName('---')).toBe('model');
    expect(defaultDeploymentName('a'.repeat(60))).toHaveLength(40);
  });

  it('starts the form with the defaults', () => {
    expect(initialDeployForm(model, modelServing())).toEqual({
      choice: 'alias:champion',
      namespace: 'fraud-detection',
      name: 'fraud-risk-classifier',
      protocol: 'seldon',
      replicas: '1',
      cpu: '500m',
      memory: '1Gi',
      autoscaling: false,
      minReplicas: '1',
      maxReplicas: '3',
    });
    expect(initialDeployForm(model, modelServing(), 'version:3').choice).toBe(
      'version:3',
    );
  });

  it('finds what is wrong, by field', () => {
    const form = initialDeployForm(model, modelServing());
    expect(deployFormIssues(form)).toEqual([]);
    const issues = deployFormIssues({
      ...form,
      name: 'Scorer',
      replicas: '0',
      cpu: 'lots',
      autoscaling: true,
      minReplicas: '3',
      maxReplicas: '2',
    });
    expect(issues.map(i => i.field)).toEqual([
      'name',
      'replicas',
      'cpu',
      'maxReplicas',
    ]);
    expect(issueOf(issues, 'cpu')).toMatch(/not a Kubernetes quantity/);
    expect(issueOf(issues, 'memory')).toBeUndefined();
    expect(
      deployFormIssues({ ...form, name: 'a'.repeat(41) }).map(i => i.reason),
    ).toEqual(['must be at most 40 characters (it has 41)']);
    expect(
      deployFormIssues({ ...form, namespace: '', choice: '' }).map(
        i => i.field,
      ),
    ).toEqual(['choice', 'namespace']);
  });

  it('builds the request', () => {
    const form = initialDeployForm(model, modelServing());
    expect(deployRequest(model.name, form, false)).toEqual({
      model: 'fraud-risk-classifier',
      alias: 'champion',
      name: 'fraud-risk-classifier',
      protocol: 'seldon',
      replicas: 1,
      cpu: '500m',
      memory: '1Gi',
    });
    expect(
      deployRequest(
        model.name,
        {
          ...form,
          choice: 'version:3',
          protocol: 'v2',
          replicas: ' 2 ',
          autoscaling: true,
          minReplicas: '2',
          maxReplicas: '4',
        },
        true,
      ),
    ).toEqual({
      model: 'fraud-risk-classifier',
      version: '3',
      name: 'fraud-risk-classifier',
      protocol: 'v2',
      replicas: 2,
      cpu: '500m',
      memory: '1Gi',
      autoscaling: { minReplicas: 2, maxReplicas: 4 },
      dryRun: true,
    });
  });

  it('parses counts and names protocols', () => {
    expect(parseCount('3')).toBe(3);
    expect(parseCount('0')).toBeUndefined();
    expect(parseCount('1.5')).toBeUndefined();
    expect(parseCount('')).toBeUndefined();
    expect(protocolLabel('v2')).toBe('V2 inference protocol (MLServer)');
    expect(protocolLabel('other')).toBe('other');
    expect(servingProtocols({ protocols: [] })).toEqual(['seldon', 'v2']);
    expect(servingProtocols({ protocols: ['v2'] })).toEqual(['v2']);
  });
});
