'use strict';
/** CPU and memory figures from /proc (Linux): per process, for PostgreSQL's processes, and for the whole machine. */
const fs = require('node:fs');

const TICK = 100; // USER_HZ on Linux

function statOf(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = s.slice(s.lastIndexOf(')') + 2).split(' ');
    // rest[0] is field 3 (state): utime is field 14, stime field 15, ppid field 4
    return { ppid: Number(rest[1]), cpuMs: ((Number(rest[11]) + Number(rest[12])) * 1000) / TICK, childrenMs: ((Number(rest[13]) + Number(rest[14])) * 1000) / TICK };
  } catch {
    return null;
  }
}

/** CPU milliseconds used so far by the processes, summed (gone processes count 0). */
function cpuMs(pids) {
  let sum = 0;
  for (const pid of pids) sum += statOf(pid)?.cpuMs ?? 0;
  return sum;
}

/** The postmaster and its children (backends, workers). */
function postgresPids(postmasterPid) {
  if (!postmasterPid) return [];
  const out = [postmasterPid];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const st = statOf(Number(d));
    if (st && st.ppid === postmasterPid) out.push(Number(d));
  }
  return out;
}

/**
 * CPU milliseconds used so far by PostgreSQL: the postmaster, its live children, and the children
 * it has reaped (cutime/cstime), so backends that end during a measurement still count.
 */
function postgresCpuMs(postmasterPid) {
  if (!postmasterPid) return 0;
  const pm = statOf(postmasterPid);
  if (!pm) return 0;
  let sum = pm.cpuMs + pm.childrenMs;
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const st = statOf(Number(d));
    if (st && st.ppid === postmasterPid) sum += st.cpuMs;
  }
  return sum;
}

/** Busy and total CPU milliseconds of the machine (all cores). */
function machineCpu() {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = line.reduce((a, b) => a + b, 0);
  const idle = line[3] + (line[4] ?? 0);
  return { busyMs: ((total - idle) * 1000) / TICK, totalMs: (total * 1000) / TICK };
}

/** VmHWM (peak resident set) and VmRSS of a process, in MiB. */
function memoryOf(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? 0);
    const mib = (k) => Math.round(kb(k) / 102.4) / 10;
    // RssAnon: the heap and other allocations; RssFile: mapped code and libraries.
    return { peakMiB: mib('VmHWM'), rssMiB: mib('VmRSS'), anonMiB: mib('RssAnon'), fileMiB: mib('RssFile') };
  } catch {
    return null;
  }
}

/** Read and write system calls made so far by the processes, summed (from /proc/<pid>/io). */
function syscalls(pids) {
  let reads = 0;
  let writes = 0;
  for (const pid of pids) {
    try {
      const s = fs.readFileSync(`/proc/${pid}/io`, 'utf8');
      reads += Number(/syscr:\s+(\d+)/.exec(s)?.[1] ?? 0);
      writes += Number(/syscw:\s+(\d+)/.exec(s)?.[1] ?? 0);
    } catch {
      // gone, or not ours to read
    }
  }
  return { reads, writes };
}

module.exports = { cpuMs, postgresPids, postgresCpuMs, machineCpu, memoryOf, syscalls };
