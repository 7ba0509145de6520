import { accountRoutes } from './endpoints/account';
import { liquidationLoanRoutes } from './endpoints/liquidation-loan';
import { marginRoutes } from './endpoints/margin';
import { portfolioRoutes } from './endpoints/portfolio';
import { publicRoutes } from './endpoints/public';
import { specialKeyRoutes } from './endpoints/special-keys';
import { subAccountRoutes } from './endpoints/sub-account';
import { type Route, routeKey } from './route';

export const ROUTES: Route[] = [
  ...publicRoutes,
  ...marginRoutes,
  ...specialKeyRoutes,
  ...liquidationLoanRoutes,
  ...portfolioRoutes,
  ...subAccountRoutes,
  ...accountRoutes,
];

export const ROUTE_TABLE = new Map(ROUTES.map((r) => [routeKey(r.method, r.path), r] as const));
