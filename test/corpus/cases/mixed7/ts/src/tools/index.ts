export { webTools } from './web';
export { fileTools } from './files';
export { DbToolkit } from './db';
export { shellTools } from './shell';
export * from './actions';
export { getConfigValue, readEnv, apiBase, weather, DotenvKeysTool } from './secrets';
export { default as npmRegistryToken } from './secrets';
