import { CERTIFICATE_EVENT_LABELS } from '@fazhi/contracts';
import type { CertificateStatus } from '@fazhi/contracts';
import { entityOf, field } from '../../ledger-core/kit/fields';
import { RegisterEntity } from '../../ledger-core/kit/register-entity';
import { RecordPartEntity } from '../../ledger-core/ledger-record.entity';
import { UserEntity } from '../../org/user.entity';

/** An enforcement certificate (执法证) held by an officer (DOMAIN.md §3.5). */
export const CERTIFICATE_FIELDS = {
  officerId: field.uuid().required(),
  number: field.text(64).required(),
  issuedOn: field.date().required(),
  expiresOn: field.date().required(),
  status: field.stored<CertificateStatus>('varchar', { length: 16, nullable: false }),
};
export const CertificateEntity = entityOf('certificate', 'CertificateEntity', RegisterEntity, CERTIFICATE_FIELDS, {
  indexes: [
    ['ux_certificate_number', ['townId', 'number'], { unique: true }],
    ['ix_certificate_officer', ['townId', 'officerId']],
  ],
  relations: [{ property: 'officer', target: () => UserEntity, column: 'officer_id', constraint: 'fk_certificate_officer', onDelete: 'RESTRICT' }],
});
export type CertificateEntity = InstanceType<typeof CertificateEntity>;

/** What happened to a certificate (applied for, renewed, replaced, reviewed, cancelled), in its answer's order. */
export const CERTIFICATE_EVENT_FIELDS = {
  certificateId: field.uuid().required(),
  kind: field.oneOf(CERTIFICATE_EVENT_LABELS, 16).required(),
  date: field.date().required(),
  remark: field.text(500),
};
export const CertificateEventEntity = entityOf('certificate_event', 'CertificateEventEntity', RecordPartEntity, CERTIFICATE_EVENT_FIELDS, {
  indexes: [['ix_certificate_event_cert', ['townId', 'certificateId', 'date']]],
  relations: [{ property: 'certificate', target: () => CertificateEntity, column: 'certificate_id', constraint: 'fk_certificate_event_cert', onDelete: 'CASCADE' }],
});
export type CertificateEventEntity = InstanceType<typeof CertificateEventEntity>;
