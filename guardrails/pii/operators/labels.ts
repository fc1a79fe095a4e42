/** Short, model-friendly placeholder labels: `<PHONE_1>` rather than `<PHONE_NUMBER_1>`. */
const LABELS: Record<string, string> = {
  EMAIL_ADDRESS: 'EMAIL', PHONE_NUMBER: 'PHONE', CREDIT_CARD: 'CARD', BANK_ACCOUNT: 'BANK_ACCOUNT', IBAN_CODE: 'IBAN',
  CN_RESIDENT_ID: 'ID_NUMBER', CN_USCC: 'USCC', PASSPORT: 'PASSPORT', US_SSN: 'SSN', IP_ADDRESS: 'IP', MAC_ADDRESS: 'MAC',
  CN_LICENSE_PLATE: 'PLATE', HK_ID_CARD: 'HKID', TW_NATIONAL_ID: 'TW_ID', MO_RESIDENT_ID: 'MO_ID', CN_TRAVEL_PERMIT: 'TRAVEL_PERMIT', DATE_OF_BIRTH: 'DOB', CLOUD_ACCESS_KEY: 'ACCESS_KEY', API_TOKEN: 'API_TOKEN', JWT: 'JWT',
  PRIVATE_KEY: 'PRIVATE_KEY', PASSWORD: 'PASSWORD', URL_CREDENTIALS: 'CREDENTIALS', PERSON: 'PERSON', ADDRESS: 'ADDRESS',
  LOCATION: 'LOCATION', ORGANIZATION: 'ORG',
};

export function placeholderLabel(type: string | undefined, category: string): string {
  if (type && LABELS[type]) return LABELS[type]!;
  const raw = (type ?? category.split('.').pop() ?? 'PII').toUpperCase().replace(/[^A-Z_]/g, '_');
  return raw || 'PII';
}
