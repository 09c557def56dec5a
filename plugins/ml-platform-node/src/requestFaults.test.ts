import { ServiceUnavailableError } from '@backstage/errors';
import {
  formatSeconds,
  noAnswerError,
  RequestTimeoutError,
  withReadRetries,
} from './requestFaults';

const policy = { retries: 2, retryDelayMs: 1 };

/** An attempt that gives the answers (or throws the errors) in turn. */
function attempts(...outcomes: Array<number | Error>) {
  let calls = 0;
  const attempt = async () => {
    const outcome = outcomes[Math.min(calls++, outcomes.length - 1)];
    if (outcome instanceof Error) {
      throw outcome;
    }
    return { status: outcome };
  };
  return { attempt, calls: () => calls };
}

const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
const status = (answer: { status: number }) => answer.status;

describe('withReadRetries', () => {
  it('tries again after 502, 503 and 504 and gives the first other answer', async () => {
    const { attempt, calls } = attempts(502, 503, 200);
    await expect(withReadRetries(attempt, status, policy)).resolves.toEqual({
      status: 200,
    });
    expect(calls()).toBe(3);
  });

  it('gives the last answer when the retries are used up', async () => {
    const { attempt, calls } = attempts(504);
    await expect(withReadRetries(attempt, status, policy)).resolves.toEqual({
      status: 504,
    });
    expect(calls()).toBe(3);
  });

  it('does not retry other answers', async () => {
    const { attempt, calls } = attempts(500, 200);
    await expect(withReadRetries(attempt, status, policy)).resolves.toEqual({
      status: 500,
    });
    expect(calls()).toBe(1);
  });

  it('retries network failures and throws the last one', async () => {
    const last = refused();
    const { attempt, calls } = attempts(refused(), refused(), last);
    await expect(withReadRetries(attempt, status, policy)).rejects.toBe(last);
    expect(calls()).toBe(3);
  });

  it('does not retry a timeout', async () => {
    const timeout = new RequestTimeoutError(300);
    const { attempt, calls } = attempts(timeout, 200);
    await expect(withReadRetries(attempt, status, policy)).rejects.toBe(
      timeout,
    );
    expect(calls()).toBe(1);
  });

  it('tries once without retries (writes)', async () => {
    const { attempt, calls } = attempts(refused(), 200);
    await expect(
      withReadRetries(attempt, status, { retries: 0, retryDelayMs: 1 }),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(calls()).toBe(1);
  });
});

describe('noAnswerError', () => {
  it('says the system did not answer within the timeout', () => {
    const error = noAnswerError(
      'Prometheus at http://127.0.0.1:1',
      new RequestTimeoutError(10_000),
    );
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toBe(
      'Prometheus at http://127.0.0.1:1 did not answer within 10 s',
    );
  });

  it('names the network code of the failure, else its message', () => {
    expect(noAnswerError('X', refused()).message).toBe(
      'X is unreachable: ECONNREFUSED',
    );
    expect(
      noAnswerError(
        'X',
        Object.assign(new TypeError('fetch failed'), {
          cause: { code: 'ENOTFOUND' },
        }),
      ).message,
    ).toBe('X is unreachable: ENOTFOUND');
    expect(noAnswerError('X', new Error('bad certificate')).message).toBe(
      'X is unreachable: bad certificate',
    );
  });
});

describe('formatSeconds', () => {
  it('writes milliseconds as seconds', () => {
    expect(formatSeconds(10_000)).toBe('10 s');
    expect(formatSeconds(300)).toBe('0.3 s');
    expect(formatSeconds(1250)).toBe('1.25 s');
  });
});
