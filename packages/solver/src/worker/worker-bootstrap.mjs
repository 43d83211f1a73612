// Worker entry: a worker thread does not inherit the caller's TypeScript loader, so register
// tsx here, then load the worker module from source.
import { register } from 'tsx/esm/api';

register();
await import('./solve-worker.ts');
