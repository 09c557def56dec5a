import type {
  BackstageUserIdentity,
  DiscoveryApi,
  IdentityApi,
  ProfileInfo,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';

/** The header the demo auth provider reads; see the demo provider module. */
export const DEMO_USER_HEADER = 'x-ml-platform-demo-user';

const STORAGE_KEY = 'ml-platform:demo-user';
const REFRESH_MARGIN_MS = 60_000;

type Session = {
  token: string;
  identity: BackstageUserIdentity;
  profile: ProfileInfo;
  expiresAt: number;
};

export function rememberedDemoUser(): string | undefined {
  return window.sessionStorage.getItem(STORAGE_KEY) ?? undefined;
}

function expiryOf(token: string): number {
  const payload = token.split('.')[1] ?? '';
  try {
    const claims = JSON.parse(
      window.atob(payload.replace(/-/g, '+').replace(/_/g, '/')),
    );
    if (typeof claims.exp === 'number') {
      return claims.exp * 1000 - REFRESH_MARGIN_MS;
    }
  } catch {
    // fall through to a short default
  }
  return Date.now() + 5 * 60_000;
}

/**
 * An IdentityApi for the local demo sign-in: it asks the `demo` auth provider
 * for a token of the chosen catalog user, refreshes it before it expires, and
 * forgets the choice on sign-out so the user list shows again.
 */
export class DemoIdentity implements IdentityApi {
  #session?: Session;
  #pending?: Promise<Session>;

  constructor(
    private readonly userName: string,
    private readonly discoveryApi: DiscoveryApi,
  ) {}

  async start(): Promise<void> {
    await this.session();
    window.sessionStorage.setItem(STORAGE_KEY, this.userName);
  }

  async getProfileInfo(): Promise<ProfileInfo> {
    return (await this.session()).profile;
  }

  async getBackstageIdentity(): Promise<BackstageUserIdentity> {
    return (await this.session()).identity;
  }

  async getCredentials(): Promise<{ token?: string }> {
    return { token: (await this.session()).token };
  }

  async signOut(): Promise<void> {
    window.sessionStorage.removeItem(STORAGE_KEY);
    this.#session = undefined;
  }

  private async session(): Promise<Session> {
    if (this.#session && Date.now() < this.#session.expiresAt) {
      return this.#session;
    }
    this.#pending ??= this.fetchSession().finally(() => {
      this.#pending = undefined;
    });
    this.#session = await this.#pending;
    return this.#session;
  }

  private async fetchSession(): Promise<Session> {
    const baseUrl = await this.discoveryApi.getBaseUrl('auth');
    const response = await fetch(`${baseUrl}/demo/refresh`, {
      headers: {
        [DEMO_USER_HEADER]: this.userName,
        'X-Requested-With': 'XMLHttpRequest',
      },
      credentials: 'include',
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const body = await response.json();
    const token: string = body.backstageIdentity.token;
    return {
      token,
      identity: body.backstageIdentity.identity,
      profile: body.profile ?? {},
      expiresAt: expiryOf(token),
    };
  }
}
