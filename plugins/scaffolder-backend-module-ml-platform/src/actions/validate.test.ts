import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createValidateAction } from './validate';

describe('ml-platform:validate', () => {
  const action = createValidateAction();

  it('passes valid names and quantities and reports how many it checked', async () => {
    const ctx = createMockActionContext({
      input: {
        names: { team: 'fraud-detection', name: 'churn' },
        quantities: { cpu: '500m', memory: '4Gi', pods: 10 },
      },
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('checked', 5);
  });

  it('names every rejected field and the reason', async () => {
    const ctx = createMockActionContext({
      input: {
        names: { name: 'Churn_Model' },
        quantities: { memory: '4GB' },
      },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      'name must consist of lower case letters, digits and "-", and start and end with a letter or digit (DNS-1123 label); memory "4GB" is not a Kubernetes quantity (examples: 500m, 2, 4Gi)',
    );
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('declares dry-run support and an example', () => {
    expect(action.supportsDryRun).toBe(true);
    expect(action.examples?.[0].example).toContain('ml-platform:validate');
  });
});
