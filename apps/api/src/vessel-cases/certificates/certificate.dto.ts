import { PageQuery } from '../../common/pagination';
import { VersionDto } from '../../common/version';
import { field, inputOf } from '../../ledger-core/kit/fields';
import { CERTIFICATE_EVENT_FIELDS, CERTIFICATE_FIELDS } from './certificate.entities';

/** The fields a new certificate is issued with. */
export const ISSUED = ['officerId', 'number', 'issuedOn', 'expiresOn'] as const;
export const CertificateCreateDto = inputOf('CertificateCreateDto', CERTIFICATE_FIELDS, ISSUED, { mode: 'create' });
export type CertificateCreateDto = InstanceType<typeof CertificateCreateDto>;

const EVENT = {
  ...CERTIFICATE_EVENT_FIELDS,
  /** An application is the certificate's issue; the other events are added to it. */
  kind: field.values(['renew', 'cancel', 'replace', 'annual_review']).required(),
  expiresOn: field.date().describe('renew: the new expiry'),
  number: field.text(64).filled().describe('replace/renew: the new certificate number'),
};
export const CertificateEventDto = inputOf('CertificateEventDto', EVENT, ['kind', 'date', 'expiresOn', 'number', 'remark'], { mode: 'create', base: VersionDto });
export type CertificateEventDto = InstanceType<typeof CertificateEventDto>;

const QUERY = { officerId: field.uuid(), townId: field.uuid(), validity: field.values(['ok', 'due', 'expired', 'inactive']) };
export const CertificateListQuery = inputOf('CertificateListQuery', QUERY, ['officerId', 'townId', 'validity'], { mode: 'query', base: PageQuery });
export type CertificateListQuery = InstanceType<typeof CertificateListQuery>;
