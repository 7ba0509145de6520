import { accountRoutes } from './endpoints/account';
import { klinesRoutes } from './endpoints/klines';
import { liquidationLoanRoutes } from './endpoints/liquidation-loan';
import { marginRoutes } from './endpoints/margin';
import { portfolioRoutes } from './endpoints/portfolio';
import { publicRoutes } from './endpoints/public';
import { specialKeyRoutes } from './endpoints/special-keys';
import { spotRoutes } from './endpoints/spot';
import { subAccountRoutes } from './endpoints/sub-account';
import { userStreamRoutes } from './endpoints/user-stream';
import { type Route, routeKey } from './route';

export const ROUTES: Route[] = [
  ...publicRoutes,
  ...klinesRoutes,
  ...spotRoutes,
  ...marginRoutes,
  ...specialKeyRoutes,
  ...liquidationLoanRoutes,
  ...portfolioRoutes,
  ...subAccountRoutes,
  ...accountRoutes,
  ...userStreamRoutes,
];

export const ROUTE_TABLE = new Map(ROUTES.map((r) => [routeKey(r.method, r.path), r] as const));
