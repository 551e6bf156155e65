export * from './permissions';
export * from './roles';
export * from './org';
export * from './errors';
export * from './api';
export * from './password';
export * from './time';
export * from './personal';
