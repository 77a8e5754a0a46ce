import { findPhrase, foldText } from './fold-text';

const quotes = (text: string, phrase: string, language: 'zh' | 'en') =>
  findPhrase(foldText(text, language), phrase, language).map(({ start, end }) => text.slice(start, end));

describe('foldText and findPhrase', () => {
  it('matches Chinese without word boundaries, across spaces and punctuation', () => {
    expect(quotes('这个我也不知道啊', '不知道', 'zh')).toEqual(['不知道']);
    expect(quotes('这个我也不 知，道', '不知道', 'zh')).toEqual(['不 知，道']);
  });

  it('folds traditional forms and full-width characters', () => {
    expect(quotes('請問還有什麼可以幫您？', '请问还有什么可以帮您', 'zh')).toEqual(['請問還有什麼可以幫您']);
    expect(quotes('我的工號是１０２３', '工号', 'zh')).toEqual(['工號']);
    expect(foldText('工號：１０２３', 'zh').text).toBe('工号1023');
    expect(quotes('這個沒辦法', '没办法', 'zh')).toEqual(['沒辦法']);
  });

  it('matches English case- and punctuation-insensitively, as whole words', () => {
    expect(quotes("Well, I DON’T know, sir.", "I don't know", 'en')).toEqual(['I DON’T know']);
    expect(quotes('i dont   know', "I don't know", 'en')).toEqual(['i dont   know']);
    expect(quotes('Hello! Hello.', 'hello', 'en')).toEqual(['Hello', 'Hello']);
    expect(quotes('Othello is a play', 'hello', 'en')).toEqual([]);
    expect(quotes('ＨＥＬＬＯ there', 'hello', 'en')).toEqual(['ＨＥＬＬＯ']);
  });

  it('finds nothing for an empty phrase', () => {
    expect(quotes('hello', ' ', 'en')).toEqual([]);
  });
});
