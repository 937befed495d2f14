import 'reflect-metadata';
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
  console.log(`PPO Journey is listening on http://localhost:${config.port} (events: ${store}); API docs at http://localhost:${config.port}/api/docs`);
}

void main();
