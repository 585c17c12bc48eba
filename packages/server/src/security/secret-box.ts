import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '@qiao/core';

/**
 * Encrypts stored secrets (provider API keys) with AES-256-GCM under a key derived from
 * QIAO_SECRET. Format: `v1.<iv>.<ciphertext>.<tag>` (base64url); the version prefix lets a
 * later format coexist with rows written by this one.
 */
const version = 'v1';
const aad = Buffer.from('qiao-secret-box:v1');
const derivedKeys = new Map<string, Buffer>();

export function encryptSecret(secret: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret), iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [version, iv, ciphertext, cipher.getAuthTag()].map(encode).join('.');
}

export function decryptSecret(secret: string, box: string): string {
  const parts = box.split('.');
  if (parts.length !== 4 || parts[0] !== version) {
    throw new AppError(
      'internal',
      'Cannot decrypt a stored secret: it is not in a format this version of Qiao knows',
    );
  }
  const [, iv, ciphertext, tag] = parts.map((part) => Buffer.from(part, 'base64url')) as [
    Buffer,
    Buffer,
    Buffer,
    Buffer,
  ];
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret), iv);
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new AppError(
      'internal',
      'Cannot decrypt a stored secret: QIAO_SECRET is not the one it was encrypted with (or the stored value is corrupted)',
      { cause: error },
    );
  }
}

function keyFor(secret: string): Buffer {
  if (!secret)
    throw new AppError('internal', 'QIAO_SECRET is empty; stored secrets cannot be encrypted or decrypted');
  let key = derivedKeys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'qiao', 'secret-box aes-256-gcm v1', 32));
    // a process normally sees one or two secrets; the bound only guards against misuse
    if (derivedKeys.size >= 16) derivedKeys.clear();
    derivedKeys.set(secret, key);
  }
  return key;
}

function encode(value: string | Buffer): string {
  return typeof value === 'string' ? value : value.toString('base64url');
}
