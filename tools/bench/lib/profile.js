'use strict';
/** Summarises V8 .cpuprofile files (node --cpu-prof): self time by package and by function. */
const fs = require('node:fs');
const path = require('node:path');

function packageOf(url, fn) {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node (runtime)';
  if (/apps\/api\/dist\//.test(url)) return 'app (apps/api)';
  if (/libs\/contracts\//.test(url)) return '@fazhi/contracts';
  return url;
}

function summarizeProfiles(dir) {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')) : [];
  const byPackage = new Map();
  const byFunction = new Map();
  let total = 0;
  let idle = 0;
  for (const f of files) {
    const prof = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    const interval = (prof.endTime - prof.startTime) / Math.max(1, prof.samples.length) / 1000; // ms per sample
    for (const n of prof.nodes) {
      if (!n.hitCount) continue;
      const ms = n.hitCount * interval;
      const fn = n.callFrame.functionName || '(anonymous)';
      if (fn === '(idle)') {
        idle += ms;
        continue;
      }
      total += ms;
      const pkg = packageOf(n.callFrame.url, fn);
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
      const key = `${fn} ${n.callFrame.url ? `${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/apps\//, 'apps/')}:${n.callFrame.lineNumber + 1}` : ''}`;
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
