export * from './common';
export * from './spot';
export * from './margin';
export * from './special-keys';
export * from './liquidation-loan';
export * from './portfolio';
export * from './sub-account';
export * from './account';
