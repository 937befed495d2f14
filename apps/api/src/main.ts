import 'reflect-metadata';
import { FirstAdminSetup } from '@ppo/auth';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from '@ppo/config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  await app.listen(config.port);
  const store = config.eventStore.kind === 'sqlite' ? `embedded SQLite at ${config.eventStore.path}` : 'EventStoreDB';
  const setup = app.get(FirstAdminSetup).link();
  if (setup) {
    console.log(`No user exists yet. Create the first administrator, once, at http://localhost:${config.port}${setup}`);
    console.log('(or on the command line: npm run ppo -- users add <username> --name "<full name>" --roles admin)');
  }
  console.log(`PPO Journey is listening on http://localhost:${config.port} (events: ${store}); API docs at http://localhost:${config.port}/api/docs`);
}

void main();
