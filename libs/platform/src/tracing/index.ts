export * from './start-tracing';
export * from './message-spans';
export * from './http-tracing.middleware';
