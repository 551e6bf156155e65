import { Inject, Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { APP_CONFIG, AppConfig } from '../config/config';

/** argon2id; the test-only cost keeps the test suite fast and is refused outside NODE_ENV=test. */
@Injectable()
export class PasswordService {
  private readonly options;
  private dummyHash: Promise<string> | null = null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.options =
      config.passwordHashCost === 'test'
        ? { algorithm: Algorithm.Argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 }
        : { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
  }

  hash(password: string): Promise<string> {
    return hash(password, this.options);
  }

  async verify(storedHash: string | null, password: string): Promise<boolean> {
    if (!storedHash) {
      // Spend the same effort for unknown users so timing does not reveal which usernames exist.
      this.dummyHash ??= this.hash('unknown-user-dummy-password');
      await verify(await this.dummyHash, password).catch(() => false);
      return false;
    }
    try {
      return await verify(storedHash, password);
    } catch {
      return false;
    }
  }
}
