import { responseError } from '../../testUtils/overviewFixtures';
import { optionsErrorMessage } from './optionsError';

describe('optionsErrorMessage', () => {
  it("is the backend's message of an error answer", async () => {
    expect(
      optionsErrorMessage(
        await responseError(503, 'Cluster local is unreachable: timeout'),
      ),
    ).toBe('Cluster local is unreachable: timeout');
  });

  it('is the message of other errors', () => {
    expect(optionsErrorMessage(new TypeError('Failed to fetch'))).toBe(
      'Failed to fetch',
    );
  });
});
