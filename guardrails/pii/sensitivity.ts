/**
 * Default sensitivity grades. `sensitive` follows PIPL art. 28 (sensitive personal information: ID numbers,
 * financial accounts, precise location/whereabouts, biometrics, health, minors' data) and GDPR art. 9/10;
 * credentials are graded sensitive because a leak is immediately exploitable. `personal` is ordinary personal
 * information; `none` is data that identifies no natural person (company codes, city names).
 * Overridable per deployment through the detector options.
 */
import type { Sensitivity } from '../core/types.js';
import type { EntityType, SensitivityMap } from './types.js';

export const DEFAULT_SENSITIVITY: Record<EntityType, Sensitivity> = {
  EMAIL_ADDRESS: 'personal',
  PHONE_NUMBER: 'personal',
  CREDIT_CARD: 'sensitive',
  BANK_ACCOUNT: 'sensitive',
  IBAN_CODE: 'sensitive',
  CN_RESIDENT_ID: 'sensitive',
  CN_USCC: 'none',
  PASSPORT: 'sensitive',
  US_SSN: 'sensitive',
  IP_ADDRESS: 'personal',
  MAC_ADDRESS: 'personal',
  CN_LICENSE_PLATE: 'personal',
  HK_ID_CARD: 'sensitive',
  TW_NATIONAL_ID: 'sensitive',
  MO_RESIDENT_ID: 'sensitive',
  CN_TRAVEL_PERMIT: 'sensitive',
  DATE_OF_BIRTH: 'personal',
  CLOUD_ACCESS_KEY: 'sensitive',
  API_TOKEN: 'sensitive',
  JWT: 'sensitive',
  PRIVATE_KEY: 'sensitive',
  PASSWORD: 'sensitive',
  URL_CREDENTIALS: 'sensitive',
  PERSON: 'personal',
  ADDRESS: 'personal',
  LOCATION: 'none',
  ORGANIZATION: 'none',
};

export function sensitivityTable(overrides: SensitivityMap = {}): Record<EntityType, Sensitivity> {
  return { ...DEFAULT_SENSITIVITY, ...overrides };
}
