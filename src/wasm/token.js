// The auth token authTokenForCode resolves with: the token and its expiry, the
// token kept out of everything that prints the object (console.log and Node's
// util.inspect, JSON.stringify, String(), spreading or Object.keys).

const inspect = Symbol.for("nodejs.util.inspect.custom");

/** A client auth token: read `token` to use it; `expires_at` is RFC 3339 or null. */
class AuthToken {
  #token;

  constructor(token, expiresAt) {
    this.#token = token;
    this.expires_at = expiresAt;
    Object.freeze(this);
  }

  /** The token itself (a JWT). */
  get token() {
    return this.#token;
  }

  toJSON() {
    return { token: "<redacted>", expires_at: this.expires_at };
  }

  toString() {
    return `AuthToken { token: <redacted>, expires_at: ${this.expires_at} }`;
  }

  [inspect]() {
    return this.toString();
  }
}

/** The token `token`, expiring at `expiresAt` (RFC 3339, or null). */
export function authToken(token, expiresAt) {
  return new AuthToken(token, expiresAt ?? null);
}
