import { Controller, Get, HttpCode, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { SignedIn } from '../../access/access-rule.decorator';

/** Pushes back the idle timeout of a signed-in browser: the session timeout warning's "Stay signed in". */
@ApiExcludeController()
@Controller('session/keep-alive')
export class KeepAliveController {
  @Get()
  @SignedIn()
  @HttpCode(204)
  keepAlive(@Req() request: Request): void {
    // A rolling session is re-saved with a new expiry on every response; touching it makes that explicit.
    request.session.touch();
  }
}
