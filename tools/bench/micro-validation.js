'use strict';
/**
 * CPU per call of the global validation pipe on the benchmark's list query (VesselListQuery), and of
 * its two parts alone (class-transformer, class-validator), from the built API (`npm run build:api`).
 * `node tools/bench/micro-validation.js [calls]`; figures in docs/benchmarks.md.
 */
const path = require('node:path');
require('reflect-metadata');
const dist = path.join(__dirname, '../../apps/api/dist');
const { createValidationPipe, compiledCheckOf } = require(path.join(dist, 'common/validation'));
const { VesselListQuery } = require(path.join(dist, 'vessel-cases/vessel-case.dto'));
const { plainToInstance } = require('class-transformer');
const { validate } = require('class-validator');

const calls = Number(process.argv[2] ?? 20000);
const pipe = createValidationPipe();
const query = () => ({
  status: 'dismantled,verified',
  villageId: '361b0c5e-1111-4a2b-8c3d-123456789abc',
  from: '2020-06-27',
  to: '2021-05-16',
  sort: 'number',
  order: 'desc',
  page: '1',
  pageSize: '20',
});
const metadata = { type: 'query', metatype: VesselListQuery, data: undefined };

async function measure(label, f) {
  for (let i = 0; i < 2000; i++) await f();
  const start = process.cpuUsage();
  for (let i = 0; i < calls; i++) await f();
  const used = process.cpuUsage(start);
  console.log(`${label.padEnd(34)} ${((used.user + used.system) / calls).toFixed(1)} µs of CPU per call`);
}

(async () => {
  await measure('validation pipe (list query)', () => pipe.transform(query(), metadata));
  await measure('  class-transformer plainToInstance', () => plainToInstance(VesselListQuery, query(), { enableImplicitConversion: false }));
  const instance = plainToInstance(VesselListQuery, query(), { enableImplicitConversion: false });
  if (compiledCheckOf) await measure('  compiled check', () => compiledCheckOf(instance)(instance));
  await measure('  class-validator validate', () => validate(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false, validationError: { target: false } }));
})();
