import { AppError } from '@qiao/core';

/** Names the system uses for itself; a real account with one of them would be confusing. */
const reserved = new Set(['local-cli', 'system', 'root']);

/** Letters (any script, so 中文 names work), digits, `.`, `_`, `-`; 2–32 characters. */
const usernamePattern = /^[\p{L}\p{N}][\p{L}\p{N}._-]{1,31}$/u;

export function normalizeUsername(username: string): string {
  return username.normalize('NFKC').trim();
}

export function checkUsername(username: string): void {
  if (!usernamePattern.test(username)) {
    throw new AppError(
      'validation_failed',
      'Username must be 2–32 letters, digits, ".", "_" or "-", starting with a letter or digit',
    );
  }
  if (reserved.has(username.toLowerCase())) {
    throw new AppError('validation_failed', `Username "${username}" is reserved`);
  }
}

export const minPasswordLength = 8;
const maxPasswordLength = 256;

export function checkPassword(password: string, username: string): void {
  if (password.trim().length < minPasswordLength) {
    throw new AppError('validation_failed', `Password must be at least ${minPasswordLength} characters`);
  }
  if (password.length > maxPasswordLength) {
    throw new AppError('validation_failed', `Password must be at most ${maxPasswordLength} characters`);
  }
  if (password.toLowerCase() === username.toLowerCase()) {
    throw new AppError('validation_failed', 'Password must not be the same as the username');
  }
}
