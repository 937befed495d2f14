import { Module } from '@nestjs/common';
import { FORM_CONTROLLERS } from './forms';
import { PAGE_CONTROLLERS } from './pages';

/**
 * The case workers' pages, server-rendered with GOV.UK Frontend and the MoJ
 * design system. They call the same CommandBus, QueryBus and read-model
 * queries as the API, behind the same access guard (with the session cookie
 * and a CSRF token on every form instead of a bearer token).
 */
// Forms first: /offenders/new must not be taken for an offender id by the offender page.
@Module({ controllers: [...FORM_CONTROLLERS, ...PAGE_CONTROLLERS] })
export class WebModule {}
