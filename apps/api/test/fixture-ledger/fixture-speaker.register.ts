import { Controller, Injectable, Module } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { Column, Entity, MigrationInterface, PrimaryColumn, QueryRunner } from 'typeorm';
import { Principal } from '../../src/access/principal';
import { IsCalendarDate } from '../../src/common/dates';
import { PageQuery } from '../../src/common/pagination';
import { Trim } from '../../src/common/strings';
import { IsVersion } from '../../src/common/version';
import { ListFilter } from '../../src/ledger-core/kit/record-repository';
import { RegisterRepository, registerTable } from '../../src/ledger-core/kit/register-repository';
import { RegisterRoutes } from '../../src/ledger-core/kit/register-routes';
import { RegisterKit, RegisterService } from '../../src/ledger-core/kit/register-service';

/**
 * A small register on the register kit, registered only by the kit's test: the town's publicity
 * speakers (普法讲师), each with a business phone (personal data), an optional linked account and the
 * villages served from/to (child rows), scoped by town and optionally village.
 */
@Entity({ name: 'fixture_speaker' })
export class FixtureSpeakerEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'town_id' }) townId!: string;
  @Column('uuid', { name: 'village_id', nullable: true }) villageId!: string | null;
  @Column('varchar', { length: 50 }) name!: string;
  @Column('varchar', { length: 100, nullable: true }) firm!: string | null;
  @Column('text', { name: 'phone_enc', nullable: true }) phoneEnc!: string | null;
  @Column('varchar', { name: 'phone_idx', length: 64, nullable: true }) phoneIdx!: string | null;
  @Column('uuid', { name: 'user_id', nullable: true }) userId!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @Column('int', { default: 1 }) version!: number;
}

@Entity({ name: 'fixture_speaker_village' })
export class FixtureSpeakerVillageEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'speaker_id' }) speakerId!: string;
  @Column('uuid', { name: 'village_id' }) villageId!: string;
  @Column('date', { name: 'served_from' }) servedFrom!: string;
  @Column('date', { name: 'served_to', nullable: true }) servedTo!: string | null;
}

export class FixtureSpeakers1799000000001 implements MigrationInterface {
  name = 'FixtureSpeakers1799000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "fixture_speaker" ("id" uuid NOT NULL, "town_id" uuid NOT NULL, "village_id" uuid, "name" character varying(50) NOT NULL,
      "firm" character varying(100), "phone_enc" text, "phone_idx" character varying(64), "user_id" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" uuid, "version" integer NOT NULL DEFAULT 1,
      CONSTRAINT "pk_fixture_speaker" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "fixture_speaker_village" ("id" uuid NOT NULL, "speaker_id" uuid NOT NULL, "village_id" uuid NOT NULL, "served_from" date NOT NULL, "served_to" date,
      CONSTRAINT "pk_fixture_speaker_village" PRIMARY KEY ("id"),
      CONSTRAINT "fk_fixture_speaker_village" FOREIGN KEY ("speaker_id") REFERENCES "fixture_speaker"("id") ON DELETE CASCADE)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "fixture_speaker_village"`);
    await q.query(`DROP TABLE IF EXISTS "fixture_speaker"`);
  }
}

class ServedVillageDto {
  @ApiProperty() @IsUUID() villageId!: string;
  @ApiProperty() @IsCalendarDate() from!: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() to?: string | null;
}

export class FixtureSpeakerCreateDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() townId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() villageId?: string | null;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(50) name!: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(100) firm?: string | null;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(20) phone?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsUUID() userId?: string | null;
  @ApiPropertyOptional({ type: [ServedVillageDto] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ServedVillageDto) villages?: ServedVillageDto[];
}

export class FixtureSpeakerUpdateDto extends PartialType(OmitType(FixtureSpeakerCreateDto, ['townId'])) {
  @ApiProperty() @IsVersion() version!: number;
}

export class FixtureSpeakerListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() townId?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(50) q?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(20) phone?: string;
  @ApiPropertyOptional({ description: 'serves this village' }) @IsOptional() @IsUUID() servesVillage?: string;
}

export class FixtureSpeakerUnmaskDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(1) @IsIn(['phone'], { each: true }) fields!: 'phone'[];
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) reason!: string;
}

interface ServedVillage {
  villageId: string;
  from: string;
  to: string | null;
}
interface SpeakerRow extends FixtureSpeakerEntity {
  timeZone: string;
  villageName: string | null;
  villages: ServedVillage[];
}
type SpeakerFilter = Omit<FixtureSpeakerListQuery, 'phone'> & ListFilter & { phoneIdx?: string | null };
export type FixtureSpeakerDto = Omit<SpeakerRow, 'phoneEnc' | 'phoneIdx' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy' | 'timeZone'> & { phone: string | null };

@Injectable()
export class FixtureSpeakerRepository extends RegisterRepository<SpeakerRow, SpeakerFilter> {
  protected readonly spec = registerTable<SpeakerFilter>({
    ledger: 'fixture-speaker',
    table: 'fixture_speaker',
    alias: 's',
    select: `s.*, t.time_zone AS "timeZone", vil.name AS "villageName"`,
    from: `FROM fixture_speaker s JOIN org_unit t ON t.id = s.town_id LEFT JOIN org_unit vil ON vil.id = s.village_id`,
    owners: { owners: ['s.created_by', 's.user_id'], ownerArrays: [] },
    sorts: { name: 's.name %s' },
    defaultSort: 'name',
    filters: {
      townId: { eq: 's.town_id' },
      q: { contains: ['s.name', 's.firm'] },
      phoneIdx: { blind: 's.phone_idx' },
      servesVillage: (village: string, sql) => `EXISTS (SELECT 1 FROM fixture_speaker_village v WHERE v.speaker_id = s.id AND v.village_id = ${sql.p(village)})`,
    },
    children: { villages: { table: 'fixture_speaker_village', parent: 'speaker_id', fields: { villageId: 'village_id', from: 'served_from', to: 'served_to' }, order: ['served_from', 'id'] } },
  });
}

@Injectable()
export class FixtureSpeakerService extends RegisterService<SpeakerRow, SpeakerFilter, FixtureSpeakerDto> {
  constructor(kit: RegisterKit, repo: FixtureSpeakerRepository) {
    super(kit, repo, { entity: 'fixture-speaker', notFound: { zh: '讲师不存在', en: 'Speaker not found' }, personal: { phone: 'phone' } });
  }

  toDto(r: SpeakerRow): FixtureSpeakerDto {
    return {
      id: r.id,
      townId: r.townId,
      villageId: r.villageId,
      villageName: r.villageName,
      name: r.name,
      firm: r.firm,
      phone: this.personal(r, 'phone'),
      userId: r.userId,
      villages: r.villages,
      version: r.version,
    };
  }

  async create(principal: Principal, dto: FixtureSpeakerCreateDto): Promise<FixtureSpeakerDto> {
    const { townId, villageId } = await this.kit.places.placeOf(principal, dto.townId, dto.villageId ?? null);
    this.checkPersonal(dto);
    return this.createRow(principal, townId, {
      columns: async (em) => {
        if (dto.userId) await this.checkAccount(em, townId, dto.userId);
        return { village_id: villageId, name: dto.name, firm: dto.firm ?? null, user_id: dto.userId ?? null, ...this.personalColumns({ phone: dto.phone ?? null }) };
      },
      then: async (em, id) => this.rows.addChildren(em, 'villages', id, await this.served(principal, townId, dto.villages ?? [])),
    });
  }

  update(principal: Principal, id: string, dto: FixtureSpeakerUpdateDto): Promise<FixtureSpeakerDto> {
    this.checkPersonal(dto);
    return this.updateRow(principal, id, dto.version, async (em, before) => {
      if (dto.userId) await this.checkAccount(em, before.townId, dto.userId);
      if (dto.villages) await this.rows.replaceChildren(em, 'villages', id, await this.served(principal, before.townId, dto.villages));
      const set: Record<string, unknown> = this.personalColumns(dto);
      if (dto.name !== undefined) set.name = dto.name;
      if (dto.firm !== undefined) set.firm = dto.firm;
      if (dto.userId !== undefined) set.user_id = dto.userId;
      return set;
    });
  }

  /** The villages served as child rows; each must be a village of the town in the caller's scope. */
  private async served(principal: Principal, townId: string, villages: ServedVillageDto[]): Promise<Record<string, unknown>[]> {
    const rows = [];
    for (const v of villages) {
      const place = await this.kit.places.placeOf(principal, townId, v.villageId);
      rows.push({ id: randomUUID(), village_id: place.villageId, served_from: v.from, served_to: v.to ?? null });
    }
    return rows;
  }
}

@Controller('fixture-speakers')
export class FixtureSpeakerController extends RegisterRoutes<
  FixtureSpeakerDto,
  FixtureSpeakerDto,
  { list: FixtureSpeakerListQuery; create: FixtureSpeakerCreateDto; update: FixtureSpeakerUpdateDto; unmask: FixtureSpeakerUnmaskDto }
>({
  read: ['legal.read', 'advisor.read'],
  write: 'legal.write',
  listQuery: FixtureSpeakerListQuery,
  createBody: FixtureSpeakerCreateDto,
  updateBody: FixtureSpeakerUpdateDto,
  unmaskBody: FixtureSpeakerUnmaskDto,
  search: true,
  personalQuery: ['phone'],
  accounts: true,
  remove: true,
}) {
  constructor(speakers: FixtureSpeakerService) {
    super(speakers);
  }
}

@Module({ controllers: [FixtureSpeakerController], providers: [FixtureSpeakerRepository, FixtureSpeakerService] })
export class FixtureSpeakerModule {}
