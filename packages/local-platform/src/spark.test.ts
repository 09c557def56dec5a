import { sparkWebhookConfigurations } from './spark.ts';

const UPSTREAM = `
apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata:
  name: mutating-webhook-configuration
webhooks:
- name: mutate-pod.sparkoperator.k8s.io
  clientConfig:
    service: { name: webhook-service, namespace: system, path: /mutate--v1-pod }
  failurePolicy: Fail
- name: mutate-sparkapplication.sparkoperator.k8s.io
  clientConfig:
    service: { name: webhook-service, namespace: system, path: /mutate-sparkoperator-k8s-io-v1beta2-sparkapplication }
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata:
  name: validating-webhook-configuration
webhooks:
- name: validate-sparkapplication.sparkoperator.k8s.io
  clientConfig:
    service: { name: webhook-service, namespace: system, path: /validate-sparkoperator-k8s-io-v1beta2-sparkapplication }
`;

describe('sparkWebhookConfigurations', () => {
  const [mutating, validating] = sparkWebhookConfigurations(UPSTREAM, 20444);

  it('sends every webhook to localhost on the given port, keeping its path', () => {
    expect(mutating.webhooks.map(w => w.clientConfig)).toEqual([
      { url: 'https://localhost:20444/mutate--v1-pod' },
      {
        url: 'https://localhost:20444/mutate-sparkoperator-k8s-io-v1beta2-sparkapplication',
      },
    ]);
    expect(validating.webhooks[0].clientConfig).toEqual({
      url: 'https://localhost:20444/validate-sparkoperator-k8s-io-v1beta2-sparkapplication',
    });
  });

  it('sends only the pods the operator launches through the pod webhook', () => {
    expect(mutating.webhooks[0].objectSelector).toEqual({
      matchLabels: {
        'sparkoperator.k8s.io/launched-by-spark-operator': 'true',
      },
    });
    expect(mutating.webhooks[1].objectSelector).toBeUndefined();
  });

  it('keeps the names its upstream role may update', () => {
    expect([mutating.metadata.name, validating.metadata.name]).toEqual([
      'mutating-webhook-configuration',
      'validating-webhook-configuration',
    ]);
  });
});
