import { chartEnvironment, seldonConfigMap, seldonWebhook } from './seldon.ts';

describe('the Seldon chart, read without Helm', () => {
  it("takes the Deployment's env values from values.yaml, leaving valueFrom entries out", () => {
    const template = [
      '        - name: EXECUTOR_SERVER_PORT',
      "          value: '{{ .Values.executor.port }}'",
      '        - name: EXECUTOR_CONTAINER_IMAGE_AND_VERSION',
      "          value: '{{ .Values.executor.image.registry }}/{{ .Values.executor.image.repository }}:{{ .Values.executor.image.tag }}'",
      '        - name: USE_EXECUTOR',
      "          value: 'true'",
      '        - name: POD_NAMESPACE',
      '          valueFrom:',
      '            fieldRef:',
      '              fieldPath: metadata.namespace',
    ].join('\n');
    const values = {
      executor: {
        port: 8000,
        image: {
          registry: 'docker.io',
          repository: 'seldonio/x',
          tag: '1.17.1',
        },
      },
    };
    expect(chartEnvironment(template, values)).toEqual({
      EXECUTOR_SERVER_PORT: '8000',
      EXECUTOR_CONTAINER_IMAGE_AND_VERSION: 'docker.io/seldonio/x:1.17.1',
      USE_EXECUTOR: 'true',
    });
  });

  it('renders seldon-config as the chart does: each section as JSON', () => {
    const config = seldonConfigMap({
      predictor_servers: { MLFLOW_SERVER: { protocols: {} } },
      storageInitializer: { image: 'seldonio/rclone-storage-initializer' },
    });
    expect(config.metadata).toEqual({
      name: 'seldon-config',
      namespace: 'seldon-system',
    });
    expect(JSON.parse(config.data.predictor_servers)).toEqual({
      MLFLOW_SERVER: { protocols: {} },
    });
    expect(JSON.parse(config.data.credentials)).toEqual({});
  });

  it('points the validating webhook at the loopback port, trusted through the CA', () => {
    const webhook = seldonWebhook('CA PEM', 20443) as any;
    expect(webhook.webhooks[0].clientConfig).toEqual({
      url: 'https://127.0.0.1:20443/validate-machinelearning-seldon-io-v1-seldondeployment',
      caBundle: Buffer.from('CA PEM').toString('base64'),
    });
    expect(webhook.webhooks[0].failurePolicy).toBe('Fail');
  });
});
