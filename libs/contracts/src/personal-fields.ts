import { ADVISOR_SERVICE_COLUMNS } from './advisors';
import { DISPUTE_COLUMNS } from './disputes';
import { VESSEL_COLUMNS } from './vessels';

/** The kinds of a citizen's personal data: each is encrypted, indexed and masked its own way. */
export type PersonalKind = 'name' | 'idNumber' | 'phone' | 'address';

/**
 * The field names that hold a citizen's personal data wherever they travel (records, list and
 * export filters, import rows, audit rows): the ledgers' masked columns and the person searches.
 */
export const PERSONAL_FIELDS: ReadonlyMap<string, PersonalKind> = new Map<string, PersonalKind>([
  ...[...VESSEL_COLUMNS, ...DISPUTE_COLUMNS, ...ADVISOR_SERVICE_COLUMNS].flatMap((c): [string, PersonalKind][] => (c.masked ? [[c.field, c.masked]] : [])),
  ['ownerName', 'name'],
  ['ownerIdNumber', 'idNumber'],
  ['ownerPhone', 'phone'],
  ['partyName', 'name'],
  ['partyIdNumber', 'idNumber'],
  ['partyPhone', 'phone'],
]);

/** Objects that describe one citizen (a dispute's parties, a vessel's owner): inside them `name` and `address` are personal too. */
export const PERSON_OBJECTS: ReadonlySet<string> = new Set(['parties', 'party', 'owner', 'owners']);
