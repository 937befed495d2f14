import { argon2, randomBytes, timingSafeEqual, type Argon2Parameters } from 'node:crypto';

/** argon2id cost: OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). */
export interface Argon2Cost {
  memoryKiB: number;
  passes: number;
  parallelism: number;
}

export const DEFAULT_ARGON2_COST: Argon2Cost = { memoryKiB: 19_456, passes: 2, parallelism: 1 };

const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;
const TAG_BYTES = 32;

/** Shortest and longest password accepted (NCSC: length over complexity rules). */
export const PASSWORD_LENGTH = { min: 12, max: 256 } as const;

function derive(password: string, salt: Buffer, cost: Argon2Cost): Promise<Buffer> {
  const parameters: Argon2Parameters = {
    message: password,
    nonce: salt,
    parallelism: cost.parallelism,
    tagLength: TAG_BYTES,
    memory: cost.memoryKiB,
    passes: cost.passes,
  };
  return new Promise((resolve, reject) => argon2('argon2id', parameters, (error, key) => (error ? reject(error) : resolve(key))));
}

const b64 = (buffer: Buffer) => buffer.toString('base64').replace(/=+$/, '');

/** Hashes passwords with argon2id (Node's own implementation) into PHC strings, and checks them. */
export class PasswordHasher {
  private dummy?: Promise<string>;

  constructor(private readonly cost: Argon2Cost = DEFAULT_ARGON2_COST) {}

  /** A PHC string: `$argon2id$v=19$m=...,t=...,p=...$salt$hash`. */
  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const { memoryKiB, passes, parallelism } = this.cost;
    return `$argon2id$v=19$m=${memoryKiB},t=${passes},p=${parallelism}$${b64(salt)}$${b64(await derive(password, salt, this.cost))}`;
  }

  /** Whether a password matches a stored hash; a malformed hash never matches. */
  async verify(stored: string, password: string): Promise<boolean> {
    const match = PHC.exec(stored);
    if (!match) return false;
    const [, m, t, p, salt, tag] = match;
    const expected = Buffer.from(tag, 'base64');
    const actual = await derive(password, Buffer.from(salt, 'base64'), { memoryKiB: Number(m), passes: Number(t), parallelism: Number(p) });
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }

  /** Spends the time a real check would, so an unknown username cannot be told apart by timing. */
  async verifyNothing(password: string): Promise<false> {
    this.dummy ??= this.hash(randomBytes(16).toString('hex'));
    await this.verify(await this.dummy, password);
    return false;
  }
}

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if ([...password].length < PASSWORD_LENGTH.min) return `Password must be at least ${PASSWORD_LENGTH.min} characters`;
  if ([...password].length > PASSWORD_LENGTH.max) return `Password must be ${PASSWORD_LENGTH.max} characters or fewer`;
  return undefined;
}
