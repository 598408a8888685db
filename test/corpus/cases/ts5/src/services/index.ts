export * from './logger';
export * from './http';
export * from './db';
export * from './storage';
export * from './files';
export * from './payments';
export * from './mail';
export * from './context';
