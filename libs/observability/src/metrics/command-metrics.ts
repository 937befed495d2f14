import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { DomainError } from '@ppo/domain';
import { ApplicationError } from '@ppo/offenders';
import { AppMetrics } from './app-metrics';

type Execute = (command: object, context?: unknown) => Promise<unknown>;

/** What became of a command: accepted, replayed (same Idempotency-Key), refused (4xx) or failed. */
export function commandOutcome(result: unknown, error?: unknown): 'accepted' | 'replayed' | 'refused' | 'failed' {
  if (error === undefined) return (result as { replayed?: boolean } | undefined)?.replayed ? 'replayed' : 'accepted';
  if (error instanceof DomainError) return 'refused';
  if (error instanceof ApplicationError && error.status < 500) return 'refused';
  return 'failed';
}

/**
 * Counts and times every command where every command passes: the CommandBus
 * (API routes and the pages' forms alike), by wrapping its execute. The
 * command's name is its message class without "Command" (RecordLapse).
 */
export function instrumentCommandBus(bus: CommandBus, metrics: AppMetrics): void {
  const execute = bus.execute.bind(bus) as Execute;
  const instrumented: Execute = async (command, context) => {
    const labels = { command: command.constructor.name.replace(/Command$/, '') };
    const stop = metrics.commandSeconds.startTimer(labels);
    let outcome: ReturnType<typeof commandOutcome> = 'failed';
    try {
      const result = await execute(command, context);
      outcome = commandOutcome(result);
      return result;
    } catch (error) {
      outcome = commandOutcome(undefined, error);
      throw error;
    } finally {
      stop({ outcome });
      metrics.commands.inc({ ...labels, outcome });
    }
  };
  (bus as unknown as { execute: Execute }).execute = instrumented;
}

/** Instruments the application's CommandBus, when it has one. */
@Injectable()
export class CommandMetrics implements OnModuleInit {
  private readonly logger = new Logger('Metrics');

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly metrics: AppMetrics,
  ) {}

  onModuleInit(): void {
    let bus: CommandBus;
    try {
      bus = this.moduleRef.get(CommandBus, { strict: false });
    } catch {
      this.logger.warn('No CommandBus here: commands are not counted');
      return;
    }
    instrumentCommandBus(bus, this.metrics);
  }
}
