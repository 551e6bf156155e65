import { ArgumentsHost, Catch, Controller, ExceptionFilter, Get, Global, INestApplication, Module, Param, Post, Query, Req, Res } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AttachmentDto } from '@fazhi/contracts';
import type { Request, Response } from 'express';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppException } from '../src/common/app-exception';
import { Clock, TestClock } from '../src/common/clock';
import { toErrorBody } from '../src/common/error-body';
import { APP_CONFIG, AppConfig } from '../src/config/config';
import { dataSourceOptions } from '../src/database/data-source';
import { AttachmentsModule } from '../src/ledger-core/attachments/attachments.module';
import { ATTACHMENT_FILES_LOCK } from '../src/ledger-core/attachments/attachments.repository';
import { AttachmentsService, ContentVariant } from '../src/ledger-core/attachments/attachments.service';
import * as fixtures from './fixtures/attachments/fixtures';
import { createTestDatabase, SCHEMA, testConfig, TestDatabase } from './test-db';

const TOWN = randomUUID();
const USER = randomUUID();
const LIMIT = 1024 * 1024;

/** A ledger-like route: receives, attaches in one transaction (optionally rolled back), downloads. */
@Controller('test-attachments')
class TestAttachmentsController {
  constructor(
    private readonly attachments: AttachmentsService,
    private readonly ds: DataSource,
  ) {}

  @Post(':recordId')
  async upload(@Req() req: Request, @Param('recordId') recordId: string, @Query('max') max?: string, @Query('rollback') rollback?: string): Promise<AttachmentDto[]> {
    const uploads = await this.attachments.receive(req, max ? { maxBytes: Number(max) } : {});
    return this.ds.transaction(async (em) => {
      const attached: AttachmentDto[] = [];
      for (const upload of uploads) attached.push(await this.attachments.attach(em, { townId: TOWN, ledger: 'vessel-case', recordId, upload, userId: USER }));
      if (rollback) throw new AppException(409, 'CONFLICT', { zh: '已回滚', en: 'Rolled back' });
      return attached;
    });
  }

  @Get(':id')
  async download(@Res() res: Response, @Param('id') id: string, @Query('variant') variant?: ContentVariant): Promise<void> {
    await this.attachments.sendDownload(res, await this.attachments.get(id), variant ?? 'original');
  }
}

@Catch()
class ErrorBodyFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const { status, body } = toErrorBody(error, 'test', 'zh');
    if (status >= 500) console.error(error);
    host.switchToHttp().getResponse<Response>().status(status).json(body);
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every file under a folder, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('attachments', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let ds: DataSource;
  let service: AttachmentsService;
  let dataDir: string;
  let filesDir: string;
  let http: () => ReturnType<typeof request>;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'fazhi-attachments-'));
    filesDir = path.join(dataDir, 'files');
    const config: AppConfig = { ...testConfig(), dataDir, uploadMaxBytes: LIMIT };

    @Global()
    @Module({
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: new TestClock('2021-06-15T02:00:00Z') },
      ],
      exports: [APP_CONFIG, Clock],
    })
    class TestCoreModule {}

    const moduleRef = await Test.createTestingModule({
      imports: [TypeOrmModule.forRoot(dataSourceOptions(db.url, SCHEMA)), TestCoreModule, AttachmentsModule],
      controllers: [TestAttachmentsController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalFilters(new ErrorBodyFilter());
    await app.init();
    ds = app.get(DataSource);
    service = app.get(AttachmentsService);
    http = () => request(app.getHttpServer());
  });

  afterAll(async () => {
    try {
      await app?.close();
      await db?.drop();
    } finally {
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    }
  });

  const rows = async (): Promise<number> => Number((await ds.query('SELECT count(*)::int AS n FROM attachment'))[0].n);
  const upload = (recordId: string, file: Buffer, fileName: string, opts: { stage?: string; contentType?: string; query?: string } = {}) =>
    http()
      .post(`/test-attachments/${recordId}${opts.query ?? ''}`)
      .field('stage', opts.stage ?? 'before')
      .attach('file', file, { filename: fileName, contentType: opts.contentType ?? 'application/octet-stream' });

  it('stores a photo under its SHA-256, with the sniffed type and a thumbnail', async () => {
    const photo = await fixtures.jpeg();
    const recordId = randomUUID();
    const res = await upload(recordId, photo, '现场照片.jpg', { contentType: 'text/html' }).expect(201);
    const sha = sha256(photo);
    expect(res.body).toEqual([
      {
        id: expect.any(String),
        fileName: '现场照片.jpg',
        mime: 'image/jpeg',
        size: photo.length,
        sha256: sha,
        stage: 'before',
        hasThumbnail: true,
        uploadedAt: '2021-06-15T02:00:00.000Z',
        uploadedBy: USER,
        personal: false,
      },
    ]);
    expect(await readFile(path.join(filesDir, sha.slice(0, 2), sha))).toEqual(photo);
    const thumbnail = await sharp(path.join(filesDir, sha.slice(0, 2), `${sha}.thumb.jpg`)).metadata();
    expect(thumbnail).toMatchObject({ format: 'jpeg', width: 320, height: 240 });
    expect(await filesUnder(path.join(filesDir, 'tmp'))).toEqual([]);
    const [row] = await ds.query('SELECT town_id, ledger, record_id, storage_key, thumbnail_key FROM attachment WHERE id = $1', [res.body[0].id]);
    expect(row).toEqual({ town_id: TOWN, ledger: 'vessel-case', record_id: recordId, storage_key: `${sha.slice(0, 2)}/${sha}`, thumbnail_key: `${sha.slice(0, 2)}/${sha}.thumb.jpg` });
    expect(await service.list('vessel-case', recordId, TOWN)).toEqual(res.body);
  });

  it('stores the same bytes once, however often they are attached', async () => {
    const photo = await fixtures.png();
    const sha = sha256(photo);
    const first = await upload(randomUUID(), photo, 'a.png').expect(201);
    const second = await upload(randomUUID(), photo, 'b.png').expect(201);
    expect(first.body[0].id).not.toBe(second.body[0].id);
    expect(second.body[0]).toMatchObject({ sha256: sha, mime: 'image/png', hasThumbnail: true });
    const shard = await filesUnder(path.join(filesDir, sha.slice(0, 2)));
    expect(shard.filter((f) => f.startsWith(sha))).toEqual([sha, `${sha}.thumb.jpg`]);
    expect(await filesUnder(path.join(filesDir, 'tmp'))).toEqual([]);
  });

  it('takes several files in one request, keeps documents without thumbnails, and honours stage', async () => {
    const recordId = randomUUID();
    const res = await http()
      .post(`/test-attachments/${recordId}`)
      .field('stage', 'document')
      .attach('file', fixtures.pdf(), '询问笔录.pdf')
      .attach('file', fixtures.heic(), 'IMG_0001.HEIC')
      .attach('file', fixtures.docx(), '调解协议.docx')
      .expect(201);
    expect(res.body.map((a: AttachmentDto) => [a.fileName, a.mime, a.hasThumbnail, a.stage])).toEqual([
      ['询问笔录.pdf', 'application/pdf', false, 'document'],
      ['IMG_0001.HEIC', 'image/heic', false, 'document'],
      ['调解协议.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', false, 'document'],
    ]);
    expect((await service.list('vessel-case', recordId, TOWN)).map((a) => a.fileName)).toEqual(['IMG_0001.HEIC', '询问笔录.pdf', '调解协议.docx']);
  });

  it('refuses an executable renamed photo.jpg with 415, leaving no file and no row', async () => {
    const before = { files: await filesUnder(filesDir), rows: await rows() };
    const res = await upload(randomUUID(), fixtures.elf(), 'photo.jpg', { contentType: 'image/jpeg' }).expect(415);
    expect(res.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_FILE_TYPE' });
    expect(res.body.message).toContain('“photo.jpg”是可执行程序');
    const windows = await upload(randomUUID(), fixtures.mz(), '照片.jpg').expect(415);
    expect(windows.body.message).toContain('照片.jpg');
    await upload(randomUUID(), fixtures.svg(), 'logo.png').expect(415);
    expect({ files: await filesUnder(filesDir), rows: await rows() }).toEqual(before);
  });

  it('refuses a file over the limit with 413, leaving no temporary file, and takes one exactly at it', async () => {
    const before = { files: await filesUnder(filesDir), rows: await rows() };
    const big = Buffer.concat([await fixtures.jpeg(), randomBytes(LIMIT + 10)]);
    const res = await upload(randomUUID(), big, 'big.jpg').expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: '文件“big.jpg”超过大小上限 1 MB' });
    const smaller = await upload(randomUUID(), await fixtures.jpeg(), 'photo.jpg', { query: '?max=2048' }).expect(413);
    expect(smaller.body.message).toBe('文件“photo.jpg”超过大小上限 0.002 MB');
    const exact = await fixtures.jpeg({ r: 1, g: 2, b: 3 });
    await upload(randomUUID(), exact, 'exact.jpg', { query: `?max=${exact.length - 1}` }).expect(413);
    expect({ files: await filesUnder(filesDir), rows: await rows() }).toEqual(before);
    await upload(randomUUID(), exact, 'exact.jpg', { query: `?max=${exact.length}` }).expect(201);
  });

  it('answers field errors for a bad stage and for a request that is not multipart', async () => {
    const bad = await upload(randomUUID(), fixtures.pdf(), 'a.pdf', { stage: 'whenever' }).expect(400);
    expect(bad.body.errors).toEqual([{ path: 'stage', code: 'isIn', message: expect.stringContaining('before') }]);
    const extra = await http().post(`/test-attachments/${randomUUID()}`).field('stage', 'after').field('note', 'x').attach('file', fixtures.pdf(), 'a.pdf').expect(400);
    expect(extra.body.errors).toEqual([{ path: 'note', code: 'whitelistValidation', message: '不允许的字段' }]);
    const none = await http().post(`/test-attachments/${randomUUID()}`).field('stage', 'after').expect(400);
    expect(none.body.errors).toEqual([{ path: 'file', code: 'required', message: '请选择要上传的文件' }]);
    const json = await http().post(`/test-attachments/${randomUUID()}`).send({ stage: 'after' }).expect(400);
    expect(json.body.code).toBe('NOT_MULTIPART');
    expect(await filesUnder(path.join(filesDir, 'tmp'))).toEqual([]);
  });

  it('keeps files only when their transaction commits: sweepOrphans removes the rolled-back ones', async () => {
    const kept = await fixtures.jpeg({ r: 10, g: 200, b: 10 });
    await upload(randomUUID(), kept, 'kept.jpg').expect(201);
    const orphan = await fixtures.jpeg({ r: 250, g: 250, b: 10 });
    const rowsBefore = await rows();
    await upload(randomUUID(), orphan, 'rolled-back.jpg', { query: '?rollback=1' }).expect(409);
    expect(await rows()).toBe(rowsBefore);
    const orphanSha = sha256(orphan);
    const keptSha = sha256(kept);
    const stale = path.join(filesDir, 'tmp', `${randomUUID()}.part`);
    await writeFile(stale, 'an upload that never finished');
    const old = new Date(Date.now() - 48 * 3600 * 1000);
    await utimes(stale, old, old);

    expect(await filesUnder(path.join(filesDir, orphanSha.slice(0, 2)))).toEqual(expect.arrayContaining([orphanSha, `${orphanSha}.thumb.jpg`]));
    expect(await service.sweepOrphans(60 * 60 * 1000)).toBe(1);
    expect(await filesUnder(path.join(filesDir, 'tmp'))).toEqual([]);
    expect(await filesUnder(path.join(filesDir, orphanSha.slice(0, 2)))).toEqual(expect.arrayContaining([orphanSha]));

    await ds.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock_shared($1)', [ATTACHMENT_FILES_LOCK]);
      expect(await service.sweepOrphans(0)).toBe(0);
    });

    const everything = await filesUnder(filesDir);
    expect(await service.sweepOrphans(0)).toBe(2);
    const left = await filesUnder(filesDir);
    expect(everything.filter((f) => !left.includes(f)).sort()).toEqual([`${orphanSha.slice(0, 2)}/${orphanSha}`, `${orphanSha.slice(0, 2)}/${orphanSha}.thumb.jpg`]);
    expect(left).toEqual(expect.arrayContaining([`${keptSha.slice(0, 2)}/${keptSha}`, `${keptSha.slice(0, 2)}/${keptSha}.thumb.jpg`]));
  });

  it('sends downloads with the sniffed type, the UTF-8 name and no caching', async () => {
    const photo = await fixtures.jpeg({ r: 120, g: 30, b: 160 });
    const [attached] = (await upload(randomUUID(), photo, '现场 照片.jpeg').expect(201)).body as AttachmentDto[];
    const res = await http().get(`/test-attachments/${attached.id}`).responseType('blob').expect(200);
    expect(res.headers).toMatchObject({
      'content-type': 'image/jpeg',
      'content-length': String(photo.length),
      'content-disposition': `attachment; filename="__ __.jpeg"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%20%E7%85%A7%E7%89%87.jpeg`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
    expect(res.body).toEqual(photo);

    const thumb = await http().get(`/test-attachments/${attached.id}?variant=thumbnail`).responseType('blob').expect(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    expect(thumb.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('现场 照片-thumbnail.jpg')}`);
    expect((await sharp(thumb.body as Buffer).metadata()).width).toBe(320);

    const [pdf] = (await upload(randomUUID(), fixtures.pdf(), 'scan.pdf').expect(201)).body as AttachmentDto[];
    const pdfRes = await http().get(`/test-attachments/${pdf.id}`).responseType('blob').expect(200);
    expect(pdfRes.headers['content-type']).toBe('application/pdf');
    await http().get(`/test-attachments/${pdf.id}?variant=thumbnail`).expect(404);
  });

  it('removes softly, and looks attachments up only within their record', async () => {
    const recordId = randomUUID();
    const [attached] = (await upload(recordId, fixtures.pdf(), 'gone.pdf').expect(201)).body as AttachmentDto[];
    await expect(service.get(attached.id, { ledger: 'vessel-case', recordId: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.get(attached.id, { ledger: 'dispute', recordId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const opened = await service.openContent(attached.id, 'original', { ledger: 'vessel-case', recordId });
    opened.stream.destroy();
    expect(opened).toMatchObject({ mime: 'application/pdf', size: attached.size, fileName: 'gone.pdf' });

    const removed = await ds.transaction((em) => service.remove(em, attached.id, USER, { ledger: 'vessel-case', recordId }));
    expect(removed).toEqual(attached);
    expect(await service.list('vessel-case', recordId, TOWN)).toEqual([]);
    await expect(service.get(attached.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(ds.transaction((em) => service.remove(em, attached.id, USER))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [row] = await ds.query('SELECT removed_at, removed_by FROM attachment WHERE id = $1', [attached.id]);
    expect(row).toEqual({ removed_at: new Date('2021-06-15T02:00:00Z'), removed_by: USER });
    expect(await stat(path.join(filesDir, attached.sha256.slice(0, 2), attached.sha256))).toBeTruthy();
    expect(await service.sweepOrphans(0)).toBe(0);
  });

  it('takes files the server made through the same checks', async () => {
    const recordId = randomUUID();
    const generated = await service.receiveContent(fixtures.docx(), '调解协议书/第1号.docx', 'document');
    expect(generated).toMatchObject({ fileName: '第1号.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', stage: 'document', thumbnailTempPath: null });
    const dto = await ds.transaction((em) => service.attach(em, { townId: TOWN, ledger: 'dispute', recordId, upload: generated, userId: USER }));
    expect(await service.list('dispute', recordId, TOWN)).toEqual([dto]);
    const tmpBefore = await filesUnder(path.join(filesDir, 'tmp'));
    await expect(service.receiveContent(fixtures.html(), 'page.docx', 'document')).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE' });
    expect(await filesUnder(path.join(filesDir, 'tmp'))).toEqual(tmpBefore);
  });

  it('attaches only inside a transaction', async () => {
    const received = { fileName: 'x.pdf', mime: 'application/pdf', size: 1, sha256: 'a'.repeat(64), stage: 'other' as const, fields: {}, tempPath: '/nowhere', thumbnailTempPath: null };
    await expect(service.attach(ds.manager, { townId: TOWN, ledger: 'vessel-case', recordId: randomUUID(), upload: received, userId: null })).rejects.toThrow(/inside a transaction/);
  });
});
