import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Development key material kept under `<DATA_DIR>/auth`, created once on first use. */
export interface DevKeys {
  /** HS256 secret of development client tokens (`npm run token`). */
  clientSecret: string;
  /** ES256 key pair of the gateway → subgraph tokens. */
  internalPrivateKeyPem: string;
  internalPublicKeyPem: string;
}

/** Reads a key file, or creates it exclusively; a concurrent creator wins and its value is read back. */
function readOrCreate(file: string, create: () => string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8');
  try {
    writeFileSync(file, create(), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8');
}

/**
 * Loads (or creates, readable by the owner only) the development keys. Never used when `NODE_ENV=production`:
 * production keys come from configuration.
 */
export function loadOrCreateDevKeys(dataDir: string): DevKeys {
  const dir = join(dataDir, 'auth');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const clientSecret = readOrCreate(join(dir, 'dev-client-secret'), () => randomBytes(48).toString('base64url')).trim();
  const privateFile = join(dir, 'internal-signing-key.pem');
  const internalPrivateKeyPem = readOrCreate(privateFile, () =>
    generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  // The public half is always derived from the private key, so the two can never disagree.
  const internalPublicKeyPem = createPublicKey(internalPrivateKeyPem).export({ type: 'spki', format: 'pem' }).toString();
  return { clientSecret, internalPrivateKeyPem, internalPublicKeyPem };
}
