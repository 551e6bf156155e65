#!/usr/bin/env node
'use strict';
/**
 * The load generator, run by run.js as its own process so that its CPU is not the server's:
 * `node tools/bench/load.js <spec.json>`. The spec names a 127.0.0.1 origin, the connection count,
 * the duration in seconds, a list of requests ({ path, cookie }) that the connections take in turn
 * from a starting offset, and a request timeout. Prints one JSON line: requests, seconds, req/s,
 * latency percentiles (ms, from every response), status counts, errors and timeouts.
 */
const fs = require('node:fs');
const autocannon = require('autocannon');

const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const origin = new URL(spec.url);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(origin.hostname)) {
  process.stderr.write(`load.js only targets this machine (got ${origin.hostname})\n`);
  process.exit(64);
}
const duration = Math.min(Number(spec.duration), 300);
const list = spec.requests;
let next = Math.floor(Number(spec.offset ?? 0)) % list.length;
const latencies = [];
const statuses = {};

const instance = autocannon(
  {
    url: spec.url,
    connections: spec.connections,
    duration,
    timeout: spec.timeout ?? 10,
    maxOverallRequests: spec.maxRequests ?? 5_000_000,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          const r = list[next];
          next = (next + 1) % list.length;
          return { ...req, path: r.path, headers: { ...req.headers, cookie: r.cookie, accept: 'application/json' } };
        },
      },
    ],
  },
  (err, result) => {
    if (err) {
      process.stderr.write(`${err.stack ?? err}\n`);
      process.exit(1);
    }
    latencies.sort((a, b) => a - b);
    const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] : null);
    const seconds = result.duration;
    const ok = statuses['2xx'] ?? 0;
    process.stdout.write(
      `${JSON.stringify({
        requests: latencies.length,
        ok,
        seconds,
        rps: latencies.length / seconds,
        okRps: ok / seconds,
        p50: pct(50),
        p95: pct(95),
        p99: pct(99),
        max: latencies.length ? latencies[latencies.length - 1] : null,
        mean: latencies.length ? latencies.reduce((a, b) => a + b, 0) / latencies.length : null,
        statuses,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        bytesPerResponse: latencies.length ? Math.round(result.throughput.total / latencies.length) : null,
      })}\n`,
    );
  },
);
instance.on('response', (client, statusCode, resBytes, responseTime) => {
  latencies.push(responseTime);
  const k = `${Math.floor(statusCode / 100)}xx`;
  statuses[k] = (statuses[k] ?? 0) + 1;
});
