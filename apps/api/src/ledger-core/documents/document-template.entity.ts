import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A town's own Word template for a kind of document (e.g. the mediation agreement); replaces the built-in one. */
@Entity({ name: 'document_template' })
@Index('ux_document_template_kind', ['townId', 'kind'], { unique: true })
export class DocumentTemplateEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'town_id' }) townId!: string;
  @Column('varchar', { length: 48 }) kind!: string;
  @Column('varchar', { name: 'file_name', length: 255 }) fileName!: string;
  @Column('bytea') content!: Buffer;
  @Column('int') size!: number;
  @Column('varchar', { length: 64 }) sha256!: string;
  @Column('text', { array: true, default: () => "'{}'" }) placeholders!: string[];
  @Column('uuid', { name: 'uploaded_by', nullable: true }) uploadedBy!: string | null;
  @Column('timestamptz', { name: 'uploaded_at' }) uploadedAt!: Date;
  @Column('int', { default: 1 }) version!: number;
}
