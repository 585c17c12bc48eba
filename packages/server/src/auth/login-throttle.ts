import { AppError } from '@qiao/core';
import { normalizeUsername } from '../users/user-rules';
import { throttleAddress } from './throttle-address';

interface Window {
  failures: number;
  startedAt: number;
}

export interface LoginThrottleOptions {
  /** failed sign-ins per user name within the window before it is locked */
  perUser?: number;
  /** failed sign-ins per client address (higher: an office shares one address) */
  perAddress?: number;
  windowMs?: number;
  now?: () => number;
}

/**
 * Slows password guessing: too many failures for one account, or from one address, within
 * the window refuse further attempts (429 with Retry-After) before any password is checked.
 * The route passes the account (`accountKey`), so every spelling that signs in to one account
 * shares its count; an IPv6 client counts per /64, the block one subscriber gets.
 * Kept in this process; instances behind a load balancer each count their own.
 */
export class LoginThrottle {
  readonly #windows = new Map<string, Window>();
  readonly #perUser: number;
  readonly #perAddress: number;
  readonly #windowMs: number;
  readonly #now: () => number;

  constructor(options: LoginThrottleOptions = {}) {
    this.#perUser = options.perUser ?? 5;
    this.#perAddress = options.perAddress ?? 30;
    this.#windowMs = options.windowMs ?? 15 * 60_000;
    this.#now = options.now ?? Date.now;
  }

  /** Throws AppError('rate_limited') while either key is locked. */
  check(username: string, address: string | undefined): void {
    const waits = this.#keys(username, address).map(([key, limit]) => this.#wait(key, limit));
    const seconds = Math.max(0, ...waits);
    if (seconds > 0) {
      throw new AppError(
        'rate_limited',
        `Too many failed sign-ins: try again in ${Math.ceil(seconds / 60)} minute(s)`,
        { retryAfter: seconds },
      );
    }
  }

  fail(username: string, address: string | undefined): void {
    const now = this.#now();
    for (const [key] of this.#keys(username, address)) {
      const window = this.#windows.get(key);
      if (!window || now - window.startedAt >= this.#windowMs)
        this.#windows.set(key, { failures: 1, startedAt: now });
      else window.failures++;
    }
    if (this.#windows.size > 10_000) this.#prune(now);
  }

  /** A correct password clears the user name's count (not the address's). */
  succeed(username: string): void {
    this.#windows.delete(userKey(username));
  }

  #keys(username: string, address: string | undefined): [string, number][] {
    const keys: [string, number][] = [[userKey(username), this.#perUser]];
    if (address) keys.push([`address:${throttleAddress(address)}`, this.#perAddress]);
    return keys;
  }

  #wait(key: string, limit: number): number {
    const window = this.#windows.get(key);
    if (!window || window.failures < limit) return 0;
    return Math.max(0, Math.ceil((window.startedAt + this.#windowMs - this.#now()) / 1000));
  }

  #prune(now: number): void {
    for (const [key, window] of this.#windows) {
      if (now - window.startedAt >= this.#windowMs) this.#windows.delete(key);
    }
  }
}

/**
 * What a failed sign-in is counted against: the account when the name found one (so " carol",
 * "Carol" and "ｃａｒｏｌ" share carol's count whatever the database's case rules), else the
 * name as usernames are normalized, lower-cased.
 */
export function accountKey(username: string, userId: string | undefined): string {
  return userId ? `id:${userId}` : `name:${normalizeUsername(username).toLowerCase()}`;
}

const userKey = (account: string) => `user:${normalizeUsername(account).toLowerCase()}`;
