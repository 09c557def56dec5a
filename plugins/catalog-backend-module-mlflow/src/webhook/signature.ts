import { createHmac, timingSafeEqual } from 'node:crypto';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  RequestValidationContext,
  RequestValidator,
} from '@backstage/plugin-events-node';
import { DeliveryReplayCache } from './replayCache';

/**
 * MLflow's webhook headers (mlflow/webhooks/constants.py), lower-cased as
 * Node.js gives them. MLflow signs `<delivery id>.<timestamp>.<body>` with
 * HMAC-SHA256 and the webhook's secret and sends `v1,<base64 digest>`.
 */
export const MLFLOW_SIGNATURE_HEADER = 'x-mlflow-signature';
export const MLFLOW_DELIVERY_ID_HEADER = 'x-mlflow-delivery-id';
export const MLFLOW_TIMESTAMP_HEADER = 'x-mlflow-timestamp';

const SIGNATURE_VERSION = 'v1';

/** How far a delivery's timestamp may be from the receiver's clock, in seconds. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** The outcome of checking one delivery. */
export type SignatureCheck =
  | { ok: true }
  | { ok: false; status: 401 | 403; message: string };

type Headers = Record<string, string | string[] | undefined>;

/**
 * The signature MLflow sends for a delivery (`v1,<base64>`), computed over the
 * body's exact bytes, as MLflow's `_generate_hmac_signature` computes it over
 * the UTF-8 of the JSON it sends.
 */
export function mlflowSignature(
  secret: string,
  deliveryId: string,
  timestamp: string,
  rawBody: Buffer,
): string {
  return `${SIGNATURE_VERSION},${digest(
    secret,
    deliveryId,
    timestamp,
    rawBody,
  ).toString('base64')}`;
}

function digest(
  secret: string,
  deliveryId: string,
  timestamp: string,
  rawBody: Buffer,
): Buffer {
  return createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(Buffer.from(`${deliveryId}.${timestamp}.`, 'utf8'))
    .update(rawBody)
    .digest();
}

/** A header sent once, or undefined (absent, empty, or sent several times). */
function single(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

type Refusal = Extract<SignatureCheck, { ok: false }>;

function refuse(status: 401 | 403, message: string): Refusal {
  return { ok: false, status, message };
}

/**
 * Checks that a delivery was signed by MLflow with `secret`, recently:
 * 401 for a call without a (usable) signature or its headers, 403 for a
 * signature that does not match and for a timestamp more than
 * `toleranceSeconds` away from now. Compares in constant time.
 */
export function verifyMlflowSignature(options: {
  secret: string;
  headers: Headers;
  rawBody: Buffer;
  /** Now, in Unix seconds. Default: the clock. */
  nowSeconds?: number;
  toleranceSeconds?: number;
}): SignatureCheck {
  const { secret, headers, rawBody } = options;
  const signatureHeader = single(headers, MLFLOW_SIGNATURE_HEADER);
  if (!signatureHeader) {
    return refuse(
      401,
      'unsigned call refused: no X-MLflow-Signature header (MLflow signs deliveries only when the webhook has a secret)',
    );
  }
  const deliveryId = single(headers, MLFLOW_DELIVERY_ID_HEADER);
  const timestamp = single(headers, MLFLOW_TIMESTAMP_HEADER);
  if (!deliveryId || !timestamp) {
    return refuse(
      401,
      'call refused: the X-MLflow-Delivery-Id and X-MLflow-Timestamp headers are required with a signature',
    );
  }
  if (!/^\d{1,12}$/.test(timestamp)) {
    return refuse(
      401,
      'call refused: X-MLflow-Timestamp is not a Unix time in seconds',
    );
  }
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const skew = Math.abs(now - Number(timestamp));
  if (skew > tolerance) {
    return refuse(
      403,
      `stale call refused: its X-MLflow-Timestamp is ${skew} s away from this server's clock (at most ${tolerance} s allowed); a replayed delivery, or clocks out of sync`,
    );
  }

  // "v1,<sig>", or several space-separated, as in Standard Webhooks
  const candidates = signatureHeader
    .split(' ')
    .map(entry => entry.split(','))
    .filter(([version, value]) => version === SIGNATURE_VERSION && value)
    .map(([, value]) => Buffer.from(value, 'base64'));
  if (candidates.length === 0) {
    return refuse(
      401,
      `call refused: X-MLflow-Signature has no "${SIGNATURE_VERSION},<base64>" signature`,
    );
  }
  const expected = digest(secret, deliveryId, timestamp, rawBody);
  const matches = candidates.some(
    candidate =>
      candidate.length === expected.length &&
      timingSafeEqual(candidate, expected),
  );
  if (!matches) {
    return refuse(
      403,
      'forged call refused: X-MLflow-Signature does not match (not signed with the configured secret, catalog.providers.mlflow.webhook.secret, or the body was changed)',
    );
  }
  return { ok: true };
}

/**
 * The validator of the events backend's HTTP ingress for MLflow webhooks:
 * rejects every call `verifyMlflowSignature` refuses, and with 403 a signed
 * delivery whose X-MLflow-Delivery-Id it accepted before within the
 * timestamp window (a replay; see `DeliveryReplayCache`), answering
 * `{ error: { name, message } }` with its status. Logs refusals (never the
 * secret or the signature).
 */
export function createMlflowWebhookValidator(options: {
  secret: string;
  toleranceSeconds?: number;
  logger?: LoggerService;
  /** Now, in Unix seconds; for tests. */
  now?: () => number;
  /** The most delivery ids remembered against replays. Default 10,000. */
  maxDeliveries?: number;
}): RequestValidator {
  const toleranceSeconds =
    options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const accepted = new DeliveryReplayCache({
    toleranceSeconds,
    maxEntries: options.maxDeliveries,
  });
  const refuseCall = (context: RequestValidationContext, check: Refusal) => {
    options.logger?.warn(`MLflow webhook: ${check.message}`);
    context.reject({
      status: check.status,
      payload: {
        error: {
          name:
            check.status === 401 ? 'AuthenticationError' : 'NotAllowedError',
          message: check.message,
        },
      },
    });
  };

  return async (request, context) => {
    const nowSeconds = options.now?.() ?? Math.floor(Date.now() / 1000);
    const check = verifyMlflowSignature({
      secret: options.secret,
      headers: request.headers,
      rawBody: request.raw.body,
      nowSeconds,
      toleranceSeconds,
    });
    if (!check.ok) {
      refuseCall(context, check);
      return;
    }
    // both are present and single once the signature verified
    const deliveryId = single(request.headers, MLFLOW_DELIVERY_ID_HEADER)!;
    const timestamp = Number(single(request.headers, MLFLOW_TIMESTAMP_HEADER));
    if (!accepted.remember(deliveryId, timestamp, nowSeconds)) {
      refuseCall(
        context,
        refuse(
          403,
          `replayed call refused: delivery ${deliveryId} (X-MLflow-Delivery-Id) was already received within the ${toleranceSeconds} s timestamp window; MLflow gives each delivery its own id, so this is a replay`,
        ),
      );
    }
  };
}
