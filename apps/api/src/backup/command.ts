import * as path from 'node:path';
import { loadConfig } from '../config/config';
import { BackupError } from './archive';
import { backup } from './backup';
import { restore } from './restore';

/**
 * `backup <file>` and `restore <file> [--force]`. The configuration is read as the app reads it,
 * but no key is generated: a restore compares the keys already in place with the archive's.
 * `migrations` names the app's migrations, to refuse an archive made by a newer version.
 */
export async function backupCommand(command: 'backup' | 'restore', args: string[], migrations: readonly string[], say: (m: string) => void): Promise<number> {
  const force = args.includes('--force');
  const names = args.filter((a) => a !== '--force');
  if (names.length !== 1 || names[0].startsWith('-') || (command === 'backup' && force)) {
    process.stderr.write(command === 'backup' ? 'usage: npm run backup -- <file.tar.gz>\n' : 'usage: npm run restore -- <file.tar.gz> [--force]\n');
    return 64;
  }
  // npm runs scripts from the repository root; a relative name is taken from where npm was called.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), names[0]);
  // As the server does: folders made as root stay reachable by the postgres system user.
  if (typeof process.getuid === 'function' && process.getuid() === 0) process.umask(0o022);
  const config = loadConfig();
  try {
    if (command === 'backup') {
      const manifest = await backup(config, file, say);
      say(`Backup written to ${file}: ${manifest.members.length} members, migration ${manifest.migrationHead ?? 'none'}.`);
      say(
        'The keys are not in it: keep them (PERSONAL_DATA_KEY, BLIND_INDEX_KEY, AUDIT_HMAC_KEY and SESSION_SECRET, or DATA_DIR/secrets.json with the database role passwords) separately and safely.',
      );
    } else {
      const { facts } = await restore(config, file, { force, migrations }, say);
      say(
        `Restored into ${config.databaseUrl ? 'the database at DATABASE_URL' : config.dataDir}: PostgreSQL ${facts.postgres.version}, migration ${facts.migrationHead ?? 'none'}. Start the app as usual.`,
      );
    }
    return 0;
  } catch (e) {
    if (!(e instanceof BackupError)) throw e;
    process.stderr.write(`${e.message}\n`);
    return 2;
  }
}
