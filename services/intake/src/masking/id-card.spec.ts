import { idCardCheckCharacter, isPlausibleLegacyIdCardNumber, isValidIdCardNumber, matchIdCard } from './id-card';
import { isBankCardNumber } from './bank-card';
import { maskText } from './mask-text';

const VALID = '11010519491231002X';
const withCheck = (first17: string): string => first17 + idCardCheckCharacter(first17);

describe('resident ID numbers', () => {
  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(idCardCheckCharacter('11010519491231002')).toBe('X');
    expect(withCheck('44030419900101123')).toMatch(/^\d{17}[\dX]$/);
    expect(isValidIdCardNumber(withCheck('44030419900101123'))).toBe(true);
  });

  it('accepts an 18-character number with a valid check character, lower-case x included', () => {
    expect(isValidIdCardNumber(VALID)).toBe(true);
    expect(isValidIdCardNumber(VALID.toLowerCase())).toBe(true);
  });

  it('refuses a wrong check character, an impossible birth date or an unknown province', () => {
    expect(isValidIdCardNumber('110105194912310021')).toBe(false);
    expect(isValidIdCardNumber(withCheck('11010519490230002'))).toBe(false); // 30 February
    expect(isValidIdCardNumber(withCheck('11010518991231002'))).toBe(false); // born 1899
    expect(isValidIdCardNumber(withCheck('00010519491231002'))).toBe(false);
    expect(isValidIdCardNumber('1101051949123100')).toBe(false);
  });

  it("accepts Hong Kong, Macao and Taiwan residence permits and the foreigner's permanent residence ID (9…)", () => {
    expect(isValidIdCardNumber(withCheck('81000019900101123'))).toBe(true);
    expect(isValidIdCardNumber(withCheck('93115619850615001'))).toBe(true);
  });

  it('takes a 15-digit first-generation number with a province and a real 19YY date as plausible', () => {
    expect(isPlausibleLegacyIdCardNumber('110105491231002')).toBe(true);
    expect(isPlausibleLegacyIdCardNumber('110105490231002')).toBe(false); // 31 February
    expect(isPlausibleLegacyIdCardNumber('000105491231002')).toBe(false);
    expect(matchIdCard('110105491231002')?.kind).toBe('id_card');
  });

  it('masks every character, in Chinese text without spaces', () => {
    expect(maskText(`我的身份证号是${VALID}谢谢`)).toEqual({ text: '我的身份证号是******************谢谢', found: { id_card: 1 } });
    expect(maskText(`My ID is ${VALID.toLowerCase()}.`).text).toBe('My ID is ******************.');
  });

  it('masks the numbers people and speech recognition write with separators', () => {
    expect(maskText('身份证 110105 19491231 002X 对吧').text).toBe('身份证 ****** ******** **** 对吧');
    expect(maskText('110105-19491231-002X').text).toBe('******-********-****');
    expect(maskText('ID 1101 0519 4912 3100 2X ok').text).toBe('ID **** **** **** **** ** ok');
  });

  it('masks full-width digits and Chinese numerals read digit by digit, X spoken as 叉', () => {
    expect(maskText('身份证１１０１０５１９４９１２３１００２Ｘ').text).toBe('身份证******************');
    expect(maskText('身份证号一一零一零五一九四九一二三一零零二叉，对').text).toBe('身份证号******************，对');
    expect(maskText('身份证号一一零一零五一九四九一二三一零零二X').found).toEqual({ id_card: 1 });
  });

  it('masks a 15-digit first-generation number', () => {
    expect(maskText('老身份证110105491231002').text).toBe('老身份证***************');
  });

  it('counts an 18-digit number that is both a valid ID and Luhn-valid as an ID card', () => {
    let id = '';
    for (let seq = 100; seq < 1000 && !id; seq++) {
      const candidate = withCheck(`44030419900101${seq}`);
      if (isBankCardNumber(candidate)) id = candidate;
    }
    expect(isValidIdCardNumber(id)).toBe(true);
    expect(maskText(`号码${id}`).found).toEqual({ id_card: 1 });
  });

  it('leaves numbers with a wrong check character alone when they are nothing else', () => {
    expect(maskText('编号110105194912310021').text).toBe('编号110105194912310021');
  });
});
