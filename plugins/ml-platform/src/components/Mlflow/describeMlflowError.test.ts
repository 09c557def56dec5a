import { responseError } from '../../testUtils/overviewFixtures';
import { describeMlflowError } from './describeMlflowError';

describe('describeMlflowError', () => {
  it.each([
    [400, 'invalid-request'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [503, 'mlflow-unreachable'],
    [500, 'other'],
  ])(
    'sorts status %i as %s and keeps the backend message',
    async (status, kind) => {
      const error = await responseError(status, `message ${status}`);
      expect(describeMlflowError(error)).toEqual({
        kind,
        message: `message ${status}`,
      });
    },
  );

  it('keeps the message of an error that is no HTTP answer', () => {
    expect(describeMlflowError(new Error('Failed to fetch'))).toEqual({
      kind: 'other',
      message: 'Failed to fetch',
    });
  });
});
