/** All built-in recognizers. Adding an entity family = adding a file and one line here. */
import type { Recognizer } from '../types.js';
import { addressRecognizer } from './address.js';
import { bankAccountRecognizer } from './bank-account.js';
import { cnLicensePlateRecognizer } from './cn-license-plate.js';
import { cnResidentIdRecognizer } from './cn-resident-id.js';
import { cnTravelPermitRecognizer } from './cn-travel-permit.js';
import { cnUsccRecognizer } from './cn-uscc.js';
import { dateOfBirthRecognizer } from './date-of-birth.js';
import { emailRecognizer } from './email.js';
import { enNerRecognizer } from './en-ner.js';
import { hkIdCardRecognizer } from './hk-id-card.js';
import { hkMoTwPhoneRecognizer } from './hk-mo-tw-phone.js';
import { ibanRecognizer } from './iban.js';
import { locationRecognizer } from './location.js';
import { moResidentIdRecognizer } from './mo-resident-id.js';
import { networkRecognizer } from './network.js';
import { organizationRecognizer } from './organization.js';
import { passportRecognizer } from './passport.js';
import { paymentCardRecognizer } from './payment-card.js';
import { personRecognizer } from './person.js';
import { phoneRecognizer } from './phone.js';
import { secretsRecognizer } from './secrets.js';
import { twNationalIdRecognizer } from './tw-national-id.js';
import { usSsnRecognizer } from './us-ssn.js';

export const BUILTIN_RECOGNIZERS: readonly Recognizer[] = [
  emailRecognizer,
  phoneRecognizer,
  hkMoTwPhoneRecognizer,
  paymentCardRecognizer,
  bankAccountRecognizer,
  ibanRecognizer,
  cnResidentIdRecognizer,
  cnUsccRecognizer,
  hkIdCardRecognizer,
  twNationalIdRecognizer,
  moResidentIdRecognizer,
  cnTravelPermitRecognizer,
  passportRecognizer,
  usSsnRecognizer,
  networkRecognizer,
  cnLicensePlateRecognizer,
  dateOfBirthRecognizer,
  secretsRecognizer,
  personRecognizer,
  addressRecognizer,
  locationRecognizer,
  organizationRecognizer,
  enNerRecognizer,
];
