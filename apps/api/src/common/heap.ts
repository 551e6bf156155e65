import { setFlagsFromString } from 'node:v8';

/**
 * How much V8 lets the old generation grow past what survived the last full collection before it
 * collects again. V8's own factor goes up to 4 for a process that allocates fast, as the API does
 * under load: its heap then grows with garbage to more than twice what it holds. At 50 % the peak
 * resident size under the benchmark's load falls by about a third, with no more CPU per request
 * (docs/benchmarks.md, "fourth pass"). Set first thing in the server's process, before the modules
 * load.
 */
export const HEAP_GROWING_PERCENT = 50;

setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
