import { AppError } from '@qiao/core';
import { describe, expect, test } from 'vitest';
import { decryptSecret, encryptSecret } from './secret-box';

const secret = 'a-test-secret-of-enough-length';

describe('secret box', () => {
  test('round-trips text, including non-ASCII and empty strings', () => {
    for (const plaintext of ['sk-abc123', '密钥 🔑', '']) {
      expect(decryptSecret(secret, encryptSecret(secret, plaintext))).toBe(plaintext);
    }
  });

  test('uses a fresh IV each time and a versioned format', () => {
    const a = encryptSecret(secret, 'same');
    const b = encryptSecret(secret, 'same');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(a).not.toContain('same');
  });

  test('the wrong secret throws a clear AppError', () => {
    const box = encryptSecret(secret, 'provider-key');
    const attempt = () => decryptSecret('another-secret-of-enough-length', box);
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(/QIAO_SECRET/);
  });

  test('tampered or malformed boxes are rejected', () => {
    const [v, iv, ct, tag] = encryptSecret(secret, 'provider-key').split('.') as [
      string,
      string,
      string,
      string,
    ];
    const flipped = `${ct.slice(0, -2)}${ct.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(() => decryptSecret(secret, [v, iv, flipped, tag].join('.'))).toThrow(AppError);
    expect(() => decryptSecret(secret, 'plain-text')).toThrow(/format/);
    expect(() => decryptSecret(secret, `v9.${iv}.${ct}.${tag}`)).toThrow(/format/);
  });

  test('an empty secret is refused', () => {
    expect(() => encryptSecret('', 'x')).toThrow(/QIAO_SECRET is empty/);
  });
});
