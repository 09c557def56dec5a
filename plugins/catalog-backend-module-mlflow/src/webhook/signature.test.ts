import type { RequestDetails } from '@backstage/plugin-events-node';
import {
  createMlflowWebhookValidator,
  mlflowSignature,
  verifyMlflowSignature,
} from './signature';
import { readWebhookSecret } from './module';

/*
 * Vectors computed once with MLflow 3.17.2's own signing code,
 * mlflow.webhooks.delivery._generate_hmac_signature(secret, delivery_id,
 * timestamp, payload), where the payload is what MLflow sends:
 * json.dumps(...) of the event.
 */
const SECRET = 'test-secret-for-unit-tests-only';
const DELIVERY_ID = '8f0c5c2e-3d4b-4c64-9a53-0c6f2a1d7e11';
const TIMESTAMP = '1767225600';
const NOW = 1767225600 + 42;
const MODEL_VERSION_CREATED =
  '{"entity": "model_version", "action": "created", "timestamp": "2026-01-01T00:00:00+00:00", "data": {"name": "fraud-risk-classifier", "version": "3", "source": "models:/m-123", "run_id": "abc", "tags": {}, "description": null}}';
const MODEL_VERSION_CREATED_SIGNATURE =
  'v1,j0oSVRP2xAujlr9os1PJabz9SSnWCPHNbmEfKvx4RFY=';
// json.dumps escapes non-ASCII; this one has raw UTF-8 bytes in the body
const UTF8_BODY = '{"data": {"name": "Prévision des ventes"}}';
const UTF8_BODY_SIGNATURE = 'v1,dZQ9qPBCgyYFFg7ju2/SLByt7lLxBKJjUEwErZ/bnPY=';

function headers(
  overrides: Record<string, string | string[] | undefined> = {},
) {
  return {
    'content-type': 'application/json',
    'x-mlflow-signature': MODEL_VERSION_CREATED_SIGNATURE,
    'x-mlflow-delivery-id': DELIVERY_ID,
    'x-mlflow-timestamp': TIMESTAMP,
    ...overrides,
  };
}

function verify(
  overrides: Record<string, string | string[] | undefined> = {},
  body = MODEL_VERSION_CREATED,
  nowSeconds = NOW,
) {
  return verifyMlflowSignature({
    secret: SECRET,
    headers: headers(overrides),
    rawBody: Buffer.from(body, 'utf8'),
    nowSeconds,
  });
}

describe('mlflowSignature', () => {
  it('computes what MLflow sends', () => {
    expect(
      mlflowSignature(
        SECRET,
        DELIVERY_ID,
        TIMESTAMP,
        Buffer.from(MODEL_VERSION_CREATED, 'utf8'),
      ),
    ).toBe(MODEL_VERSION_CREATED_SIGNATURE);
  });

  it('signs the raw UTF-8 bytes of the body', () => {
    expect(
      mlflowSignature(
        SECRET,
        DELIVERY_ID,
        TIMESTAMP,
        Buffer.from(UTF8_BODY, 'utf8'),
      ),
    ).toBe(UTF8_BODY_SIGNATURE);
  });
});

describe('verifyMlflowSignature', () => {
  it('accepts a delivery signed by MLflow with the secret', () => {
    expect(verify()).toEqual({ ok: true });
    expect(
      verify({ 'x-mlflow-signature': UTF8_BODY_SIGNATURE }, UTF8_BODY),
    ).toEqual({ ok: true });
  });

  it('accepts a timestamp up to 5 minutes away, either way', () => {
    expect(verify({}, MODEL_VERSION_CREATED, 1767225600 + 300).ok).toBe(true);
    expect(verify({}, MODEL_VERSION_CREATED, 1767225600 - 300).ok).toBe(true);
  });

  it('accepts one matching signature among several', () => {
    expect(
      verify({
        'x-mlflow-signature': `v1,AAAA v2,xyz ${MODEL_VERSION_CREATED_SIGNATURE}`,
      }).ok,
    ).toBe(true);
  });

  it('refuses an unsigned call with 401', () => {
    expect(verify({ 'x-mlflow-signature': undefined })).toEqual({
      ok: false,
      status: 401,
      message: expect.stringContaining('unsigned call refused'),
    });
    expect(verify({ 'x-mlflow-signature': '' })).toMatchObject({
      ok: false,
      status: 401,
    });
  });

  it('refuses a signature without its delivery id or timestamp with 401', () => {
    for (const missing of ['x-mlflow-delivery-id', 'x-mlflow-timestamp']) {
      expect(verify({ [missing]: undefined })).toEqual({
        ok: false,
        status: 401,
        message: expect.stringContaining(
          'X-MLflow-Delivery-Id and X-MLflow-Timestamp headers are required',
        ),
      });
    }
  });

  it('refuses repeated headers', () => {
    expect(
      verify({
        'x-mlflow-signature': [
          MODEL_VERSION_CREATED_SIGNATURE,
          MODEL_VERSION_CREATED_SIGNATURE,
        ],
      }),
    ).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses a timestamp that is not Unix seconds', () => {
    expect(
      verify({ 'x-mlflow-timestamp': '2026-01-01T00:00:00Z' }),
    ).toMatchObject({
      ok: false,
      status: 401,
      message: expect.stringContaining('not a Unix time'),
    });
  });

  it('refuses a stale or future delivery with 403', () => {
    expect(verify({}, MODEL_VERSION_CREATED, 1767225600 + 301)).toEqual({
      ok: false,
      status: 403,
      message: expect.stringContaining(
        'stale call refused: its X-MLflow-Timestamp is 301 s away',
      ),
    });
    expect(verify({}, MODEL_VERSION_CREATED, 1767225600 - 3600)).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('refuses a forged signature with 403', () => {
    const forged = mlflowSignature(
      'another-secret-of-an-attacker',
      DELIVERY_ID,
      TIMESTAMP,
      Buffer.from(MODEL_VERSION_CREATED),
    );
    expect(verify({ 'x-mlflow-signature': forged })).toEqual({
      ok: false,
      status: 403,
      message: expect.stringContaining('forged call refused'),
    });
  });

  it('refuses a signature of another body, delivery id or timestamp', () => {
    expect(verify({}, MODEL_VERSION_CREATED.replace('"3"', '"4"')).ok).toBe(
      false,
    );
    expect(verify({ 'x-mlflow-delivery-id': 'other' }).ok).toBe(false);
    expect(verify({ 'x-mlflow-timestamp': '1767225601' }).ok).toBe(false);
    // the same JSON, re-serialised: not the bytes MLflow signed
    expect(
      verify({}, JSON.stringify(JSON.parse(MODEL_VERSION_CREATED))).ok,
    ).toBe(false);
  });

  it('refuses truncated, malformed or other-version signatures', () => {
    for (const signature of [
      MODEL_VERSION_CREATED_SIGNATURE.slice(0, -4),
      'v1,',
      'v1,!!!!',
      MODEL_VERSION_CREATED_SIGNATURE.replace('v1,', 'v2,'),
      MODEL_VERSION_CREATED_SIGNATURE.replace('v1,', ''),
    ]) {
      expect(verify({ 'x-mlflow-signature': signature }).ok).toBe(false);
    }
  });

  it('never puts the secret or the signature in its messages', () => {
    for (const result of [
      verify({ 'x-mlflow-signature': undefined }),
      verify({ 'x-mlflow-signature': 'v1,AAAA' }),
      verify({}, MODEL_VERSION_CREATED, 0),
    ]) {
      expect(result.ok).toBe(false);
      const message = (result as { message: string }).message;
      expect(message).not.toContain(SECRET);
      expect(message).not.toContain(MODEL_VERSION_CREATED_SIGNATURE);
    }
  });
});

describe('createMlflowWebhookValidator', () => {
  function request(
    overrides: Record<string, string | undefined> = {},
  ): RequestDetails {
    const body = Buffer.from(MODEL_VERSION_CREATED, 'utf8');
    return {
      body: JSON.parse(MODEL_VERSION_CREATED),
      headers: headers(overrides),
      raw: { body, encoding: 'utf-8' },
    };
  }

  function run(details: RequestDetails) {
    const logger = { warn: jest.fn() };
    const reject = jest.fn();
    const validator = createMlflowWebhookValidator({
      secret: SECRET,
      logger: logger as any,
      now: () => NOW,
    });
    return validator(details, { reject }).then(() => ({ reject, logger }));
  }

  it('lets a signed delivery through', async () => {
    const { reject, logger } = await run(request());
    expect(reject).not.toHaveBeenCalled();
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('rejects an unsigned one with 401 and says why', async () => {
    const { reject, logger } = await run(
      request({ 'x-mlflow-signature': undefined }),
    );
    expect(reject).toHaveBeenCalledWith({
      status: 401,
      payload: {
        error: {
          name: 'AuthenticationError',
          message: expect.stringContaining('unsigned call refused'),
        },
      },
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('unsigned call refused'),
    );
  });

  it('rejects a forged one with 403, logging neither secret nor signature', async () => {
    const { reject, logger } = await run(
      request({ 'x-mlflow-signature': 'v1,Zm9yZ2VkIHNpZ25hdHVyZQ==' }),
    );
    expect(reject).toHaveBeenCalledWith({
      status: 403,
      payload: {
        error: {
          name: 'NotAllowedError',
          message: expect.stringContaining('forged call refused'),
        },
      },
    });
    const logged = JSON.stringify(logger.warn.mock.calls);
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain('Zm9yZ2VkIHNpZ25hdHVyZQ==');
  });

  describe('replays', () => {
    const OTHER_ID = '0b7e2f4a-9c1d-4e8b-8a2f-5d6c7e8f9a0b';

    /** One validator, as the ingress keeps it, on a clock the test moves. */
    function receiver() {
      const clock = { now: NOW };
      const logger = { warn: jest.fn() };
      const validator = createMlflowWebhookValidator({
        secret: SECRET,
        logger: logger as any,
        now: () => clock.now,
      });
      const deliver = async (details: RequestDetails) => {
        const reject = jest.fn();
        await validator(details, { reject });
        return reject;
      };
      return { clock, logger, deliver };
    }

    function signedWithId(deliveryId: string): RequestDetails {
      return request({
        'x-mlflow-delivery-id': deliveryId,
        'x-mlflow-signature': mlflowSignature(
          SECRET,
          deliveryId,
          TIMESTAMP,
          Buffer.from(MODEL_VERSION_CREATED, 'utf8'),
        ),
      });
    }

    it('refuses a delivery id it accepted before with 403 and says why', async () => {
      const { deliver, logger } = receiver();
      expect(await deliver(request())).not.toHaveBeenCalled();
      const replay = await deliver(request());
      expect(replay).toHaveBeenCalledWith({
        status: 403,
        payload: {
          error: {
            name: 'NotAllowedError',
            message: expect.stringContaining(
              `replayed call refused: delivery ${DELIVERY_ID} (X-MLflow-Delivery-Id) was already received`,
            ),
          },
        },
      });
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('replayed call refused'),
      );
    });

    it('accepts a new delivery id', async () => {
      const { deliver } = receiver();
      expect(await deliver(request())).not.toHaveBeenCalled();
      expect(await deliver(signedWithId(OTHER_ID))).not.toHaveBeenCalled();
      expect(await deliver(signedWithId(OTHER_ID))).toHaveBeenCalledWith(
        expect.objectContaining({ status: 403 }),
      );
    });

    it('remembers nothing of a refused call', async () => {
      const { deliver } = receiver();
      const forged = await deliver(
        request({ 'x-mlflow-signature': 'v1,Zm9yZ2VkIHNpZ25hdHVyZQ==' }),
      );
      expect(forged).toHaveBeenCalled();
      expect(await deliver(request())).not.toHaveBeenCalled();
    });

    it('refuses the replay until the window ends, then the timestamp check does', async () => {
      const { clock, deliver } = receiver();
      expect(await deliver(request())).not.toHaveBeenCalled();
      clock.now = Number(TIMESTAMP) + 300;
      expect(await deliver(request())).toHaveBeenCalledWith(
        expect.objectContaining({
          payload: {
            error: expect.objectContaining({
              message: expect.stringContaining('replayed call refused'),
            }),
          },
        }),
      );
      clock.now = Number(TIMESTAMP) + 301;
      expect(await deliver(request())).toHaveBeenCalledWith(
        expect.objectContaining({
          payload: {
            error: expect.objectContaining({
              message: expect.stringContaining('stale call refused'),
            }),
          },
        }),
      );
    });
  });
});

describe('readWebhookSecret', () => {
  const config = (secret?: string) => ({
    getOptionalString: (key: string) =>
      key === 'catalog.providers.mlflow.webhook.secret' ? secret : undefined,
  });

  it('is undefined when no secret is configured', () => {
    const warn = jest.fn();
    expect(readWebhookSecret(config(), warn)).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
  });

  it('refuses a short secret without showing it', () => {
    expect(() => readWebhookSecret(config('short'), jest.fn())).toThrow(
      'catalog.providers.mlflow.webhook.secret must be at least 16 characters long',
    );
  });

  it('turns webhooks off with the local development secret in production only', () => {
    const local = 'insecure-local-mlflow-webhook-secret';
    const warn = jest.fn();
    expect(readWebhookSecret(config(local), warn, 'development')).toBe(local);
    expect(warn).not.toHaveBeenCalled();
    expect(
      readWebhookSecret(config(local), warn, 'production'),
    ).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'MLflow webhooks are off: catalog.providers.mlflow.webhook.secret is the local development secret of app-config.yaml',
      ),
    );
    expect(JSON.stringify(warn.mock.calls)).not.toContain(local);
    expect(readWebhookSecret(config(SECRET), jest.fn(), 'production')).toBe(
      SECRET,
    );
  });
});
