import { ConfigError } from '@ppo/config';
import { Command } from 'commander';
import { demoCommand } from './commands/demo.command';
import { exportCommand } from './commands/export.command';
import { projectionsCommand } from './commands/projections.command';
import { replayCommand } from './commands/replay.command';
import { seedCommand } from './commands/seed.command';
import { usersCommand } from './commands/users.command';
import { verifyCommand } from './commands/verify.command';

/** `npm run ppo -- <command>`: operations on the same stores the service uses, configured by the same environment. */
const program = new Command('ppo').description('PPO Journey operations').addCommand(projectionsCommand()).addCommand(usersCommand()).addCommand(verifyCommand()).addCommand(replayCommand()).addCommand(exportCommand()).addCommand(seedCommand()).addCommand(demoCommand()).showHelpAfterError();

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `ppo: ${(error as Error).message}`);
  process.exitCode = 1;
});
