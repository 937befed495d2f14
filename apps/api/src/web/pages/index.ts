import { HomeController } from './home/home.controller';

/** The pages that read: home, lists, the offender page, reports, the dashboard, operations. */
export const PAGE_CONTROLLERS = [HomeController];
