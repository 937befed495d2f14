import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { renderPage, SignedIn } from '@ppo/auth';
import type { Request, Response } from 'express';

/** The signed-in user's start page. */
@ApiExcludeController()
@Controller()
export class HomeController {
  @Get()
  @SignedIn()
  home(@Req() request: Request, @Res() response: Response): void {
    renderPage(request, response, 'home/home.njk');
  }
}
