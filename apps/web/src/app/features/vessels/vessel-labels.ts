import {
  CertificateDto,
  CertificateEventKind,
  Disposal,
  HullMaterial,
  PersuasionMeasure,
  VesselSource,
} from '@fazhi/contracts';
import { TKey } from '../../core/i18n/dictionary';

/*
 * Labels of the vessel ledger's enums. The contracts give the Chinese words (the 台账 layout);
 * the dictionaries give them in both languages under these keys (a test keeps them equal).
 */
export const SOURCE_KEYS: Record<VesselSource, TKey> = {
  patrol: 'vessels.sourcePatrol',
  report: 'vessels.sourceReport',
  joint: 'vessels.sourceJoint',
};

export const HULL_KEYS: Record<HullMaterial, TKey> = {
  wood: 'vessels.hullWood',
  fibreglass: 'vessels.hullFibreglass',
  steel: 'vessels.hullSteel',
  rubber: 'vessels.hullRubber',
  plastic_steel: 'vessels.hullPlasticSteel',
};

export const DISPOSAL_KEYS: Record<Disposal, TKey> = {
  self: 'vessels.disposalSelf',
  campaign: 'vessels.disposalCampaign',
  handed_over: 'vessels.disposalHandedOver',
};

export const MEASURE_KEYS: Record<PersuasionMeasure, TKey> = {
  education: 'vessels.measureEducation',
  demonstration: 'vessels.measureDemonstration',
  guidance: 'vessels.measureGuidance',
  notice: 'vessels.measureNotice',
  visit: 'vessels.measureVisit',
};

export const CERTIFICATE_EVENT_KEYS: Record<CertificateEventKind, TKey> = {
  apply: 'certificates.eventApply',
  renew: 'certificates.eventRenew',
  cancel: 'certificates.eventCancel',
  replace: 'certificates.eventReplace',
  annual_review: 'certificates.eventAnnualReview',
};

export const VALIDITY: Record<CertificateDto['validity'], { key: TKey; color: string }> = {
  ok: { key: 'certificates.validityOk', color: 'green' },
  due: { key: 'certificates.validityDue', color: 'orange' },
  expired: { key: 'certificates.validityExpired', color: 'red' },
  inactive: { key: 'certificates.validityInactive', color: 'default' },
};

/** Labels of the data a transition step carries (`requires` in the contracts' table). */
export const STEP_FIELD_KEYS: Record<string, TKey> = {
  committedOn: 'vessels.committedOn',
  dismantledOn: 'vessels.dismantledOn',
  dismantlePlace: 'vessels.dismantlePlace',
  witnesses: 'vessels.witnesses',
  campaignId: 'vessels.campaign',
  verifiedOn: 'vessels.verifiedOn',
  verifiedBy: 'vessels.verifiedBy',
  handedOverOn: 'vessels.handedOverOn',
  externalCaseNo: 'vessels.externalCaseNo',
};
