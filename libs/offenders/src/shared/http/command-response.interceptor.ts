import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import type { CommandResult } from '../command-context';

/** Puts a command's version in the ETag and marks idempotent replays; the body is the same either way. */
@Injectable()
export class CommandResponseInterceptor implements NestInterceptor<CommandResult> {
  intercept(context: ExecutionContext, next: CallHandler<CommandResult>): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map(({ replayed, created, ...result }) => {
        response.setHeader('ETag', `"${result.version}"`);
        if (replayed) response.setHeader('Idempotent-Replayed', 'true');
        return { ...result, ...created };
      }),
    );
  }
}
