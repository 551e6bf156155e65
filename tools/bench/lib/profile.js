'use strict';
/**
 * Summarises V8 .cpuprofile files (node --cpu-prof): self time by package and by function, counted
 * only for the samples taken inside `windows` (the measured runs, as [start, end] in microseconds of
 * the monotonic clock, which V8's profile timestamps use too), so start-up and idle gaps do not count.
 */
const fs = require('node:fs');
const path = require('node:path');

function packageOf(url, fn) {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node (runtime)';
  if (/apps\/api\/dist\//.test(url)) return 'app (apps/api)';
  if (/tools\/bench\//.test(url)) return 'baseline (tools/bench)';
  if (/libs\/contracts\//.test(url)) return '@fazhi/contracts';
  return url;
}

function summarizeProfiles(dir, windows = null) {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')) : [];
  const byPackage = new Map();
  const byFunction = new Map();
  let total = 0;
  let idle = 0;
  const inWindow = (t) => !windows || windows.some(([a, b]) => t >= a && t <= b);
  for (const f of files) {
    const prof = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    const nodes = new Map(prof.nodes.map((n) => [n.id, n]));
    const hits = new Map();
    let t = prof.startTime;
    for (let i = 0; i < prof.samples.length; i++) {
      const dt = prof.timeDeltas[i] ?? 0;
      t += dt;
      if (!inWindow(t)) continue;
      hits.set(prof.samples[i], (hits.get(prof.samples[i]) ?? 0) + dt / 1000); // ms
    }
    for (const [id, ms] of hits) {
      const n = nodes.get(id);
      const fn = n.callFrame.functionName || '(anonymous)';
      if (fn === '(idle)') {
        idle += ms;
        continue;
      }
      total += ms;
      const pkg = packageOf(n.callFrame.url, fn);
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
      const key = `${fn} ${n.callFrame.url ? `${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(apps|tools)\//, '$1/')}:${n.callFrame.lineNumber + 1}` : ''}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    }
  }
  const top = (m, k) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), share: total ? Math.round((ms / total) * 1000) / 10 : 0 }));
  return { files: files.length, busyMs: Math.round(total), idleMs: Math.round(idle), byPackage: top(byPackage, 15), byFunction: top(byFunction, 25) };
}

module.exports = { summarizeProfiles };
