/**
 * Configured URLs may carry credentials: user info (`http://user:secret@host`)
 * or a query parameter (`?token=...`). Requests use what they need of them;
 * everything shown (responses, logs, links, catalog entities, error
 * messages) goes through {@link displayUrl}.
 */

/** Query parameters whose value is treated as a credential: the name contains one of these, in any case. */
const CREDENTIAL_PARAMETER = /token|key|secret|pass|sig|auth|credential/i;

const REDACTED = '***';

/** User info of a URL, e.g. `//user:secret@`, in text that is not a parseable URL. */
const USER_INFO = /\/\/[^/?#@\s]*@/;

/** A credential-looking query parameter in text that is not a parseable URL. */
const CREDENTIAL_QUERY =
  /([?&][^=&#\s]*(?:token|key|secret|pass|sig|auth|credential)[^=&#\s]*=)[^&#\s]*/gi;

/** Absolute URLs inside a text, e.g. an error message. */
const URL_IN_TEXT = /[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi;

/** The user name and password of a URL's user info. @public */
export type UrlCredentials = { username: string; password: string };

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * The URL without its user info, and that user info (decoded) when there was
 * one. fetch refuses URLs with credentials; they belong in a header
 * ({@link basicAuthorization}). A URL without user info is returned as is.
 */
export function splitUserInfo(url: string): {
  url: string;
  credentials?: UrlCredentials;
} {
  const parsed = parse(url);
  if (!parsed || (!parsed.username && !parsed.password)) {
    return { url };
  }
  const credentials = {
    username: decode(parsed.username),
    password: decode(parsed.password),
  };
  parsed.username = '';
  parsed.password = '';
  return { url: parsed.toString(), credentials };
}

/** The `Authorization` header value of basic auth. */
export function basicAuthorization({
  username,
  password,
}: UrlCredentials): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString(
    'base64',
  )}`;
}

/**
 * A URL as it may be shown: without user info, with the value of every query
 * parameter that looks like a credential (its name contains token, key,
 * secret, pass, sig, auth or credential) replaced by `***`, and without
 * trailing slashes. Text that is not a URL gets the same treatment by
 * pattern.
 * @public
 */
export function displayUrl(url: string): string {
  const parsed = parse(url);
  if (!parsed) {
    return url
      .replace(USER_INFO, '//')
      .replace(CREDENTIAL_QUERY, `$1${REDACTED}`)
      .replace(/\/+$/, '');
  }
  parsed.username = '';
  parsed.password = '';
  for (const name of new Set(parsed.searchParams.keys())) {
    if (CREDENTIAL_PARAMETER.test(name)) {
      parsed.searchParams.set(name, REDACTED);
    }
  }
  return parsed.toString().replace(/\/+$/, '');
}

function carriesCredentials(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) {
    return USER_INFO.test(url) || new RegExp(CREDENTIAL_QUERY).test(url);
  }
  return (
    Boolean(parsed.username || parsed.password) ||
    [...parsed.searchParams.keys()].some(name =>
      CREDENTIAL_PARAMETER.test(name),
    )
  );
}

/**
 * The text with every URL in it that carries credentials replaced by its
 * {@link displayUrl}: for messages of errors thrown by libraries, which may
 * quote the URL they were given. Other URLs are left exactly as they are.
 */
export function redactUrlsIn(text: string): string {
  return text.replace(URL_IN_TEXT, found => {
    // punctuation after a URL belongs to the sentence
    const [, url, after] = /^(.*?)([.,;:!?)\]]*)$/s.exec(found)!;
    return carriesCredentials(url) ? `${displayUrl(url)}${after}` : found;
  });
}
