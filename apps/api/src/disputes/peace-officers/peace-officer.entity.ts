import { entityOf, field, personal } from '../../ledger-core/kit/fields';
import { RegisterEntity } from '../../ledger-core/kit/register-entity';
import { UserEntity } from '../../org/user.entity';

/** A peace officer (平安员) of the town's register; disputes' mediators point here. */
export const PEACE_OFFICER_FIELDS = {
  villageId: field.uuid(),
  name: field.text(50).required(),
  ...personal('phone'),
  activeFrom: field.date().required(),
  activeTo: field.date(),
  /** The officer's own account, if any. */
  userId: field.uuid(),
  remark: field.text(500),
};
export const PeaceOfficerEntity = entityOf('peace_officer', 'PeaceOfficerEntity', RegisterEntity, PEACE_OFFICER_FIELDS, {
  indexes: [
    ['ix_peace_officer_village', ['townId', 'villageId']],
    ['ix_peace_officer_active', ['townId', 'activeFrom', 'activeTo']],
    ['ix_peace_officer_user', ['townId', 'userId']],
    ['ix_peace_officer_phone', ['townId', 'phoneIdx']],
  ],
  relations: [{ property: 'user', target: () => UserEntity, column: 'user_id', constraint: 'fk_peace_officer_user', onDelete: 'SET NULL' }],
});
export type PeaceOfficerEntity = InstanceType<typeof PeaceOfficerEntity>;

/** The phone as given; stored encrypted (`phoneEnc`) with its blind index (`phoneIdx`). */
export const PEACE_OFFICER_INPUT = { phone: field.text(20) };
