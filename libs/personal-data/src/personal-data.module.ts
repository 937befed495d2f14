import { Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, openEventStore, type EventStore, type EventStoreLocation } from '@ppo/event-store';
import { Keyring } from './keyring/keyring';
import { openKeyring } from './open-protected-event-store';
import type { PersonalDataConfig } from './personal-data-config';
import { PersonalDataProtectingEventStore } from './protected-event-store/personal-data-protecting-event-store';

/** Injection token for the Keyring: what erasure uses to destroy an offender's data key. */
export const KEYRING = Symbol('KEYRING');

class StoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    // Closes the adapter and the key store together.
    await this.store.close();
  }
}

/**
 * Provides the EventStore chosen from config under EVENT_STORE, behind the seal on personal data, and the
 * Keyring under KEYRING. Replaces EventStoreModule wherever offender data is read or written.
 */
@Module({})
export class PersonalDataModule {
  static forRoot(options: { eventStore: EventStoreLocation; personalData: PersonalDataConfig }): DynamicModule {
    return {
      module: PersonalDataModule,
      global: true,
      providers: [
        {
          provide: KEYRING,
          useFactory: () => {
            const { keyring, createdMasterKeyFile } = openKeyring(options.personalData);
            if (createdMasterKeyFile) {
              new Logger('PersonalData').warn(
                `No PPO_MASTER_KEY: made a development master key in ${createdMasterKeyFile}. In production set PPO_MASTER_KEY (or PPO_MASTER_KEY_FILE) from a secret store, never beside the data.`,
              );
            }
            return keyring;
          },
        },
        {
          provide: EVENT_STORE,
          inject: [KEYRING],
          useFactory: (keyring: Keyring) => new PersonalDataProtectingEventStore(openEventStore(options.eventStore), keyring),
        },
        StoreLifecycle,
      ],
      exports: [EVENT_STORE, KEYRING],
    };
  }
}
