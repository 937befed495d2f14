import { Logger, type LoggerService } from '@nestjs/common';

/** Terminus's log lines, through the application's logger (JSON, with the rest) rather than straight to the console. */
export class HealthLogger implements LoggerService {
  private readonly logger = new Logger('Health');

  log(message: unknown): void {
    this.logger.log(message);
  }

  error(message: unknown): void {
    // A failed readiness check is a warning: the check itself says what is down.
    this.logger.warn(message);
  }

  warn(message: unknown): void {
    this.logger.warn(message);
  }

  debug(message: unknown): void {
    this.logger.debug(message);
  }

  verbose(message: unknown): void {
    this.logger.verbose(message);
  }
}
