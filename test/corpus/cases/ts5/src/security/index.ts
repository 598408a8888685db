export * from './hosts';
export * from './sandbox';
export * from './sql';
export * from './approval';
export * from './audit';
