import { describe, expect, it } from 'vitest';
import * as gen from '../../../datasets/pii/identifiers.js';
import { found, typesIn } from './helpers.js';

const rng = gen.seededRng(2024);

describe('CN resident ID (GB 11643)', () => {
  it('finds valid 18-digit IDs, also with X, spaces and full-width digits', () => {
    expect(found('身份证号：11010519491231002X，请核对')).toEqual(['CN_RESIDENT_ID:11010519491231002X']);
    expect(found('ID 110105 19491231 002X')).toEqual(['CN_RESIDENT_ID:110105 19491231 002X']);
    expect(found('证件号码１１０１０５１９４９１２３１００２Ｘ')).toEqual(['CN_RESIDENT_ID:１１０１０５１９４９１２３１００２Ｘ']);
    for (let i = 0; i < 20; i++) {
      const id = gen.cnResidentId(rng);
      expect(found(`客户身份证 ${id} 已登记`)).toEqual([`CN_RESIDENT_ID:${id}`]);
    }
  });

  it('rejects a wrong check digit even with context', () => {
    for (let i = 0; i < 20; i++) expect(typesIn(`身份证号 ${gen.cnResidentId(rng, false)}`)).not.toContain('CN_RESIDENT_ID');
  });

  it('legacy 15-digit IDs need context', () => {
    expect(found('身份证 110105491231002')).toEqual(['CN_RESIDENT_ID:110105491231002']);
    expect(typesIn('编号110105491231002')).not.toContain('CN_RESIDENT_ID');
  });
});

describe('CN mobile and landline', () => {
  it('finds mobiles: plain, +86, split by spaces/dashes, full-width, zero-width', () => {
    expect(found('我的手机号是13800138000')).toEqual(['PHONE_NUMBER:13800138000']);
    expect(found('电话 +86 138 0013 8000')).toEqual(['PHONE_NUMBER:+86 138 0013 8000']);
    expect(found('call 138-0013-8000')).toEqual(['PHONE_NUMBER:138-0013-8000']);
    expect(found('手机：１３８００１３８０００')).toEqual(['PHONE_NUMBER:１３８００１３８０００']);
    expect(found('手机：138\u200b0013\u200b8000')).toEqual(['PHONE_NUMBER:138\u200b0013\u200b8000']);
  });
  it('rejects unallocated prefixes and wrong lengths', () => {
    expect(typesIn('号码 12000138000')).not.toContain('PHONE_NUMBER');
    expect(typesIn('号码 1380013800')).not.toContain('PHONE_NUMBER');
    expect(typesIn('号码 138001380001')).not.toContain('PHONE_NUMBER');
  });
  it('finds landlines with area codes', () => {
    expect(found('座机 010-62345678 转 8')).toEqual(['PHONE_NUMBER:010-62345678']);
    expect(found('电话(0755)86013388')).toEqual(['PHONE_NUMBER:(0755)86013388']);
  });
});

describe('Unified Social Credit Code (GB 32100)', () => {
  it('finds valid codes and rejects a wrong check character', () => {
    for (let i = 0; i < 20; i++) {
      const code = gen.cnUscc(rng);
      expect(found(`统一社会信用代码：${code}`)).toEqual([`CN_USCC:${code}`]);
      expect(typesIn(`统一社会信用代码：${gen.cnUscc(rng, false)}`)).not.toContain('CN_USCC');
    }
  });
});

describe('CN passport, plate, bank account', () => {
  it('passport needs context', () => {
    expect(found('护照号码 E12345678')).toEqual(['PASSPORT:E12345678']);
    expect(found('passport no. G23456789')).toEqual(['PASSPORT:G23456789']);
    expect(typesIn('型号 E12345678')).not.toContain('PASSPORT');
  });
  it('licence plates, including new-energy plates', () => {
    expect(found('车牌号京A12345违章')).toEqual(['CN_LICENSE_PLATE:京A12345']);
    expect(found('粤B·D12345')).toEqual(['CN_LICENSE_PLATE:粤B·D12345']);
    expect(typesIn('京ABCDEF')).not.toContain('CN_LICENSE_PLATE');
  });
  it('bank account numbers only with context; Luhn-valid cards are cards', () => {
    expect(found('收款账号：6217 0000 1234 5678 901')).toEqual(['BANK_ACCOUNT:6217 0000 1234 5678 901']);
    const card = gen.paymentCard(rng, true, 'unionpay');
    expect(found(`银行卡号 ${card}`)).toEqual([`CREDIT_CARD:${card}`]);
    expect(typesIn('一共 12345678901 人')).toEqual([]);
  });
});
