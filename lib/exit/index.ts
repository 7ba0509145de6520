export * from './confirmation';
export * from './liabilities';
export * from './machine';
export * from './review';
export * from './types';
