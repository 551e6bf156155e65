import { CampaignDto, CertificateDto, CertificateEventKind, Disposal, HullMaterial, PERSUASION_MEASURE_LABELS, PersuasionMeasure, VesselSource } from '@fazhi/contracts';
import { TKey } from '../../core/i18n/dictionary';
import { I18nService } from '../../core/i18n/i18n.service';
import { StepInput } from '../../shared/transition-modal.component';

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

/** How the step modal asks each field a vessel step requires: dates for `…On`, a planned campaign for `campaignId`, else text. */
export function vesselStepInputs(requires: readonly string[], campaigns: readonly CampaignDto[], t: I18nService['t']): StepInput[] {
  return requires.map((name) => {
    const label = STEP_FIELD_KEYS[name] ? t(STEP_FIELD_KEYS[name]) : name;
    if (name !== 'campaignId') return { name, label, kind: /On$/.test(name) ? 'date' : 'text' };
    const options = campaigns.map((c) => ({ value: c.id, label: `${c.number} · ${c.date} · ${c.place}` }));
    return { name, label, kind: 'select', options, placeholder: t('vessels.chooseCampaign'), empty: t('vessels.noPlannedCampaign') };
  });
}

/** A persuasion entry's fields: the date (today), who persuaded (the caller), the measure and its result. */
export function persuasionInputs(staff: string, t: I18nService['t']): StepInput[] {
  const measures = (Object.keys(PERSUASION_MEASURE_LABELS) as PersuasionMeasure[]).map((m) => ({ value: m, label: t(MEASURE_KEYS[m]) }));
  return [
    { name: 'date', kind: 'date', label: t('vessels.persuasionDate') },
    { name: 'staff', kind: 'text', label: t('vessels.persuasionStaff'), initial: staff, max: 100 },
    { name: 'measure', kind: 'select', label: t('vessels.persuasionMeasure'), options: measures, initial: 'education' },
    { name: 'result', kind: 'textarea', label: t('vessels.persuasionResult'), max: 1000 },
  ];
}
