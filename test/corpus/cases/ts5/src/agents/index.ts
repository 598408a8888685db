export * from './assistant';
export * from './ops-agent';
export * from './billing-agent';
export * from './analyst';
export * from './mcp-server';
