// The month-end orchestrator: what the handlers and the CLI use.
export { createMonthEnd, type MonthEndOptions, type MonthEndService, type AfasClientFactory } from './month-end';
export { startDemoServer, configureDemo, generateDemoToken, DEFAULT_OAUTH_CLIENT_ID, type DemoServer } from './demo-server';
export type * from './types';
