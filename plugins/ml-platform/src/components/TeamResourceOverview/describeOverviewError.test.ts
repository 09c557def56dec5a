import { ResponseError } from '@backstage/errors';
import { describeOverviewError } from './describeOverviewError';

async function responseError(status: number, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'SomeError', message },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}

describe('describeOverviewError', () => {
  it.each([
    [503, 'cluster-unreachable'],
    [403, 'not-a-member'],
    [404, 'unknown-team'],
    [500, 'other'],
  ])(
    "sorts status %d as %s and keeps the backend's message",
    async (status, kind) => {
      const error = await responseError(status, 'what the backend said');
      expect(describeOverviewError(error)).toEqual({
        kind,
        message: 'what the backend said',
      });
    },
  );

  it('treats an error without a response as other', () => {
    expect(describeOverviewError(new TypeError('Failed to fetch'))).toEqual({
      kind: 'other',
      message: 'Failed to fetch',
    });
  });
});
